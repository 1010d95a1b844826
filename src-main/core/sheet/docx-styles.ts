// The Word styles of the sheet. The debate layout uses the names Verbatim (the paperless-debate template
// for Word) gives its styles, so a debater's macros, Navigation Pane and "Update Styles" treat our cards as theirs.
import type { IStylesOptions } from 'docx';

/** Ids of the styles the renderer applies (a style's id is what w:pStyle / w:rStyle refer to). */
export const STYLE = {
  /** Word's built-in "heading 4", which Verbatim aliases "Tag": outline level 3, so tags show in navigation. */
  tag: 'Heading4',
  /** Verbatim's cite character style, "Style 13 pt Bold" alias "Cite": the author's last name and date only. */
  cite: 'Style13ptBold',
  /** Verbatim's "Style Underline" alias "Underline": the part of the card that is read aloud. */
  underline: 'StyleUnderline',
  /** Word's built-in character style "Emphasis", which Verbatim redefines as underlined and boxed. */
  emphasis: 'Emphasis',
  /** Word's built-in "Quote" paragraph style, indented: the standard layout's evidence passage. */
  quote: 'Quote',
  /** The standard layout's source line under a quote. */
  source: 'CardSource',
  /** A bibliography entry with a hanging indent, as MLA, APA and Chicago all want. */
  bibliography: 'Bibliography',
  /** "Strength: Strong · Relevance: Central". */
  ratings: 'CardRatings',
} as const;

const HALF_INCH = 720; // twips

export const SHEET_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120 } } },
    title: { run: { size: 40, bold: true } },
    heading1: { run: { size: 32, bold: true }, paragraph: { spacing: { before: 360, after: 120 } } },
    heading2: { run: { size: 28, bold: true }, paragraph: { spacing: { before: 320, after: 120 } } },
    heading3: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 240, after: 80 } } },
  },
  paragraphStyles: [
    {
      // Word's built-in name is lower-case "heading 4"; with it, Word recognizes the style as its own.
      id: STYLE.tag,
      name: 'heading 4',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { keepNext: true, keepLines: true, outlineLevel: 3, spacing: { before: 200, after: 60 } },
      run: { bold: true, size: 26 },
    },
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { indent: { left: HALF_INCH, right: HALF_INCH }, spacing: { before: 80, after: 80 } },
      run: { italics: true },
    },
    {
      id: STYLE.source,
      name: 'Card Source',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { indent: { left: HALF_INCH }, spacing: { after: 120 } },
      run: { size: 20, color: '444444' },
    },
    {
      id: STYLE.bibliography,
      name: 'Bibliography',
      basedOn: 'Normal',
      paragraph: { indent: { left: HALF_INCH, hanging: HALF_INCH }, spacing: { after: 120 } },
    },
    {
      id: STYLE.ratings,
      name: 'Card Ratings',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 160 } },
      run: { size: 20, color: '444444' },
    },
  ],
  characterStyles: [
    {
      id: STYLE.cite,
      name: 'Style 13 pt Bold',
      basedOn: 'DefaultParagraphFont',
      quickFormat: true,
      run: { bold: true, size: 26 },
    },
    {
      id: STYLE.underline,
      name: 'Style Underline',
      basedOn: 'DefaultParagraphFont',
      quickFormat: true,
      run: { underline: { type: 'single' } },
    },
    {
      id: STYLE.emphasis,
      name: 'Emphasis',
      basedOn: 'DefaultParagraphFont',
      quickFormat: true,
      run: { bold: true, underline: { type: 'single' }, border: { style: 'single', size: 8, space: 0, color: 'auto' } },
    },
  ],
};
