// What the torture test imports: big articles (articles.create, the write at the end of an article import) and debate
// packs (packs.importDebate with a real .ddpack file), large enough that an import takes long enough to be killed in.
import { markdownToPlainText } from '../../src-main/core/plain-text';
import { FORMAT_VERSION, PACK_FORMAT, writeArchive } from '../../src-main/core/packs/manifest';
import type { Random } from './random';

const WORDS = (
  'alliance rivalry border treaty pipeline summit trade corridor security pact tension leverage influence market ' +
  'energy grain rail envoy ministry council doctrine garrison deadline sanctions currency steppe capital province ' +
  'observers analysts reported warned agreed denied claimed signed delayed expanded'
).split(' ');

/** Paragraphs of plain words (no Markdown syntax), unique through `nonce` (the library refuses a duplicate text). */
export function articleBody(random: Random, nonce: string, approxChars: number): string {
  const paragraphs = [`Report ${nonce}.`];
  let size = paragraphs[0]!.length;
  while (size < approxChars) {
    const words = Array.from({ length: random.int(40, 120) }, () => random.pick(WORDS));
    const paragraph = `${words.join(' ')}.`;
    paragraphs.push(paragraph.charAt(0).toUpperCase() + paragraph.slice(1));
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

export interface ArticleImport {
  kind: 'article';
  /** Unique: how an import whose answer never came is found (or not) afterwards. */
  title: string;
  bodyMarkdown: string;
  tags: string[];
}

export function makeArticleImport(random: Random, nonce: string): ArticleImport {
  return {
    kind: 'article',
    title: `Torture article ${nonce}`,
    bodyMarkdown: articleBody(random, nonce, random.int(20_000, 400_000)),
    tags: ['torture', `t${nonce}`.toLowerCase()],
  };
}

export interface PackImport {
  kind: 'pack';
  fileName: string;
  dataBase64: string;
  /** Every id the pack would add here: what must be all present or all absent. */
  debateId: string;
  articleIds: string[];
  cardIds: string[];
  studentIds: string[];
}

/**
 * A debate pack with fresh ids (so importing it creates everything), its cards anchored in the articles' text.
 * A large one (3–4 MB of text) changes more pages than SQLite's 2 MB page cache holds, so its transaction spills
 * pages into the WAL before it commits: a kill then leaves half a transaction on disk for recovery to ignore.
 */
export function makePackImport(random: Random, nonce: string, large = false): PackImport {
  const at = new Date().toISOString();
  const articleCount = large ? random.int(35, 40) : random.int(5, 30);
  const articles = Array.from({ length: articleCount }, (_, index) => {
    const body = articleBody(
      random,
      `${nonce}-${index}`,
      large ? random.int(80_000, 100_000) : random.int(5_000, 50_000),
    );
    return { id: random.uuid(), body, text: markdownToPlainText(body) };
  });
  const cards = articles.flatMap((article) =>
    Array.from({ length: random.int(2, 30) }, (_, index) => {
      const start = random.int(0, article.text.length - 200);
      const end = start + random.int(20, 150);
      return {
        id: random.uuid(),
        articleId: article.id,
        tag: `Card ${index} of ${nonce}`,
        start,
        end,
        quote: article.text.slice(start, end),
        prefix: article.text.slice(Math.max(0, start - 32), start),
        suffix: article.text.slice(end, end + 32),
        updatedAt: at,
      };
    }),
  );
  const roster = Array.from({ length: random.int(0, 3) }, (_, index) => ({
    id: random.uuid(),
    name: `Pack student ${index} ${nonce}`,
  }));
  const debate = {
    id: random.uuid(),
    motion: `Torture motion ${nonce}`,
    sideA: 'For',
    sideB: 'Against',
    instructionsMarkdown: `Instructions ${nonce}`,
    status: 'open' as const,
    createdAt: at,
    updatedAt: at,
    articleIds: articles.map((article) => article.id),
    poolCardIds: cards.map((card) => card.id),
  };
  const files: Record<string, string> = {
    'debate.json': JSON.stringify(debate),
    'articles.json': JSON.stringify(
      articles.map((article, index) => ({
        id: article.id,
        title: `Pack article ${index} of ${nonce}`,
        author: null,
        outlet: 'The Torture Times',
        date: '2022-01-21',
        url: null,
        tags: ['pack'],
        updatedAt: at,
      })),
    ),
    'cards.json': JSON.stringify(cards),
    'roster.json': JSON.stringify(roster),
  };
  for (const article of articles) files[`articles/${article.id}.md`] = article.body;
  const bytes = writeArchive(
    {
      format: PACK_FORMAT,
      version: FORMAT_VERSION,
      exportedAt: at,
      appVersion: 'torture',
      debate: { id: debate.id, motion: debate.motion },
    },
    files,
  );
  return {
    kind: 'pack',
    fileName: `torture-${nonce}.ddpack`,
    dataBase64: Buffer.from(bytes).toString('base64'),
    debateId: debate.id,
    articleIds: debate.articleIds,
    cardIds: debate.poolCardIds,
    studentIds: roster.map((student) => student.id),
  };
}
