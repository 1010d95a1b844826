// One student's argument sheet in the format asked for, and the list a teacher's batch export goes through.
import type { Board } from '../../shared/domain';
import {
  SHEET_MIME_TYPES,
  sheetFileName,
  type SheetFile,
  type SheetFormat,
  type SheetOptions,
  type SheetStudent,
} from '../../shared/sheet';
import { todayLocal } from '../clock';
import type { Db } from '../db/open';
import { findDebate } from '../debates';
import { AppError } from '../errors';
import { buildSheet } from './build';
import { renderSheetDocx } from './docx';
import { renderSheetHtml } from './html';
import { renderSheetMarkdown } from './markdown';
import type { PdfPrinter } from './pdf';

export interface SheetServices {
  resourcesDir: string;
  /** Absent where no Chromium can print (a browser host on a machine without one). */
  pdfPrinter: PdfPrinter | null;
}

export function previewSheet(board: Board, options: SheetOptions, services: SheetServices): { html: string } {
  return {
    html: renderSheetHtml(buildSheet(board, options, todayLocal(), services.resourcesDir), services.resourcesDir).body,
  };
}

async function sheetBytes(
  board: Board,
  format: SheetFormat,
  options: SheetOptions,
  services: SheetServices,
): Promise<Uint8Array> {
  const sheet = buildSheet(board, options, todayLocal(), services.resourcesDir);
  switch (format) {
    case 'markdown':
      return new TextEncoder().encode(renderSheetMarkdown(sheet));
    case 'html':
      return new TextEncoder().encode(renderSheetHtml(sheet, services.resourcesDir).document);
    case 'docx':
      return renderSheetDocx(sheet);
    case 'pdf':
      if (!services.pdfPrinter) {
        throw new AppError(
          'UNAVAILABLE',
          'Debate Desk cannot make a PDF file here. Use "Print…" and choose "Save as PDF" instead.',
        );
      }
      return services.pdfPrinter.print(renderSheetHtml(sheet, services.resourcesDir).document);
  }
}

export async function exportSheet(
  board: Board,
  format: SheetFormat,
  options: SheetOptions,
  services: SheetServices,
): Promise<SheetFile> {
  const bytes = await sheetBytes(board, format, options, services);
  return {
    fileName: sheetFileName(board.debate.motion, board.student.name, format),
    mimeType: SHEET_MIME_TYPES[format],
    dataBase64: Buffer.from(bytes).toString('base64'),
  };
}

/** Every student on the roster, alphabetically, with how much of this debate's board they have built. */
export function sheetStudents(db: Db, debateUuid: string): SheetStudent[] {
  const debate = findDebate(db, debateUuid);
  return db
    .prepare<[{ debate: number }], { uuid: string; name: string; placed: number; wrote: number }>(
      `SELECT p.uuid, p.name,
         (SELECT COUNT(*) FROM placements pl WHERE pl.debate_id = @debate AND pl.student_id = p.id AND pl.side IS NOT NULL) AS placed,
         (SELECT COUNT(*) FROM positions po WHERE po.debate_id = @debate AND po.student_id = p.id
            AND (po.thesis_markdown <> '' OR po.conclusion_markdown <> '')) AS wrote
       FROM people p WHERE p.role = 'student' ORDER BY p.name COLLATE NOCASE`,
    )
    .all({ debate: debate.rowId })
    .map((row) => ({
      id: row.uuid,
      name: row.name,
      placedCount: row.placed,
      started: row.placed > 0 || row.wrote > 0,
    }));
}
