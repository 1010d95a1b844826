// Text anchors, Hypothesis-style. Offsets are UTF-16 code units of an article's stored plain text
// (body_text), which is exactly what the DOM's textContent of the rendered article holds.
// Re-anchoring after an edit (position → exact quote → fuzzy) builds on these selectors.

/** How much context on each side identifies a quote that occurs more than once. */
export const CONTEXT_CHARS = 32;

export interface TextAnchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export function anchorAt(text: string, start: number, end: number): TextAnchor {
  if (!(0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`No text at ${start}–${end} (text has ${text.length} characters)`);
  }
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** The anchor of the exact quote nearest to `near` (default: the first), or null when absent. */
export function anchorQuote(text: string, quote: string, near = 0): TextAnchor | null {
  if (quote.length === 0) return null;
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best === -1 ? null : anchorAt(text, best, best + quote.length);
}
