// Flags blocks that look like web-page furniture (navigation, counters, share bars, comments, ads), with a short reason.
// Nothing is removed here: the teacher sees the reason and decides.
import { Lexer } from 'marked';
import { tidyLine } from './normalize-text';

export interface FurnitureContext {
  /** The draft's title, '' when unknown: short blocks repeating it are furniture. */
  title: string;
}

interface Block {
  markdown: string;
  /** Rendered text, whitespace collapsed. */
  text: string;
}

const SHORT = 80;

const LINE_RULES: { reason: string | ((match: RegExpExecArray) => string); pattern: RegExp; maxLength?: number }[] = [
  {
    reason: 'page navigation',
    pattern: /^(?:(?:top|bottom) of (?:the )?page|back to top|skip to (?:main )?content|jump to (?:main )?content)$/i,
  },
  {
    reason: (m) => `“${m[1]!.toLowerCase()}” link`,
    pattern: /^((?:see|read|view|show|load) more)\b[\w\s]{0,20}[.…:›»>]*$/i,
  },
  {
    reason: 'comment form',
    pattern:
      /^(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the (?:conversation|discussion)|\d+ (?:comments|responses|replies)|comments?)$/i,
  },
  {
    reason: 'view and comment counters',
    pattern: /^(?:[\d.,]+\s*[km]?\s*(?:views?|comments?|likes?|shares?|reads?|reactions?|responses?)\s*)+$/i,
  },
  { reason: 'file download link', pattern: /\bdownload\b.*\b\d+(?:[.,]\d+)?\s*[kmg]i?b\b/i, maxLength: 250 },
  { reason: '“click here” link', pattern: /\bclick here\b/i, maxLength: 150 },
  {
    reason: 'recommendations',
    pattern:
      /^(?:you (?:may|might) also (?:like|enjoy)|recommended(?: for you| stories| articles)?|related(?: articles| stories| posts| content)?|more (?:from|on|stories|articles)\b.{0,40}|most (?:read|popular|viewed|shared)|trending(?: now)?|also read|read also|read next|editor'?s picks|popular posts|latest (?:news|posts|stories))\s*:?$/i,
  },
  {
    reason: 'share buttons',
    pattern:
      /^(?:(?:share|tweet|email|print|copy link|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|x)(?: this(?: article| story| post| page)?)?(?: on \w+)?[\s,|•·/]*)+$/i,
  },
  {
    reason: 'subscription prompt',
    pattern:
      /^(?:subscribe|sign up|get (?:our|the) newsletter|join our (?:newsletter|mailing list)|follow us|support (?:our|independent) journalism|become a (?:member|subscriber|supporter)|donate)\b/i,
    maxLength: 160,
  },
  {
    reason: 'cookie notice',
    pattern:
      /\bcookies?\b.*\b(?:accept|consent|privacy|policy|settings|we use|uses)\b|\b(?:we use|uses|accept(?: all)?)\b.*\bcookies?\b/i,
    maxLength: 300,
  },
  { reason: 'copyright notice', pattern: /^(?:©|\(c\)|copyright\b)/i, maxLength: 160 },
  { reason: 'advertisement label', pattern: /^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted)$/i },
  { reason: 'tag list', pattern: /^(?:tags?|topics?|filed under)\s*:/i, maxLength: 300 },
  { reason: 'page number', pattern: /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i },
  { reason: 'stray fragment', pattern: /^(?:by|from|and|written by|posted by|photo|image|source)$/i },
];

/** "AsiaBricscapitalismchinaCold War…": tags whose separators were lost when the page was copied. */
function isRunTogetherTags(text: string): boolean {
  if (text.length < 40 || /[.!?,;:]\s/.test(text)) return false;
  return (text.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) >= 3;
}

