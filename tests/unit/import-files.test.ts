// Importing text, Markdown, Word and PDF files, and refusing what is not an article with a message naming the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { draftFromFile, draftFromText, MAX_IMPORT_BYTES, type ImportDraft } from '../../src-main/core/import';
import { markdownToPlainText } from '../../src-main/core/plain-text';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const fixtures = join(projectRoot, 'tests/fixtures/import');
const read = (path: string): Uint8Array => readFileSync(join(fixtures, path));
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

const metadataOf = (draft: ImportDraft) => ({
  title: draft.title,
  author: draft.author,
  outlet: draft.outlet,
  date: draft.date,
  url: draft.url,
});
const outline = (draft: ImportDraft) => draft.blocks.map((block) => [block.markdown, block.furniture]);

async function refusal(fileName: string, bytes: Uint8Array): Promise<{ code: string; message: string }> {
  try {
    await draftFromFile(fileName, bytes);
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
  throw new Error(`${fileName} was imported`);
}

describe('plain text files', () => {
  it('decodes UTF-16 LE with a byte-order mark, and reads headline, byline and ISO date from the top', async () => {
    const draft = await draftFromFile('utf16le-bom.txt', read('text/utf16le-bom.txt'));
    expect(draft.format).toBe('text');
    expect(metadataOf(draft)).toEqual({
      title: 'Almaty’s winter of discontent',
      author: 'Saule Nurlanova',
      outlet: '',
      date: '2022-01-10',
      url: '',
    });
    expect(draft.warnings).toEqual(['Text decoded as UTF-16LE (from its byte-order mark).']);
    expect(outline(draft)).toEqual([
      ['Almaty’s winter of discontent', 'repeats the title'],
      [
        'Protests that began over fuel prices in Zhanaozen reached Almaty within four days — a speed that “surprised everyone”, from ministers to the naïve organisers themselves.',
        null,
      ],
      ['Kazakh, Russian and Chinese (哈萨克斯坦) sources disagree about what happened next.', null],
    ]);
  });

  it('decodes Latin-1 by detection, says so, and takes an unambiguous dd.mm.yyyy date', async () => {
    const draft = await draftFromFile('latin1.txt', read('text/latin1.txt'));
    expect(draft.warnings).toEqual(['Text decoded as windows-1252 (detected; check accented letters).']);
    expect(metadataOf(draft)).toEqual({
      title: 'Réformes à Nur-Sultan, ce qui change pour les élèves',
      author: '',
      outlet: '',
      date: '2022-01-13',
      url: '',
    });
    expect(draft.blocks[2]!.markdown).toBe(
      "Le ministère a annoncé une réforme des lycées : les élèves étudieront désormais le kazakh, le russe et l'anglais dès la première année.",
    );
    expect(draft.blocks[3]!.markdown).toContain('« la réforme coûtera 5 milliards de tenge » et sera évaluée à Zürich');
  });

  it('keeps HTML sent as .txt as text: its tags are escaped, not rendered', async () => {
    const draft = await draftFromFile(
      'page.txt',
      bytesOf('<html><body><p>Hello & <b>bold</b> &amp; more</p></body></html>'),
    );
    expect(draft.format).toBe('text');
    expect(draft.blocks).toHaveLength(1);
    expect(markdownToPlainText(draft.blocks[0]!.markdown).trim()).toBe(
      '<html><body><p>Hello & <b>bold</b> &amp; more</p></body></html>',
    );
  });

  it('normalizes line endings, NFC and spacing, and keeps a leading number from becoming a list', async () => {
    const draft = await draftFromFile(
      'notes.txt',
      bytesOf('Cafe\u0301 politics in Almaty\r\n\r\n2022. A year of protest\r\nbegan\u00a0 early.\r\n'),
    );
    expect(draft.title).toBe('Café politics in Almaty');
    expect(draft.blocks[1]!.markdown).toBe('2022\\. A year of protest\nbegan early.');
    expect(markdownToPlainText(draft.blocks[1]!.markdown)).toContain('2022. A year of protest');
  });
});

describe('Markdown files', () => {
  it('takes title, author, outlet, date and url from YAML front matter and keeps lists, quotes and code whole', async () => {
    const draft = await draftFromFile('front-matter.md', read('markdown/front-matter.md.fixture'));
    expect(draft.format).toBe('markdown');
    expect(metadataOf(draft)).toEqual({
      title: 'Kazakhstan: what the CSTO mission means',
      author: 'Jane Doe',
      outlet: 'Steppe Review',
      date: '2022-01-14',
      url: 'https://steppe-review.example.org/csto-mission',
    });
    expect(outline(draft)).toEqual([
      ['# Kazakhstan: what the CSTO mission means', 'repeats the title'],
      [expect.stringMatching(/^The Collective Security Treaty Organization had never sent troops/), null],
      ['Three things changed:', null],
      [
        [
          '- Russia showed it can move troops into Central Asia within days.',
          '- China said it supported the mission.',
          "- Kazakhstan's *multi-vector* foreign policy came under strain.",
        ].join('\n'),
        null,
      ],
      ['> "This was a test of the alliance, and it passed," one Russian official said.', null],
      ['```\nTroops deployed: about 2,500\nDays in country: 13\n```', null],
    ]);
  });

  it('never runs JavaScript front matter', async () => {
    const draft = draftFromText('---js\n{ title: (globalThis.pwned = "yes") }\n---\n\nBody text.', 'evil.md');
    expect((globalThis as { pwned?: string }).pwned).toBeUndefined();
    expect(draft.title).toBe('');
  });

  it('keeps raw HTML in Markdown as written (the reader shows it as text, never runs it) and flags it', async () => {
    const draft = await draftFromFile('hostile.md', read('markdown/hostile.md.fixture'));
    expect(outline(draft)).toEqual([
      ['# Hostile notes', 'repeats the title'],
      ["<script>alert('md')</script>", 'HTML code (the reader shows it as text)'],
      ['A paragraph with a [javascript link](javascript:alert(1)) and a [safe link](https://example.org/safe).', null],
      ['<img src="x" onerror="alert(2)">', 'HTML code (the reader shows it as text)'],
      ['The last paragraph is ordinary text.', null],
    ]);
  });
});

describe('Word documents', () => {
  it('converts headings, emphasis and http(s) links, and reads title, byline and dateline from the top', async () => {
    const draft = await draftFromFile('article.docx', read('docx/article.docx'));
    expect(draft.format).toBe('docx');
    expect(metadataOf(draft)).toEqual({
      // The document's own Title paragraph wins over the file property ("Steppe pipelines (class copy)").
      title: 'Pipelines across the steppe',
      author: 'Daniyar Omarov',
      outlet: '',
      date: '2022-03-12',
      url: '',
    });
    expect(draft.warnings).toEqual(["Word document: Unrecognised paragraph style: 'Pull Quote' (Style ID: PullQuote)"]);
    expect(outline(draft)).toEqual([
      ['# Pipelines across the steppe', 'repeats the title'],
      [expect.stringMatching(/^Kazakhstan sends most of its oil west through Russia/), null],
      ['# The northern route', null],
      [
        'The **Caspian Pipeline Consortium** line ends at a Russian port, which is why a *storm* in Novorossiysk can stop exports. See the [CSTO fact sheet](https://example.org/csto) and the scripted link.',
        null,
      ],
      ['Energy is where friendship is tested.', null],
      ['Share this article', 'share buttons'],
    ]);
  });

  it('refuses a .docx that is not a Word file, naming it', async () => {
    expect(await refusal('notes.docx', bytesOf('just some text'))).toEqual({
      code: 'INVALID_INPUT',
      message:
        '“notes.docx” could not be read as a Word document (it is not a .docx file; an old .doc must be saved as .docx first).',
    });
    const truncated = await refusal('truncated.docx', read('docx/article.docx').subarray(0, 300));
    expect(truncated.code).toBe('INVALID_INPUT');
    expect(truncated.message).toMatch(/^“truncated\.docx” could not be read as a Word document \(.+\)\.$/);
  });
});

describe('PDF files', () => {
  it('rebuilds paragraphs, joins hyphenated words and page breaks, and reads Title and Author', async () => {
    const draft = await draftFromFile('article.pdf', read('pdf/article.pdf'));
    expect(draft.format).toBe('pdf');
    expect(metadataOf(draft)).toEqual({
      title: 'Steppe pipelines and the new Great Game',
      author: 'Aigerim Sadykova',
      outlet: '',
      date: '',
      url: '',
    });
    expect(draft.warnings).toEqual(['PDF page 2 had no text.']);
    expect(outline(draft)).toEqual([
      ['Steppe pipelines and the new Great Game', 'repeats the title'],
      [
        'Kazakhstan exports most of its oil through a pipeline that crosses Russia, which its international partners built in the 1990s.',
        null,
      ],
      [
        'The Russia-China rivalry in the region is older than the oil trade, and it continues on the next page, where the paragraph ends.',
        null,
      ],
      ['A final paragraph closes the article.', null],
      ['3', 'page number'],
    ]);
  });

  it('refuses a PDF without a text layer, and a .pdf that is not a PDF', async () => {
    expect(await refusal('scan.pdf', read('pdf/scanned.pdf'))).toEqual({
      code: 'INVALID_INPUT',
      message: '“scan.pdf” has no text layer (it is probably a scanned image).',
    });
    expect(await refusal('fake.pdf', bytesOf('<html>not a pdf</html>'))).toEqual({
      code: 'INVALID_INPUT',
      message: '“fake.pdf” is not a real PDF file (it does not start like one).',
    });
    const damaged = await refusal('damaged.pdf', bytesOf('%PDF-1.4\n1 0 obj garbage'));
    expect(damaged.message).toMatch(/^“damaged\.pdf” (?:could not be read as a PDF \(.+\)|has no text layer .+)\.$/);
  });

  it('reads a PDF by its signature even when it is named .txt', async () => {
    const draft = await draftFromFile('article.txt', read('pdf/article.pdf'));
    expect(draft.format).toBe('pdf');
    expect(draft.title).toBe('Steppe pipelines and the new Great Game');
  });
});

describe('refusals name the file and the reason', () => {
  it.each([
    [
      'report.exe',
      bytesOf('MZ...'),
      'INVALID_INPUT',
      '“report.exe” is not an article: Debate Desk imports .txt, .md, .html, .docx and .pdf files.',
    ],
    [
      'C:\\Users\\teacher\\Desktop\\photo.png',
      bytesOf('PNG'),
      'INVALID_INPUT',
      '“photo.png” is not an article: Debate Desk imports .txt, .md, .html, .docx and .pdf files.',
    ],
    [
      'README',
      bytesOf('text'),
      'INVALID_INPUT',
      '“README” is not an article: Debate Desk imports .txt, .md, .html, .docx and .pdf files.',
    ],
    [
      'essay.doc',
      bytesOf('text'),
      'INVALID_INPUT',
      '“essay.doc” is an old Word document (.doc): open it in Word or LibreOffice and save it as .docx first.',
    ],
    ['empty.txt', read('text/empty.txt'), 'INVALID_INPUT', '“empty.txt” is empty.'],
    ['blank.md', bytesOf(' \n\n\t\n'), 'INVALID_INPUT', '“blank.md” is empty.'],
    [
      'binary.txt',
      read('text/binary.txt'),
      'INVALID_INPUT',
      '“binary.txt” is not a text file: it contains binary data (it may be a program, an image or a damaged file).',
    ],
    [
      'image.md',
      read('text/binary.txt').subarray(16),
      'INVALID_INPUT',
      '“image.md” is not a text file: it contains binary data (it may be a program, an image or a damaged file).',
    ],
  ])('%s', async (fileName, bytes, code, message) => {
    expect(await refusal(fileName, bytes)).toEqual({ code, message });
  });

  it('refuses control-character noise without NUL bytes', async () => {
    const noise = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26)));
    expect((await refusal('noise.txt', noise)).message).toBe(
      '“noise.txt” is not a text file: it contains binary data (it may be a program, an image or a damaged file).',
    );
  });

  it('refuses a file over the limit with its size', async () => {
    const big = new Uint8Array(Math.round(14.2 * 1024 * 1024));
    expect(await refusal('big.html', big)).toEqual({
      code: 'TOO_LARGE',
      message: '“big.html” is 14.2 MB; the limit is 10 MB.',
    });
    expect((await refusal('edge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1))).code).toBe('TOO_LARGE');
  });
});

describe('pasted text', () => {
  it('is plain text unless its name says Markdown', () => {
    const pasted = draftFromText(
      'Tokayev asks Moscow for help\n\nBy Aliya Nurpeisova\n\n*Troops* arrived within days.',
    );
    expect(pasted.fileName).toBe('');
    expect(pasted.format).toBe('text');
    expect(metadataOf(pasted)).toEqual({
      title: 'Tokayev asks Moscow for help',
      author: 'Aliya Nurpeisova',
      outlet: '',
      date: '',
      url: '',
    });
    expect(draftFromText('---\ntitle: From front matter\n---\n\nBody.', 'notes.md').title).toBe('From front matter');
    expect(draftFromText('---\ntitle: Not read\n---\n\nBody.').title).not.toBe('Not read');
  });

  it('refuses empty pasted text in plain words', () => {
    expect(() => draftFromText('  \n ')).toThrow('The pasted text is empty.');
  });
});
