// The import pipeline's small decisions: dates, bylines, encodings, format sniffing, PDF paragraphs, zip entries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { authorFromByline, metadataFromBody } from '../../src-main/core/import/body-metadata';
import { dateFromLine, dateFromValue, findDates } from '../../src-main/core/import/dates';
import { decodeText } from '../../src-main/core/import/decode-text';
import { detectFormat } from '../../src-main/core/import/file-format';
import { joinLines, joinPages, paragraphsFromItems, type PdfTextItem } from '../../src-main/core/import/pdf-paragraphs';
import { NO_METADATA } from '../../src-main/core/import/types';
import { readZipEntry } from '../../src-main/core/import/zip-entry';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('dates', () => {
  it.each([
    ['2022-01-13', '2022-01-13'],
    ['2022-01-13T23:30:00+06:00', '2022-01-13'],
    ['13 January 2022', '2022-01-13'],
    ['13th of Jan. 2022', '2022-01-13'],
    ['January 13, 2022', '2022-01-13'],
    ['Sept 3 2021', '2021-09-03'],
    ['13.01.22', '2022-01-13'],
    ['13/01/2022', '2022-01-13'],
    ['01/13/2022', '2022-01-13'],
    ['05.05.2022', '2022-05-05'],
    ['2022/1/9', '2022-01-09'],
  ])('reads %j as %s', (text, iso) => {
    expect(findDates(text).map((date) => date.iso)).toEqual([iso]);
  });

  it.each(['03/04/2022', '3.4.22', '2022-02-30', '31 February 2022', '13.13.2022', '1.000.000', 'v1.2.3', '2022'])(
    'finds no date in %j (ambiguous or impossible)',
    (text) => {
      expect(findDates(text)).toEqual([]);
    },
  );

  it('takes a dateline, a date prefix and a numeric date in a short line, but not a date in prose', () => {
    expect(dateFromLine('Published: Monday, 13 January 2022, 10:32 GMT')).toEqual({ iso: '2022-01-13', rest: '' });
    expect(dateFromLine('date 2022-01-21 Kazakhstan began 2022 in deep crisis')).toEqual({
      iso: '2022-01-21',
      rest: 'Kazakhstan began 2022 in deep crisis',
    });
    expect(dateFromLine('Alliance falters - article for the Telegraph 13.01.22')).toEqual({
      iso: '2022-01-13',
      rest: 'Alliance falters - article for the Telegraph 13.01.22',
    });
    expect(dateFromLine('Protests began in Zhanaozen on 2 January 2022 and spread.')).toBeNull();
    expect(dateFromLine('Published 13 January 2022, updated 14 January 2022')).toEqual({ iso: '2022-01-13', rest: '' });
    expect(dateFromLine('Between 2022-01-05 and 2022-01-19')).toBeNull();
  });

  it('reads metadata values that are dates and nothing else', () => {
    expect(dateFromValue('2022-01-14T08:30:00+06:00')).toBe('2022-01-14');
    expect(dateFromValue(new Date(Date.UTC(2022, 0, 14)))).toBe('2022-01-14');
    expect(dateFromValue('Friday, January 14, 2022')).toBe('2022-01-14');
    expect(dateFromValue('yesterday')).toBe('');
    expect(dateFromValue('The 14 January 2022 protests')).toBe('');
    expect(dateFromValue(20220114)).toBe('');
  });
});

describe('bylines', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by Aruzhan Bekova', 'Aruzhan Bekova'],
    ['BY: Marat Seitkali.', 'Marat Seitkali'],
    ['Written by Ludwig van der Berg', 'Ludwig van der Berg'],
    ['By Jane Doe and John Smith', 'Jane Doe and John Smith'],
    ['By Con Coughlin, Defence Editor', 'Con Coughlin'],
    ['By J. R. Hartley', 'J. R. Hartley'],
    ['By Ayşe Öztürk-Kaya', 'Ayşe Öztürk-Kaya'],
  ])('reads %j as %j', (line, author) => {
    expect(authorFromByline(line)).toBe(author);
  });

  it.each([
    'by',
    'By Reuters',
    'By moving into Kazakhstan with Russian forces, Putin sent a signal',
    'By deploying his so-called peace-keeping force',
    'By the end of the week, troops had left',
    'By One Two Three Four Five Six',
  ])('does not read %j as a byline', (line) => {
    expect(authorFromByline(line)).toBe('');
  });

  it('leaves the date unknown, with a warning, when the top of a text states two', () => {
    const body = metadataFromBody(
      ['Headline of the piece', 'Published 13 January 2022', 'Revised edition, 2022-01-15', 'Body text.'],
      NO_METADATA,
    );
    expect(body.metadata.date).toBe('');
    expect(body.warnings).toEqual([
      'Several dates near the top (2022-01-13, 2022-01-15); none was taken as the publication date.',
    ]);
  });

  it('keeps a byline that names someone else than the known author', () => {
    const body = metadataFromBody(['By John Smith', 'Body text of the article.'], {
      ...NO_METADATA,
      author: 'Jane Doe',
    });
    expect(body.metadata.author).toBe('Jane Doe');
    expect(body.blocks).toEqual(['By John Smith', 'Body text of the article.']);
  });

  it('splits a headline off the lines below it', () => {
    const body = metadataFromBody(['Tokayev calls Moscow\nBy Jane Doe\nThe call came at night.', 'More.'], NO_METADATA);
    expect(body.metadata).toMatchObject({ title: 'Tokayev calls Moscow', author: 'Jane Doe' });
    expect(body.blocks).toEqual(['Tokayev calls Moscow', 'The call came at night.', 'More.']);
  });
});

