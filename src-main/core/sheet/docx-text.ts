// Text for Word: user text made safe for WordprocessingML (no characters XML 1.0 forbids), its direction
// detected for bidi settings, and tabs and line breaks turned into Word's own tab and break elements.
import { Tab, TextRun, type IRunOptions } from 'docx';

/**
 * XML 1.0 forbids C0 controls except tab, LF and CR, lone surrogates and U+FFFE/U+FFFF: Word refuses to open
 * a document holding one ("unreadable content"). DEL and C1 controls are legal XML but never text a student
 * means, and some readers choke on them, so they go too.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character Word cannot store removed, CRLF/CR made LF, and NFC-normalized. */
export function wordSafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '').normalize('NFC');
}

// Scripts written right to left (Unicode bidi class R or AL): Hebrew, Arabic, Syriac, Thaana, N'Ko, etc.
const RTL_LETTER =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]/;
const STRONG_LETTER = /\p{L}/u;

/**
 * True when the first strongly directional letter is right-to-left: the rule (UAX #9, P2) a browser uses for
 * dir="auto", so the Word paragraph gets the same base direction the HTML sheet shows.
 */
export function isRightToLeft(text: string): boolean {
  for (const character of text) {
    if (RTL_LETTER.test(character)) return true;
    if (STRONG_LETTER.test(character)) return false;
  }
  return false;
}

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/**
 * Runs for one stretch of text with the same formatting. A "\t" or "\n" inside w:t would be kept as a plain
 * space by Word, so tabs become <w:tab/> and line breaks <w:br/>.
 */
export function textRuns(text: string, style: RunStyle = {}): TextRun[] {
  const safe = wordSafeText(text);
  if (safe === '') return [];
  return safe.split('\n').map((line, index) => {
    const parts: Array<string | Tab> = [];
    line.split('\t').forEach((piece, pieceIndex) => {
      if (pieceIndex > 0) parts.push(new Tab());
      if (piece !== '') parts.push(piece);
    });
    return new TextRun({
      ...style,
      ...(isRightToLeft(line) ? { rightToLeft: true } : {}),
      ...(index > 0 ? { break: 1 } : {}),
      children: parts,
    });
  });
}