/** "…Vladimir Poutine Vladimir Vladimirovich PutinIran announces … MORE": a related-links widget pasted into a sentence. */
function hasSplicedAd(text: string): boolean {
  if (!/\bMORE\b/.test(text)) return false;
  const join = /\p{Ll}\p{Lu}\p{Ll}/u.exec(text);
  return !!join && /\bMORE\b/.test(text.slice(join.index));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The words of a block, near enough for these rules and much cheaper than rendering it (a long file has thousands of blocks). */
function roughText(markdown: string): string {
  return tidyLine(
    markdown
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .replace(/^ {0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)/gm, '')
      .replace(/^(?:=+|-+)\s*$/gm, '')
      // Bounded, so that a block full of unmatched brackets stays linear.
      .replace(/!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, '$1')
      .replace(/[*_`~]+/g, '')
      .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? ''),
  );
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function repeatsTitle(text: string, title: string): boolean {
  const block = comparable(text);
  const wanted = comparable(title);
  if (!block || !wanted) return false;
  if (block === wanted) return true;
  if (wanted.length < 15 || block.length > wanted.length * 1.5) return false;
  return block.includes(wanted) || (wanted.includes(block) && block.length >= wanted.length * 0.6);
}

/** A block Markdown reads as raw HTML: the app never interprets it, so a reader would see the tags themselves. */
function isRawHtml(markdown: string): boolean {
  if (!/^\s*<[a-z!/]/i.test(markdown)) return false;
  return new Lexer().lex(markdown).every((token) => token.type === 'html' || token.type === 'space');
}

const COMMENT_HEADER = /^\s*\d+\\?[.)]\s+.{1,60}?\s(?:says|said|wrote|commented|replied)\s*:?\s*$/i;

function lineRuleReason(text: string): string | null {
  for (const rule of LINE_RULES) {
    if (text.length > (rule.maxLength ?? SHORT)) continue;
    const match = rule.pattern.exec(text);
    if (match) return typeof rule.reason === 'string' ? rule.reason : rule.reason(match);
  }
  return null;
}

function ownReason(block: Block, context: FurnitureContext): string | null {
  const { text } = block;
  if (isRawHtml(block.markdown)) return 'HTML code (the reader shows it as text)';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'stray punctuation';
  const lines = block.markdown.includes('\n') && text.length <= 300 ? block.markdown.split('\n').map(roughText) : [];
  for (const line of [text, ...lines]) {
    const reason = line ? lineRuleReason(line) : null;
    if (reason) return reason;
  }
  if (isRunTogetherTags(text)) return 'run-together tag list';
  if (hasSplicedAd(text)) return 'advertisement spliced into the text';
  if (context.title && text.length <= 250 && repeatsTitle(text, context.title)) return 'repeats the title';
  return null;
}

function isHeading(markdown: string): boolean {
  return /^#{1,6}\s/.test(markdown) || /\n(?:=+|-+)\s*$/.test(markdown);
}

export function flagFurniture(markdownBlocks: string[], context: FurnitureContext): (string | null)[] {
  const blocks: Block[] = markdownBlocks.map((markdown) => ({
    markdown,
    text: roughText(markdown),
  }));
  const reasons = blocks.map((block) => ownReason(block, context));
  let inComments = false;
  blocks.forEach((block, index) => {
    if (COMMENT_HEADER.test(block.markdown.split('\n')[0] ?? '')) inComments = true;
    if (inComments && !reasons[index]) reasons[index] = 'reader comment';
  });
  blocks.forEach((block, index) => {
    if (reasons[index]) return;
    const next = reasons[index + 1] ?? '';
    const single = !block.markdown.includes('\n') && block.text.length <= 100 && !/[.!?]$/.test(block.text);
    if (single && /^“(?:see|read|view|show|load) more” link$/.test(next)) reasons[index] = 'related-article link';
    const first = reasons.slice(0, index).every(Boolean);
    const oneWord = /^\p{L}[\p{L}&-]{0,19}$/u.test(block.text);
    if (first && oneWord && !isHeading(block.markdown) && index < blocks.length - 1) reasons[index] = 'section label';
  });
  return reasons;
}
