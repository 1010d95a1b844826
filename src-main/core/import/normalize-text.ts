// Text as the library stores it: NFC, \n line endings, no invisible control characters.

export function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      // Form feeds separate pages in text exports: a paragraph break, not a character.
      .replace(/\f/g, '\n\n')
      // eslint-disable-next-line no-control-regex -- invisible control characters are what is removed
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufeff]/g, '')
      .normalize('NFC')
  );
}

/** One line of prose: no-break and other odd spaces collapsed to one plain space, no edges. */
export function tidyLine(line: string): string {
  return line.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
}
