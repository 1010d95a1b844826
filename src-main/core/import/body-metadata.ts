// Metadata a text states near its top: a headline, a "By Name" line, a dateline. Unclear means unknown.
import { markdownToPlainText } from '../plain-text';
import { dateFromLine } from './dates';
import { flagFurniture } from './furniture';
import { tidyLine } from './normalize-text';
import type { ImportMetadata } from './types';

/** How far down "near the top" reaches, in blocks and in lines. */
const TOP_BLOCKS = 6;
const TOP_LINES = 8;
const MAX_TITLE = 150;

const ROLE_WORDS =
  /\b(?:editor|correspondent|reporter|writer|columnist|contributor|staff|analyst|journalist|bureau|chief|senior|associate|director|professor|fellow|producer|photographer|special|in)\b/i;
const NAME_PARTICLES = /^(?:de|da|del|della|der|den|van|von|bin|ibn|al|el|le|la|du|di|dos|das|y|st\.?)$/;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;

function isName(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 5) return false;
  if (!NAME_WORD.test(words[0]!) || !NAME_WORD.test(words.at(-1)!)) return false;
  return words.every((word) => NAME_WORD.test(word) || NAME_PARTICLES.test(word));
}

/** "Jane Doe", "Jane Doe and John Smith", "Con Coughlin, Defence Editor" → the names; anything else → ''. */
export function namesIn(text: string): string {
  const cleaned = tidyLine(text).replace(/[.,;]+$/, '');
  const parts = cleaned.split(/\s*(?:,\s*and\s+|,|\s+and\s+|&)\s*/).filter(Boolean);
  const people = parts.filter((part) => !ROLE_WORDS.test(part));
  if (people.length === 0 || people.length > 3 || !people.every(isName)) return '';
  return people.length === parts.length ? cleaned : people.join(', ');
}

export function authorFromByline(line: string): string {
  const match = /^(?:written\s+)?by\s*:?\s+(.+)$/i.exec(tidyLine(line));
  return match?.[1] ? namesIn(match[1]) : '';
}

/** Characters or line starts that make Markdown render differently from how it reads. */
const MARKDOWN_SYNTAX = /[\\`*_~[\]<>&!#|]|^\s*(?:[-+*]|\d{1,9}[.)]|=+|-+)(?:\s|$)/;

function renderLine(markdown: string): string {
  // Most lines are plain words: skip the Markdown and HTML parsers for them.
  if (!MARKDOWN_SYNTAX.test(markdown)) return tidyLine(markdown);
  return tidyLine(markdownToPlainText(markdown));
}

function isHeadingBlock(markdown: string): boolean {
  return /^#{1,6}\s/.test(markdown) || /^[^\n]+\n(?:=+|-+)\s*$/.test(markdown);
}

/** A short first line with no closing period, not a list item or quote: how headlines look. */
function looksLikeHeadline(markdown: string, text: string): boolean {
  if (text.length < 3 || text.length > MAX_TITLE || text.split(' ').length < 2) return false;
  if (/^(?:[-*+>]|\d+[.)])\s/.test(markdown) || /^\p{Ll}/u.test(text)) return false;
  return !/[.,;:]$/.test(text.replace(/[”’"')\]»]+$/, ''));
}

export interface BodyMetadata {
  metadata: ImportMetadata;
  blocks: string[];
  warnings: string[];
}

interface LinePosition {
  block: number;
  line: number;
}

/** Fills the fields still '' from the top of the body, removing the byline and dateline it consumed. */
export function metadataFromBody(blocks: string[], known: ImportMetadata): BodyMetadata {
  const metadata = { ...known };
  const warnings: string[] = [];
  const lines = blocks.map((block) => block.split('\n'));
  // One block past the top, so that a teaser followed by "see more" is seen as one.
  const furniture = flagFurniture(blocks.slice(0, TOP_BLOCKS + 1), { title: '' });
  const top: LinePosition[] = [];
  for (let block = 0; block < Math.min(blocks.length, TOP_BLOCKS) && top.length < TOP_LINES; block++) {
    if (furniture[block]) continue;
    lines[block]!.forEach((_, line) => top.length < TOP_LINES && top.push({ block, line }));
  }
  const text = (at: LinePosition): string => lines[at.block]![at.line]!;
  // Rendering a line is the costly step here, and each top line is asked about several times.
  const rendered = new Map<string, string>();
  const plainLine = (markdown: string): string => {
    let plain = rendered.get(markdown);
    if (plain === undefined) rendered.set(markdown, (plain = renderLine(markdown)));
    return plain;
  };
  const replaceLine = (at: LinePosition, value: string | null): void => {
    lines[at.block]![at.line] = value ?? '\u0000';
  };

  const bylines = top.filter((at) => authorFromByline(plainLine(text(at))));
  const byline = bylines[0];
  if (byline) {
    const author = authorFromByline(plainLine(text(byline)));
    if (!metadata.author) metadata.author = author;
    if (metadata.author === author) replaceLine(byline, null);
  }

  const dated = top
    .filter((at) => !bylines.includes(at))
    .map((at) => ({ at, found: dateFromLine(plainLine(text(at))) }))
    .filter((entry) => entry.found !== null);
  const isos = [...new Set(dated.map((entry) => entry.found!.iso))];
  if (isos.length > 1 && !metadata.date) {
    warnings.push(`Several dates near the top (${isos.join(', ')}); none was taken as the publication date.`);
  }
  if (isos.length === 1) {
    if (!metadata.date) metadata.date = isos[0]!;
    for (const { at, found } of dated) {
      if (found!.iso !== metadata.date || found!.rest === plainLine(text(at))) continue;
      // Only cut what is plainly the date: a line that is nothing else, or a date prefix of plain text.
      if (found!.rest === '') replaceLine(at, null);
      else if (plainLine(text(at)) === tidyLine(text(at))) replaceLine(at, found!.rest);
    }
  }

  const remaining = lines.map((blockLines) => blockLines.filter((line) => line !== '\u0000'));
  const titleAt = top.find((at) => !furniture[at.block] && remaining[at.block]!.length > 0);
  if (!metadata.title && titleAt) {
    const block = remaining[titleAt.block]!;
    const first = block[0]!;
    const laterText =
      remaining.slice(titleAt.block + 1).some((blockLines) => blockLines.length > 0) || block.length > 1;
    if (isHeadingBlock(block.join('\n'))) {
      metadata.title = plainLine(block.join('\n'));
    } else if (laterText && looksLikeHeadline(first, plainLine(first)) && !authorFromByline(plainLine(first))) {
      metadata.title = plainLine(first);
      // The headline becomes a block of its own, so it can be flagged without its neighbours.
      if (block.length > 1) remaining.splice(titleAt.block, 1, [first], block.slice(1));
    }
  }
  return {
    metadata,
    blocks: remaining.map((blockLines) => blockLines.join('\n')).filter((block) => block.trim() !== ''),
    warnings,
  };
}
