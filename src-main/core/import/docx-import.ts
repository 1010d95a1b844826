// A Word document (.docx) to draft parts: mammoth's HTML, then the same HTML→Markdown path as web pages.
import type { DraftParts } from './assemble-draft';
import { markdownBlocks } from './block-split';
import { looksLikeZip } from './file-format';
import { htmlToMarkdown } from './html-to-markdown';
import { invalid, reasonOf } from './messages';
import { NO_METADATA } from './types';
import { readZipEntry } from './zip-entry';

/** Word's own Title and Subtitle styles mean what they say; mammoth does not map them by default. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];
const MAX_MESSAGES = 5;

/** docProps/core.xml's dc:title, when the author filled it in (the file's creator is not the article's author). */
function coreTitle(bytes: Uint8Array): string {
  const xml = readZipEntry(bytes, 'docProps/core.xml')?.toString('utf8') ?? '';
  const match = /<dc:title>([^<]*)<\/dc:title>/.exec(xml);
  const title = (match?.[1] ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return /\p{L}/u.test(title) && !/^(?:untitled|document\d*|title)$/i.test(title) ? title : '';
}

function messageWarnings(messages: { type: string; message: string }[]): string[] {
  const unique = [...new Set(messages.map((message) => `Word document: ${message.message}`))];
  if (unique.length <= MAX_MESSAGES) return unique;
  return [...unique.slice(0, MAX_MESSAGES), `Word document: ${unique.length - MAX_MESSAGES} more notes like these.`];
}

export async function docxParts(fileName: string, bytes: Uint8Array): Promise<DraftParts> {
  if (!looksLikeZip(bytes)) {
    throw invalid(
      fileName,
      'could not be read as a Word document (it is not a .docx file; an old .doc must be saved as .docx first).',
    );
  }
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    // Loaded on first use: most imports are web pages and text.
    const { default: mammoth } = await import('mammoth');
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Images are dropped anyway; not encoding them as data URIs saves time on photo-heavy files.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (error) {
    throw invalid(fileName, `could not be read as a Word document (${reasonOf(error)}).`);
  }
  const blocks = markdownBlocks(htmlToMarkdown(result.value));
  // A heading that opens the document is its title (taken from the body later); the file's title is the fallback.
  const opensWithHeading = /^#{1,6}\s/.test(blocks[0] ?? '');
  return {
    format: 'docx',
    metadata: { ...NO_METADATA, title: opensWithHeading ? '' : coreTitle(bytes) },
    blocks,
    warnings: messageWarnings(result.messages),
  };
}
