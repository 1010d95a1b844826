// Sentence boundaries of an article's text, for selecting with the keyboard one sentence at a time.

export interface Span {
  start: number;
  end: number;
}

/** Each sentence as [start, end) offsets, without the whitespace around it. */
export function sentenceSpans(text: string, locale = 'en'): Span[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const spans: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    // Paragraph breaks are sentence breaks too, even without final punctuation (headings, bylines).
    let offset = index;
    for (const part of segment.split(/(\n+)/)) {
      const leading = part.length - part.trimStart().length;
      const trimmed = part.trim();
      if (trimmed) spans.push({ start: offset + leading, end: offset + leading + trimmed.length });
      offset += part.length;
    }
  }
  return spans;
}

/** The index of the sentence containing (or first after) an offset. */
export function sentenceAt(spans: Span[], offset: number): number {
  const index = spans.findIndex((span) => offset < span.end);
  return index === -1 ? spans.length - 1 : index;
}
