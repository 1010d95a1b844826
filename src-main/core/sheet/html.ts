// The argument sheet as HTML: a self-contained document with a print stylesheet and no script at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITATION_STYLE_NAMES, type SheetCard, type SheetModel, type SheetSide } from '../../shared/sheet';
import { webUrl } from './csl-item';
import { sheetProseHtml } from './sheet-prose';
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

export interface SheetHtml {
  /** The whole document: what the .html export is and what the PDF is printed from. */
  document: string;
  /** The <article class="sheet"> element alone: what the in-app preview shows. */
  body: string;
}

/** Nothing may load or run: the file is opened from disk, printed by a headless browser, mailed around. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const stylesheets = new Map<string, string>();

/** resources/sheet/sheet.css, read once per resources dir (the UI's preview imports the very same file). */
function sheetCss(resourcesDir: string): string {
  let css = stylesheets.get(resourcesDir);
  if (css === undefined) {
    css = readFileSync(join(resourcesDir, 'resources', 'sheet', 'sheet.css'), 'utf8');
    stylesheets.set(resourcesDir, css);
  }
  // "</style" inside the CSS would end the element early; ours never has it, but the file is data.
  return css.replace(/<\/style/gi, '<\\/style');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** User text: escaped, and dir="auto" so an Arabic or Hebrew quote reads right to left inside an English sheet. */
function userText(tag: string, className: string, text: string): string {
  return `<${tag} class="${className}" dir="auto">${escapeHtml(text)}</${tag}>`;
}

function prose(className: string, markdown: string, fallback: string): string {
  const html = sheetProseHtml(markdown);
  return html
    ? `<div class="sheet-prose ${className}" dir="auto">${html}</div>`
    : `<p class="sheet-empty">${escapeHtml(fallback)}</p>`;
}

function quote(card: SheetCard): string {
  const paragraphs = card.quote
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p dir="auto">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`);
  return `<blockquote class="sheet-quote">${paragraphs.join('')}</blockquote>`;
}

/** "Con Coughlin, The Telegraph, 13 January 2022, “Title”, link": what is known, in that order, nothing invented. */
function citeDetails(card: SheetCard): string {
  const parts = citeParts(card.cite);
  const url = webUrl(parts.url ?? null);
  return [
    parts.author && `<span dir="auto">${escapeHtml(parts.author)}</span>`,
    parts.outlet && `<i dir="auto">${escapeHtml(parts.outlet)}</i>`,
    parts.date && escapeHtml(parts.date),
    parts.title && `<span dir="auto">“${escapeHtml(parts.title)}”</span>`,
    url
      ? `<a class="sheet-url" href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`
      : parts.url && `<span class="sheet-url">${escapeHtml(parts.url)}</span>`,
  ]
    .filter(Boolean)
    .join(', ');
}

function ratings(card: SheetCard): string {
  const rating = (kind: 'Strength' | 'Relevance', value: SheetCard['strength']) => {
    const [label, words] = ratingText(kind, value).split(': ');
    return `<span class="sheet-rating${value === null ? ' sheet-rating--none' : ''}">${label}: <strong>${escapeHtml(words ?? '')}</strong></span>`;
  };
  return `<p class="sheet-ratings">${rating('Strength', card.strength)}${rating('Relevance', card.relevance)}</p>`;
}

function reasoning(card: SheetCard, side: SheetSide): string {
  return `<section class="sheet-reasoning"><h5 class="sheet-reasoning-label">Why it supports <span dir="auto">${escapeHtml(side.label)}</span></h5>${prose('sheet-reasoning-text', card.reasoningMarkdown, 'No reasoning written.')}</section>`;
}

function standardCard(card: SheetCard, index: number, side: SheetSide): string {
  return `<li class="sheet-card">
<h3 class="sheet-tag"><span class="sheet-card-number">${index + 1}</span> <span dir="auto">${escapeHtml(card.tag)}</span></h3>
${quote(card)}
<p class="sheet-cite">${citeDetails(card)}</p>
${ratings(card)}
${reasoning(card, side)}
</li>`;
}

/** Verbatim's anatomy: tag (h4), the cite line led by the emphasised "Lastname Year", then the evidence. */
function debateCard(card: SheetCard, side: SheetSide): string {
  const { who, when } = shortCite(card.cite);
  return `<li class="sheet-card">
${userText('h4', 'sheet-tag', card.tag)}
<p class="sheet-cite"><strong class="sheet-cite-key" dir="auto">${escapeHtml(who)} ${escapeHtml(when)}</strong> ${citeDetails(card)}</p>
${quote(card)}
${ratings(card)}
${reasoning(card, side)}
</li>`;
}

function sideSection(sheet: SheetModel, side: SheetSide): string {
  const count = `${side.cards.length} card${side.cards.length === 1 ? '' : 's'}`;
  const cards =
    side.cards.length === 0
      ? `<p class="sheet-empty">${EMPTY_SIDE}</p>`
      : `<ol class="sheet-cards">${side.cards
          .map((card, index) =>
            sheet.options.layout === 'debate' ? debateCard(card, side) : standardCard(card, index, side),
          )
          .join('\n')}</ol>`;
  return `<section class="sheet-side sheet-side--${side.side.toLowerCase()}">
<h2 class="sheet-side-heading"><span class="sheet-side-letter">Side ${side.side}</span> <span dir="auto">${escapeHtml(side.label)}</span> <span class="sheet-side-count">${count}</span></h2>
${cards}
</section>`;
}

function unusedSection(sheet: SheetModel): string {
  if (sheet.unused.length === 0) return '';
  const cards = sheet.unused
    .map(
      (card) => `<li class="sheet-card sheet-card--unused">
${userText('h3', 'sheet-tag', card.tag)}
${quote(card)}
<p class="sheet-cite">${citeDetails(card)}</p>
</li>`,
    )
    .join('\n');
  return `<section class="sheet-unused"><h2>${UNUSED_HEADING}</h2><ul class="sheet-cards">${cards}</ul></section>`;
}

function bibliographySection(sheet: SheetModel): string {
  if (sheet.bibliography.length === 0) return '';
  const entries = sheet.bibliography.map((entry) => `<li dir="auto">${entry.html}</li>`).join('\n');
  return `<section class="sheet-bibliography"><h2>${BIBLIOGRAPHY_HEADINGS[sheet.options.style]}</h2><ul>${entries}</ul></section>`;
}

function sheetArticle(sheet: SheetModel): string {
  return `<article class="sheet sheet--${sheet.options.layout}">
<header class="sheet-header">
<p class="sheet-kicker">Argument sheet</p>
${userText('h1', 'sheet-motion', sheet.motion)}
<dl class="sheet-meta">
<div><dt>Student</dt><dd dir="auto">${escapeHtml(sheet.studentName)}</dd></div>
<div><dt>Date</dt><dd>${escapeHtml(readableDate(sheet.date))}</dd></div>
<div><dt>Citation style</dt><dd>${CITATION_STYLE_NAMES[sheet.options.style]}</dd></div>
</dl>
</header>
<section class="sheet-thesis"><h2>Thesis</h2>${prose('sheet-thesis-text', sheet.thesisMarkdown, NO_THESIS)}</section>
${nothingPlaced(sheet) ? `<p class="sheet-nothing-placed" role="note">${NOTHING_PLACED}</p>` : ''}
${sheet.sides.map((side) => sideSection(sheet, side)).join('\n')}
<section class="sheet-conclusion"><h2>Conclusion</h2>${prose('sheet-conclusion-text', sheet.conclusionMarkdown, NO_CONCLUSION)}</section>
${unusedSection(sheet)}
${bibliographySection(sheet)}
</article>`;
}

export function renderSheetHtml(sheet: SheetModel, resourcesDir: string): SheetHtml {
  const body = sheetArticle(sheet);
  const title = `${sheet.motion} — ${sheet.studentName}`;
  const document = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${sheetCss(resourcesDir)}
</style>
</head>
<body>
${body}
</body>
</html>
`;
  return { document, body };
}
