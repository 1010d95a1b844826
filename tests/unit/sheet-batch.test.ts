// The batch export's file names (shared/sheet-batch.ts): from the debate and the student, no two alike, never a path.
import { describe, expect, it } from 'vitest';
import { batchFileNames, batchZipName } from '../../src-main/shared/sheet-batch';

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

describe('long motions', () => {
  it('end at a word, not half-way through one', () => {
    const motion = 'Russia and China after the Kazakhstan crisis (January 2022): alliance or rivalry?';
    expect(batchZipName(motion)).toBe('Russia and China after the Kazakhstan crisis January 2022 - sheets.zip');
    expect(batchFileNames(motion, ['Amara Okafor'], 'pdf')).toEqual([
      'Russia and China after the Kazakhstan crisis January 2022 - Amara Okafor.pdf',
    ]);
  });

  it('keep a single long word cut where it must be', () => {
    expect(batchZipName('x'.repeat(80))).toBe(`${'x'.repeat(60)} - sheets.zip`);
  });
});

describe('batchZipName', () => {
  it('names the .zip after the debate', () => {
    expect(batchZipName(MOTION)).toBe('Russia and China alliance or rivalry - sheets.zip');
  });
});
