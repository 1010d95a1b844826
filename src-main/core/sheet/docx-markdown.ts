// A student's Markdown (reasoning, thesis, conclusion) as Word paragraphs and runs, walked from marked's
// tokens: the same parser the app renders with, so bold, lists and links mean the same in every format.
import { ExternalHyperlink, Paragraph, type ParagraphChild } from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';
import { isRightToLeft, textRuns, wordSafeText, type RunStyle } from './docx-text';

export const ORDERED_LIST_REFERENCE = 'sheet-ordered-list';
const MAX_LIST_LEVEL = 8; // Word's numbering has levels 0–8
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export interface MarkdownDocxOptions {
  /** Character style for **strong** text: the debate layout uses Verbatim's "Emphasis", the standard one bold. */
  strongStyle?: string;
}

/** What walking one Markdown text needs: its options and a counter so every ordered list restarts at 1. */
export interface MarkdownContext {
  options: MarkdownDocxOptions;
  nextListInstance(): number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** marked leaves entities in text tokens for HTML to decode; Word needs the characters themselves. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeLink(href: string): string | null {
  try {
    const url = new URL(href);
    return LINK_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function inlineRuns(tokens: Token[] | undefined, style: RunStyle, ctx: MarkdownContext): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        runs.push(
          ...inlineRuns(
            token.tokens,
            ctx.options.strongStyle ? { ...style, style: ctx.options.strongStyle } : { ...style, bold: true },
            ctx,
          ),
        );
        break;
      case 'em':
        runs.push(...inlineRuns(token.tokens, { ...style, italics: true }, ctx));
        break;
      case 'del':
        runs.push(...inlineRuns(token.tokens, { ...style, strike: true }, ctx));
        break;
      case 'codespan':
        runs.push(...textRuns(decodeEntities(token.text as string), { ...style, font: 'Consolas' }));
        break;
      case 'br':
        runs.push(...textRuns('\n', style));
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeLink(link.href);
        const children = inlineRuns(link.tokens, href ? { ...style, style: 'Hyperlink' } : style, ctx);
        runs.push(...(href ? [new ExternalHyperlink({ link: href, children })] : children));
        break;
      }
      case 'image':
        runs.push(...textRuns((token as Tokens.Image).text, style));
        break;
      case 'text':
        runs.push(
          ...('tokens' in token && token.tokens
            ? inlineRuns(token.tokens, style, ctx)
            : textRuns(decodeEntities(token.text as string), style)),
        );
        break;
      default:
        // escape, html (shown as the text it is, as everywhere in the app) and anything newer marked adds.
        runs.push(...textRuns('text' in token ? decodeEntities(String(token.text)) : token.raw, style));
    }
  }
  return runs;
}

function paragraph(children: ParagraphChild[], plainText: string, extra: Record<string, unknown> = {}): Paragraph {
  return new Paragraph({ ...extra, children, ...(isRightToLeft(plainText) ? { bidirectional: true } : {}) });
}

function listParagraphs(list: Tokens.List, level: number, ctx: MarkdownContext): Paragraph[] {
  const depth = Math.min(level, MAX_LIST_LEVEL);
  const instance = list.ordered ? ctx.nextListInstance() : 0;
  const out: Paragraph[] = [];
  for (const item of list.items) {
    const numbering = list.ordered
      ? { numbering: { reference: ORDERED_LIST_REFERENCE, level: depth, instance } }
      : { bullet: { level: depth } };
    let first = true;
    for (const token of item.tokens) {
      if (token.type === 'list') {
        out.push(...listParagraphs(token as Tokens.List, level + 1, ctx));
        continue;
      }
      const blocks = blockParagraphs([token], ctx, first ? numbering : { indent: { left: 720 * (depth + 1) } });
      if (blocks.length > 0) first = false;
      out.push(...blocks);
    }
    if (first) out.push(paragraph([], '', numbering));
  }
  return out;
}

function blockParagraphs(tokens: Token[], ctx: MarkdownContext, extra: Record<string, unknown> = {}): Paragraph[] {
  const out: Paragraph[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
        break;
      case 'paragraph':
      case 'text':
        out.push(paragraph(inlineRuns(token.tokens ?? [token], {}, ctx), token.raw, extra));
        break;
      case 'heading':
        // A heading inside a student's reasoning is emphasis, not a section: Word's headings belong to the sheet.
        out.push(paragraph(inlineRuns(token.tokens, { bold: true }, ctx), token.raw, extra));
        break;
      case 'list':
        out.push(...listParagraphs(token as Tokens.List, 0, ctx));
        break;
      case 'blockquote':
        out.push(...blockParagraphs(token.tokens ?? [], ctx, { ...extra, indent: { left: 720 } }));
        break;
      case 'code':
        out.push(paragraph(textRuns(token.text as string, { font: 'Consolas' }), token.text as string, extra));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          const text = row.map((cell) => decodeEntities(cell.text)).join(' | ');
          out.push(paragraph(textRuns(text), text, extra));
        }
        break;
      }
      default:
        // Raw HTML blocks and anything unknown: the words, never markup.
        if (token.raw.trim() !== '') out.push(paragraph(textRuns(token.raw.trim()), token.raw, extra));
    }
  }
  return out;
}

/** The Markdown as Word paragraphs; empty text gives no paragraphs. */
export function markdownParagraphs(markdown: string, ctx: MarkdownContext): Paragraph[] {
  const source = wordSafeText(markdown).trim();
  if (source === '') return [];
  return blockParagraphs(Lexer.lex(source, { gfm: true, breaks: false }), ctx);
}
