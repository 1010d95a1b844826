// Search snippets arrive with matches between U+E000 and U+E001; the UI turns them into <mark>s, never HTML.

export interface SnippetSegment {
  text: string;
  match: boolean;
}

const MATCH_START = '\uE000';
const MATCH_END = '\uE001';

/** "a \uE000war\uE001 b" → [{a , false}, {war, true}, { b, false}]; a stray marker is dropped, not shown. */
export function snippetSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) segments.push({ text, match });
    text = '';
  };
  for (const char of snippet) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}
