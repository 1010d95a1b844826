// The student's Markdown (thesis, reasoning, conclusion) as HTML safe to put in a sheet: marked, then sanitize-html
// with a strict allowlist. Raw HTML never survives: marked already shows it as text, and the sanitizer would drop it.
import sanitizeHtml from 'sanitize-html';
import { markdownToUnsafeHtml } from '../../shared/markdown';

const PROSE_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'em',
    'strong',
    'i',
    'b',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h5',
    'h6',
    'hr',
    'sup',
    'sub',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['align'], td: ['align'], span: ['class'] },
  allowedClasses: { span: ['sheet-image-alt'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The student's headings sit below the sheet's own (h1–h4), so they cannot break its outline.
    h1: 'h5',
    h2: 'h5',
    h3: 'h5',
    h4: 'h5',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    // No image is ever fetched (the sheet works offline and must not call out): its description is kept instead.
    img: (_tagName, attribs) => ({
      tagName: 'span',
      attribs: { class: 'sheet-image-alt' },
      text: attribs.alt ? `[image: ${attribs.alt}]` : '[image]',
    }),
  },
};

export function sheetProseHtml(markdown: string): string {
  return sanitizeHtml(markdownToUnsafeHtml(markdown), PROSE_POLICY).trim();
}
