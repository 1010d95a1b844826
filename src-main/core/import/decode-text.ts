// Bytes to text for .txt, .md and .html: byte-order mark, then UTF-8, then the page's declared charset, then detection.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { invalid } from './messages';

export interface DecodedText {
  text: string;
  warnings: string[];
}

const BINARY_REFUSAL = 'is not a text file: it contains binary data (it may be a program, an image or a damaged file).';

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte. */
function bomlessUtf16(bytes: Uint8Array): string | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (oddNul > pairs * 0.9 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.9 && oddNul < pairs * 0.1) return 'utf-16be';
  return null;
}

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** What browsers do: the Latin-1 and ASCII labels mean windows-1252, a superset for every printable character. */
function webEncodingName(label: string): string {
  const lower = label.toLowerCase();
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252'].includes(lower)) {
    return 'windows-1252';
  }
  return lower;
}

/** The HTML prescan, simplified: a charset named in a <meta> among the first KiB. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1] ? webEncodingName(match[1]) : null;
}

function detectedCharset(bytes: Uint8Array): string | null {
  const name = chardet.detect(bytes);
  return name ? webEncodingName(name) : null;
}

function usable(name: string | null): name is string {
  return !!name && name !== 'utf-8' && iconv.encodingExists(name);
}

/** For bytes that are not UTF-8: [encoding, how it was chosen]. */
function fallbackEncoding(bytes: Uint8Array, html: boolean): [string, string] {
  const declared = html ? declaredCharset(bytes) : null;
  if (usable(declared)) return [declared, 'as the page declares'];
  const detected = detectedCharset(bytes);
  if (usable(detected)) return [detected, 'detected; check accented letters'];
  return ['windows-1252', 'a guess; check accented letters'];
}

/** Text that is mostly control characters or replacement marks was never text. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being counted
  const suspicious = text.match(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return suspicious > 0 && suspicious / text.length > 0.01;
}

function decode(fileName: string, bytes: Uint8Array, html: boolean): DecodedText {
  const marked = bom(bytes);
  if (marked) {
    const text = iconv.decode(Buffer.from(bytes), marked, { stripBOM: true });
    return {
      text,
      warnings: marked === 'utf-8' ? [] : [`Text decoded as ${marked.toUpperCase()} (from its byte-order mark).`],
    };
  }
  const utf16 = bomlessUtf16(bytes);
  if (utf16) {
    return {
      text: iconv.decode(Buffer.from(bytes), utf16),
      warnings: [`Text decoded as ${utf16.toUpperCase()} (detected).`],
    };
  }
  if (bytes.includes(0)) throw invalid(fileName, BINARY_REFUSAL);
  const utf8 = validUtf8(bytes);
  if (utf8 !== null) return { text: utf8, warnings: [] };
  const [encoding, how] = fallbackEncoding(bytes, html);
  return { text: iconv.decode(Buffer.from(bytes), encoding), warnings: [`Text decoded as ${encoding} (${how}).`] };
}

export function decodeText(fileName: string, bytes: Uint8Array, options: { html?: boolean } = {}): DecodedText {
  const decoded = decode(fileName, bytes, options.html === true);
  if (looksBinary(decoded.text)) throw invalid(fileName, BINARY_REFUSAL);
  return decoded;
}
