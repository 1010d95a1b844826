// The file names of a batch export: one per student from sheetFileName(), no two alike, and the .zip's own name.
import { fileNamePart, sheetFileName, type SheetFormat } from './sheet';

/**
 * One file name per student: two students whose names make the same file name get "… (2)", "… (3)" (compared
 * without case, as Windows and macOS folders do).
 */
export function batchFileNames(motion: string, studentNames: string[], format: SheetFormat): string[] {
  const taken = new Set<string>();
  return studentNames.map((name) => {
    const base = sheetFileName(motion, name, format);
    const dot = base.lastIndexOf('.');
    const [stem, extension] = [base.slice(0, dot), base.slice(dot)];
    let candidate = base;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) candidate = `${stem} (${copy})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** "Russia and China alliance or rivalry - sheets.zip" */
export function batchZipName(motion: string): string {
  return `${fileNamePart(motion, 'Debate')} - sheets.zip`;
}
