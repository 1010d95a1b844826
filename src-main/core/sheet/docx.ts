// The argument sheet as a Word document (.docx), with the debate layout competitive debaters know from Verbatim.
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { RELEVANCE_LABELS, STRENGTH_LABELS } from '../../shared/domain';
import type { BibliographyEntry, SheetCard, SheetModel } from '../../shared/sheet';
import { citeDetails, citeKey } from './docx-cite';
import { markdownParagraphs, ORDERED_LIST_REFERENCE, type MarkdownContext } from './docx-markdown';
import { STYLE, SHEET_STYLES } from './docx-styles';
import { isRightToLeft, textRuns, wordSafeText } from './docx-text';

const BIBLIOGRAPHY_TITLES = { mla: 'Works Cited', apa: 'References', chicago: 'References' } as const;

function textParagraph(
  text: string,
  options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; style?: string } = {},
) {
  return new Paragraph({
    ...options,
    children: textRuns(text),
    ...(isRightToLeft(text) ? { bidirectional: true } : {}),
  });
}

function ratingsParagraph(card: SheetCard): Paragraph[] {
  const words = [
    card.strength ? `Strength: ${STRENGTH_LABELS[card.strength]}` : null,
    card.relevance ? `Relevance: ${RELEVANCE_LABELS[card.relevance]}` : null,
  ].filter((word): word is string => word !== null);
  return words.length > 0 ? [textParagraph(words.join(' · '), { style: STYLE.ratings })] : [];
}

function reasoningParagraphs(card: SheetCard, sideLabel: string | null, ctx: MarkdownContext): Paragraph[] {
  const reasoning = markdownParagraphs(card.reasoningMarkdown, ctx);
  if (reasoning.length === 0) return [];
  const lead = sideLabel ? `Why it supports ${sideLabel}:` : 'Reasoning:';
  return [new Paragraph({ children: textRuns(lead, { bold: true }), keepNext: true }), ...reasoning];
}

/** Standard layout: tag as a heading, the quote indented, its source, then the student's reasoning. */
function standardCard(card: SheetCard, sideLabel: string | null, ctx: MarkdownContext): Paragraph[] {
  return [
    textParagraph(card.tag || 'Untitled card', { heading: HeadingLevel.HEADING_3 }),
    textParagraph(`“${card.quote}”`, { style: STYLE.quote }),
    textParagraph(`— ${citeDetails(card.cite)}`, { style: STYLE.source }),
    ...reasoningParagraphs(card, sideLabel, ctx),
    ...ratingsParagraph(card),
  ];
}

/**
 * Debate layout, Verbatim's card anatomy: the tag in "heading 4" (Tag), a cite line whose last name and
 * year are in "Style 13 pt Bold" (Cite) followed by the full source in plain text, then the body. The whole
 * quote is in "Style Underline": a student's excerpt is already the part they read out.
 */
function debateCard(card: SheetCard, sideLabel: string | null, ctx: MarkdownContext): Paragraph[] {
  const quoteRtl = isRightToLeft(card.quote);
  return [
    textParagraph(card.tag || 'Untitled card', { style: STYLE.tag }),
    new Paragraph({
      children: [...textRuns(citeKey(card.cite), { style: STYLE.cite }), ...textRuns(` (${citeDetails(card.cite)})`)],
    }),
    new Paragraph({
      children: textRuns(card.quote, { style: STYLE.underline }),
      ...(quoteRtl ? { bidirectional: true } : {}),
    }),
    ...reasoningParagraphs(card, sideLabel, ctx),
    ...ratingsParagraph(card),
  ];
}

function bibliographyParagraph(entry: BibliographyEntry): Paragraph {
  const runs = entry.runs.length > 0 ? entry.runs : [{ text: entry.text, italic: false }];
  return new Paragraph({
    style: STYLE.bibliography,
    children: runs.flatMap((run) => textRuns(run.text, run.italic ? { italics: true } : {})),
    ...(isRightToLeft(entry.text) ? { bidirectional: true } : {}),
  });
}

function section(title: string, markdown: string, ctx: MarkdownContext): Paragraph[] {
  const body = markdownParagraphs(markdown, ctx);
  return body.length > 0 ? [textParagraph(title, { heading: HeadingLevel.HEADING_2 }), ...body] : [];
}

function sheetParagraphs(sheet: SheetModel): Paragraph[] {
  const debate = sheet.options.layout === 'debate';
  let listInstance = 0;
  const ctx: MarkdownContext = {
    options: debate ? { strongStyle: STYLE.emphasis } : {},
    nextListInstance: () => ++listInstance,
  };
  const card = debate ? debateCard : standardCard;
  const out: Paragraph[] = [
    // Debate layout: the motion is Verbatim's Pocket (heading 1), so Navigation shows Pocket › Hat › Tag.
    textParagraph(sheet.motion, debate ? { heading: HeadingLevel.HEADING_1 } : { heading: HeadingLevel.TITLE }),
    new Paragraph({ children: textRuns(`${sheet.studentName} · ${sheet.date}`, { color: '444444' }) }),
    ...section('Thesis', sheet.thesisMarkdown, ctx),
  ];
  for (const side of sheet.sides) {
    out.push(textParagraph(side.label, { heading: HeadingLevel.HEADING_2 }));
    if (side.cards.length === 0) out.push(textParagraph('No evidence placed on this side.'));
    for (const placed of side.cards) out.push(...card(placed, side.label, ctx));
  }
  out.push(...section('Conclusion', sheet.conclusionMarkdown, ctx));
  if (sheet.unused.length > 0) {
    out.push(textParagraph('Evidence considered but not used', { heading: HeadingLevel.HEADING_2 }));
    for (const unused of sheet.unused) out.push(...card(unused, null, ctx));
  }
  if (sheet.bibliography.length > 0) {
    out.push(textParagraph(BIBLIOGRAPHY_TITLES[sheet.options.style], { heading: HeadingLevel.HEADING_2 }));
    out.push(...sheet.bibliography.map(bibliographyParagraph));
  }
  return out;
}

const ORDERED_LEVELS = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.DECIMAL,
  text: `%${level + 1}.`,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}));

export async function renderSheetDocx(sheet: SheetModel): Promise<Uint8Array> {
  const document = new Document({
    title: wordSafeText(sheet.motion),
    creator: wordSafeText(sheet.studentName),
    description: 'Argument sheet made with Debate Desk',
    styles: SHEET_STYLES,
    numbering: { config: [{ reference: ORDERED_LIST_REFERENCE, levels: ORDERED_LEVELS }] },
    sections: [{ children: sheetParagraphs(sheet) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
