// Exported sheets on their way to the user: bytes from the API's base64, a download through <a download>, the
// batch's .zip, and a folder that is never overwritten without asking (file names: shared/sheet-batch.ts).
import { zipSync } from 'fflate';
import type { SheetFile } from '../../src-main/shared/sheet';

export { batchFileNames, batchZipName } from '../../src-main/shared/sheet-batch';

export function bytesOf(file: SheetFile): Uint8Array<ArrayBuffer> {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Saves bytes as a file: the browser's download (Chromium), or Electron's save dialog (the shell's will-download). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the time the click returns; a moment later is safe for every browser.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves a file the API made (a sheet, a debate pack, a work file) as a download. */
export function downloadApiFile(file: SheetFile): void {
  downloadBytes(bytesOf(file), file.fileName, file.mimeType);
}

export function zipFiles(files: Array<{ name: string; bytes: Uint8Array }>): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = file.bytes;
  return zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>;
}

// ── Folders (the File System Access API: Chromium and Electron) ───────────────────────────────────────────

interface DirectoryPickerWindow {
  showDirectoryPicker?: (options?: { id?: string; mode?: 'read' | 'readwrite' }) => Promise<FileSystemDirectoryHandle>;
}

export function canPickFolder(): boolean {
  return typeof (window as DirectoryPickerWindow).showDirectoryPicker === 'function';
}

/** Asks for a folder; null when the user closes the picker. */
export async function pickFolder(): Promise<FileSystemDirectoryHandle | null> {
  const picker = (window as DirectoryPickerWindow).showDirectoryPicker;
  if (!picker) return null;
  try {
    return await picker.call(window, { id: 'debate-desk-sheets', mode: 'readwrite' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

/** The names among `names` that the folder already has (as files). */
export async function existingFiles(folder: FileSystemDirectoryHandle, names: string[]): Promise<string[]> {
  const existing: string[] = [];
  for (const name of names) {
    try {
      await folder.getFileHandle(name);
      existing.push(name);
    } catch (error) {
      // NotFoundError: free. TypeMismatchError: a folder of that name, which writing would fail on too.
      if (error instanceof DOMException && error.name === 'TypeMismatchError') existing.push(name);
      else if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    }
  }
  return existing;
}

export async function writeFile(folder: FileSystemDirectoryHandle, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const handle = await folder.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(bytes);
  } catch (error) {
    // Nothing half-written: the file keeps what it had (or stays empty).
    await writable.abort().catch(() => undefined);
    throw error;
  }
  await writable.close();
}
