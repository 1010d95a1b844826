// The argument sheet as Markdown (.md): readable as plain text, and the student's own Markdown kept as written.
import { CITATION_STYLE_NAMES, type BibliographyEntry, type SheetCard, type SheetModel } from '../../shared/sheet';
import {
  BIBLIOGRAPHY_HEADINGS,
  EMPTY_SIDE,
  NO_CONCLUSION,
  NO_THESIS,
  NOTHING_PLACED,
  UNUSED_HEADING,
  citeParts,
  nothingPlaced,
  ratingText,
  readableDate,
  shortCite,
} from './wording';

/**
 * Plain text (a tag, a quote, a name) as Markdown that shows exactly that text: every character Markdown could read
 * as syntax or HTML is backslash-escaped, and a line that would start a list, heading or quote is defused.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3');
}

/** One line of plain text: line breaks would end a heading or a list item early. */
function oneLine(text: string): string {
  return escapeMarkdownText(text.replace(/\s*\n\s*/g, ' ').trim());
}

// CommonMark's fences: a backtick opener's info string has no backtick; a closer has no info string at all.
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * A link destination that opens a web page, an e-mail or a place in the sheet, whatever the viewer: http(s) and
 * mailto, a fragment, or a relative address with no scheme. Anything with ":" or "&" otherwise is refused, so that
 * entities (`javascript&#58;`), odd case and any other scheme (javascript:, vbscript:, data:, file:) are.
 */
const SAFE_DESTINATION = /^(?:(?:https?:\/\/|mailto:)\S*|#\S*|[^:&\s]*)$/i;

/**
 * Links and images in the student's Markdown: an image would be fetched by the viewer (a remote address, seen by
 * whoever serves it), so "![" is escaped and shows as text; a link to anything but a safe destination has its "]"
 * escaped and shows as the text it is. Reference definitions (`[x]: javascript:…`) likewise.
 */
function defuseLinks(text: string): string {
  return text
    .replace(/(\\*)!\[/g, (match, slashes: string) => (slashes.length % 2 === 1 ? match : `${slashes}!\\[`))
    .replace(/(\\*)\]\(\s*([^\s)]*)/g, (match, slashes: string, destination: string) =>
      slashes.length % 2 === 1 || SAFE_DESTINATION.test(destination)
        ? match
        : `${slashes}\\${match.slice(slashes.length)}`,
    )
    .replace(/^( {0,3})\[[^\]]+\]:\s*(\S*)/, (match, indent: string, destination: string) =>
      SAFE_DESTINATION.test(destination) ? match : `${indent}\\${match.slice(indent.length)}`,
    );
}

/**
 * The student's Markdown exactly as written, except that raw HTML is shown as text in every Markdown viewer:
 * "<" outside code becomes "&lt;" (code spans and fenced blocks are left alone, where "<" is already literal), and
 * images and links to anything but the web, e-mail or the sheet itself show as text (see defuseLinks).
 */
