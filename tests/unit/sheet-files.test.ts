// The batch export's file names and .zip (src-renderer/lib/sheet-files.ts): no two alike, never a path.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { batchFileNames, batchZipName, bytesOf, zipFiles } from '../../src-renderer/lib/sheet-files';

const MOTION = 'Russia and China: alliance or rivalry?';

describe('batchFileNames', () => {
  it('names each file from the debate and the student', () => {
    expect(batchFileNames(MOTION, ['Ana López', 'Lukas Novak'], 'pdf')).toEqual([
      'Russia and China alliance or rivalry - Ana López.pdf',
      'Russia and China alliance or rivalry - Lukas Novak.pdf',
    ]);
  });

  it('numbers students whose names make the same file name, without regard to case', () => {
    expect(batchFileNames(MOTION, ['Ana/Lopez', 'Ana Lopez', 'ana lopez', 'Ana Lopez (2)'], 'docx')).toEqual([
      'Russia and China alliance or rivalry - Ana Lopez.docx',
      'Russia and China alliance or rivalry - Ana Lopez (2).docx',
      'Russia and China alliance or rivalry - ana lopez (3).docx',
      // "(2)" is not kept by fileNamePart, so this one collides too.
      'Russia and China alliance or rivalry - Ana Lopez 2.docx',
    ]);
  });

  it('never makes a path or an empty name', () => {
    const [name] = batchFileNames('../../etc', ['../..'], 'markdown');
    expect(name).toBe('etc - Student.md');
  });
});

describe('the zip', () => {
  it('holds every file under its name, and is named after the debate', () => {
    const zip = zipFiles([
      { name: 'a.md', bytes: new TextEncoder().encode('# A') },
      { name: 'b.md', bytes: new TextEncoder().encode('# B') },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['a.md', 'b.md']);
    expect(strFromU8(files['b.md'] ?? new Uint8Array())).toBe('# B');
    expect(batchZipName(MOTION)).toBe('Russia and China alliance or rivalry - sheets.zip');
  });

  it('decodes the API’s base64 bytes', () => {
    const bytes = bytesOf({
      fileName: 'x',
      mimeType: 'text/plain',
      dataBase64: Buffer.from('héllo').toString('base64'),
    });
    expect(new TextDecoder().decode(bytes)).toBe('héllo');
  });
});
