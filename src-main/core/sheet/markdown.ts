// The argument sheet as Markdown (.md): readable as plain text, and the student's own Markdown kept as written.
import type { SheetModel } from '../../shared/sheet';

// TODO(sheet-core helper)
export function renderSheetMarkdown(sheet: SheetModel): string {
  return `# ${sheet.motion}\n`;
}