describe('decoding', () => {
  const encode = (text: string, encoding: string): Uint8Array => iconv.encode(text, encoding);

  it('uses UTF-8 when the bytes are valid UTF-8, without a warning', () => {
    expect(decodeText('a.txt', new TextEncoder().encode('Zoé’s café'))).toEqual({ text: 'Zoé’s café', warnings: [] });
    expect(decodeText('a.txt', Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', warnings: [] });
  });

  it('recognises UTF-16 by its byte-order mark, and without one by its NUL pattern', () => {
    const text = 'Almaty and Astana, both in Kazakhstan';
    expect(decodeText('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), encode(text, 'utf-16be')]))).toEqual({
      text,
      warnings: ['Text decoded as UTF-16BE (from its byte-order mark).'],
    });
    expect(decodeText('le.txt', encode(text, 'utf-16le'))).toEqual({
      text,
      warnings: ['Text decoded as UTF-16LE (detected).'],
    });
  });

  it('prefers the charset an HTML page declares over detection', () => {
    const page = '<meta charset="iso-8859-2"><p>Zażółć gęślą jaźń, wrote the Polish correspondent.</p>';
    const decoded = decodeText('pl.html', encode(page, 'iso-8859-2'), { html: true });
    expect(decoded.text).toBe(page);
    expect(decoded.warnings).toEqual(['Text decoded as iso-8859-2 (as the page declares).']);
  });
});

describe('format detection', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('goes by extension, case-insensitively', () => {
    expect(detectFormat('A.TXT', bytes('x'))).toBe('text');
    expect(detectFormat('notes.text', bytes('x'))).toBe('text');
    expect(detectFormat('notes.Markdown', bytes('x'))).toBe('markdown');
    expect(detectFormat('page.xhtml', bytes('x'))).toBe('html');
    expect(detectFormat('page.htm', bytes('x'))).toBe('html');
  });

  it('lets a PDF or Word signature win over a text extension, but not an HTML look', () => {
    expect(detectFormat('a.txt', bytes('%PDF-1.7\n…'))).toBe('pdf');
    expect(detectFormat('a.html', bytes('%PDF-1.7\n…'))).toBe('pdf');
    expect(detectFormat('a.txt', bytes('<!doctype html><html><body>x</body></html>'))).toBe('text');
    const docx = readFileSync(join(projectRoot, 'tests/fixtures/import/docx/article.docx'));
    expect(detectFormat('a.md', docx)).toBe('docx');
    expect(detectFormat('a.txt', bytes('PK\u0003\u0004 a zip without Word inside'))).toBe('text');
  });
});

describe('PDF paragraphs', () => {
  const line = (str: string, y: number, x = 72, height = 10): PdfTextItem => ({
    str,
    x,
    y,
    width: str.length * 5,
    height,
    hasEOL: true,
  });

  it('breaks paragraphs at wider gaps and empty lines, and joins words split by a hyphen', () => {
    const items = [
      line('The inter-', 700),
      line('national community watched', 688),
      line('the Russia-', 676),
      line('China summit.', 664),
      line('A new paragraph starts', 640),
      line('after a wider gap.', 628),
      { ...line('', 616), str: '' },
      { ...line('', 616), str: '' },
      line('And one after an empty line.', 604),
    ];
    expect(paragraphsFromItems(items)).toEqual([
      'The international community watched the Russia-China summit.',
      'A new paragraph starts after a wider gap.',
      'And one after an empty line.',
    ]);
  });

  it('puts items on one line together, with spaces only where there is a gap', () => {
    const items: PdfTextItem[] = [
      { str: 'Kazakh', x: 72, y: 700, width: 30, height: 10, hasEOL: false },
      { str: 'stan', x: 102, y: 700, width: 20, height: 10, hasEOL: false },
      { str: 'borders', x: 130, y: 700, width: 35, height: 10, hasEOL: true },
    ];
    expect(paragraphsFromItems(items)).toEqual(['Kazakhstan borders']);
  });

  it('joins lines and pages the way a reader would', () => {
    expect(joinLines(['well-', 'Known', 'and a dash -', 'like this'])).toBe('well-Known and a dash - like this');
    // A page that ends with a full stop is not continued, whatever the next page starts with.
    expect(
      joinPages([
        ['First page ends mid', 'Second paragraph.'],
        ['sentence continues here.', 'Done.'],
      ]),
    ).toEqual(['First page ends mid', 'Second paragraph.', 'sentence continues here.', 'Done.']);
    expect(joinPages([['The page ends in the'], ['middle of a sentence.']])).toEqual([
      'The page ends in the middle of a sentence.',
    ]);
  });
});

describe('zip entries', () => {
  it('reads a named entry of a .docx, and nothing from what is not a zip', () => {
    const docx = readFileSync(join(projectRoot, 'tests/fixtures/import/docx/article.docx'));
    expect(readZipEntry(docx, 'docProps/core.xml')?.toString('utf8')).toContain(
      '<dc:title>Steppe pipelines (class copy)</dc:title>',
    );
    expect(readZipEntry(docx, 'missing.xml')).toBeNull();
    expect(readZipEntry(new TextEncoder().encode('not a zip'), 'docProps/core.xml')).toBeNull();
  });
});