export function safeStudentMarkdown(markdown: string): string {
  let fence: string | null = null;
  return (
    markdown
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => {
        if (fence) {
          const closer = FENCE_CLOSE.exec(line)?.[1];
          if (closer && closer[0] === fence[0] && closer.length >= fence.length) fence = null;
          return line;
        }
        const marker = FENCE_OPEN.exec(line)?.[1];
        if (marker) {
          fence = marker;
          return line;
        }
        // Split on code spans; in the text between them, "<" becomes "&lt;" unless an odd run of backslashes already
        // escapes it. An entity, not "\<": a GFM autolink just before would swallow the backslash (`https://x">\<b`),
        // and "\\<" is an escaped backslash followed by live HTML; every "<" of "<<" is escaped, not every other one.
        return line
          .split(/(`+[^`]*`+)/)
          .map((part, index) =>
            index % 2 === 1
              ? part
              : defuseLinks(
                  part.replace(/(\\*)</g, (match, slashes: string) =>
                    slashes.length % 2 === 1 ? match : `${slashes}&lt;`,
                  ),
                ),
          )
          .join('');
      })
      .join('\n')
      .trim()
      // A fence left open would run on into the rest of the sheet and swallow (or flip) what follows: close it here.
      .concat(fence ? `\n${fence}` : '')
  );
}

/** A quote as a blockquote, every line prefixed (a blank line inside stays inside the quote). */
function blockquote(text: string): string {
  return escapeMarkdownText(text.trim())
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

function citeLine(card: SheetCard): string {
  const parts = citeParts(card.cite);
  return [
    parts.author && escapeMarkdownText(parts.author),
    parts.outlet && `*${escapeMarkdownText(parts.outlet)}*`,
    parts.date && escapeMarkdownText(parts.date),
    parts.title && `“${escapeMarkdownText(parts.title)}”`,
    parts.url && `<${parts.url.replace(/[<>\s]/g, encodeURIComponent)}>`,
  ]
    .filter(Boolean)
    .join(', ');
}

function ratings(card: SheetCard): string {
  return `${ratingText('Strength', card.strength)} · ${ratingText('Relevance', card.relevance)}`;
}

function reasoning(card: SheetCard, sideLabel: string): string[] {
  const text = safeStudentMarkdown(card.reasoningMarkdown);
  return [`**Why it supports ${oneLine(sideLabel)}:**`, '', text || '*No reasoning written.*'];
}

function standardCard(card: SheetCard, index: number, sideLabel: string): string[] {
  return [
    `### ${index + 1}. ${oneLine(card.tag)}`,
    '',
    blockquote(card.quote),
    '',
    `— ${citeLine(card)}`,
    '',
    ratings(card),
    '',
    ...reasoning(card, sideLabel),
  ];
}

/** Verbatim's anatomy: the tag, the cite line led by "Lastname Year", then the evidence itself. */
function debateCard(card: SheetCard, sideLabel: string): string[] {
  const { who, when } = shortCite(card.cite);
  return [
    `#### ${oneLine(card.tag)}`,
    '',
    `**${escapeMarkdownText(who)} ${when}** — ${citeLine(card)}`,
    '',
    blockquote(card.quote),
    '',
    ratings(card),
    '',
    ...reasoning(card, sideLabel),
  ];
}

function unusedCard(card: SheetCard): string[] {
  return [`### ${oneLine(card.tag)}`, '', blockquote(card.quote), '', `— ${citeLine(card)}`];
}

/** A bibliography entry with the style's italics as *…*, spaces kept outside the asterisks. */
function bibliographyLine(entry: BibliographyEntry): string {
  return entry.runs
    .map((run) => {
      const text = escapeMarkdownText(run.text);
      if (!run.italic) return text;
      const [, before = '', inner = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
      return inner ? `${before}*${inner}*${after}` : text;
    })
    .join('');
}

function prose(markdown: string, fallback: string): string {
  return safeStudentMarkdown(markdown) || `*${fallback}*`;
}

export function renderSheetMarkdown(sheet: SheetModel): string {
  const layout = sheet.options.layout;
  const lines: string[] = [
    `# ${oneLine(sheet.motion)}`,
    '',
    `**Student:** ${oneLine(sheet.studentName)}  `,
    `**Date:** ${readableDate(sheet.date)}  `,
    `**Citation style:** ${CITATION_STYLE_NAMES[sheet.options.style]}`,
    '',
    '## Thesis',
    '',
    prose(sheet.thesisMarkdown, NO_THESIS),
    '',
  ];
  if (nothingPlaced(sheet)) lines.push(`**${NOTHING_PLACED}**`, '');
  for (const side of sheet.sides) {
    lines.push(`## Side ${side.side}: ${oneLine(side.label)}`, '');
    if (side.cards.length === 0) lines.push(`*${EMPTY_SIDE}*`, '');
    side.cards.forEach((card, index) => {
      const block = layout === 'debate' ? debateCard(card, side.label) : standardCard(card, index, side.label);
      lines.push(...block, '');
    });
  }
  lines.push('## Conclusion', '', prose(sheet.conclusionMarkdown, NO_CONCLUSION), '');
  if (sheet.unused.length > 0) {
    lines.push(`## ${UNUSED_HEADING}`, '');
    for (const card of sheet.unused) lines.push(...unusedCard(card), '');
  }
  if (sheet.bibliography.length > 0) {
    lines.push(`## ${BIBLIOGRAPHY_HEADINGS[sheet.options.style]}`, '');
    for (const entry of sheet.bibliography) lines.push(bibliographyLine(entry), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
