// Rebuilds lines and paragraphs from a PDF page's positioned text items, and joins hyphenated line ends.
import { tidyLine } from './normalize-text';

export interface PdfTextItem {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
  /** An empty line (two end-of-line marks in a row) came before this one. */
  afterBlank: boolean;
}

function toLines(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastEnd = 0;
  let blank = false;
  const close = (): void => {
    if (current && current.text.trim()) lines.push(current);
    else if (current) blank = true;
    current = null;
  };
  for (const item of items) {
    const height = item.height || 10;
    if (current && Math.abs(item.y - current.y) > height * 0.5) close();
    if (!current) {
      current = { text: '', y: item.y, height, afterBlank: blank };
      blank = false;
      lastEnd = item.x;
    }
    const gap = item.x - lastEnd;
    const needsSpace = current.text && !/\s$/.test(current.text) && !/^\s/.test(item.str) && gap > height * 0.15;
    current.text += (needsSpace ? ' ' : '') + item.str;
    current.height = Math.max(current.height, height);
    lastEnd = item.x + item.width;
    if (item.hasEOL) {
      if (!item.str && !current.text.trim()) blank = true;
      close();
    }
  }
  close();
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

/** "inter-" + "national" → "international"; "Russia-" + "China" keeps its hyphen; others join with a space. */
export function joinLines(lines: string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = tidyLine(raw);
    if (!line) continue;
    if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else if (/\p{L}-$/u.test(text)) text += line;
    else text += (text ? ' ' : '') + line;
  }
  return text;
}

/** Paragraph breaks: an empty line, a gap clearly wider than the usual line spacing, or a jump up (a new column). */
export function paragraphsFromItems(items: PdfTextItem[]): string[] {
  const lines = toLines(items);
  const gaps = lines.slice(1).map((line, index) => lines[index]!.y - line.y);
  // A short page may have as many paragraph gaps as line gaps: the font size caps what "usual" can be.
  const usual = Math.min(median(gaps.filter((gap) => gap > 0)), median(lines.map((line) => line.height)) * 1.5);
  const paragraphs: string[][] = [];
  lines.forEach((line, index) => {
    const gap = index > 0 ? lines[index - 1]!.y - line.y : 0;
    const breaks = index === 0 || line.afterBlank || gap <= 0 || (usual > 0 && gap > usual * 1.4);
    if (breaks) paragraphs.push([line.text]);
    else paragraphs.at(-1)!.push(line.text);
  });
  return paragraphs.map(joinLines).filter(Boolean);
}

/** A paragraph cut by a page break continues when the page ended mid-sentence and the next starts in lower case. */
export function joinPages(pages: string[][]): string[] {
  const paragraphs: string[] = [];
  for (const page of pages) {
    page.forEach((paragraph, index) => {
      const previous = paragraphs.at(-1);
      if (index === 0 && previous && !/[.!?:;”"’)\]]$/.test(previous) && /^\p{Ll}/u.test(paragraph)) {
        paragraphs[paragraphs.length - 1] = joinLines([previous, paragraph]);
      } else {
        paragraphs.push(paragraph);
      }
    });
  }
  return paragraphs;
}
