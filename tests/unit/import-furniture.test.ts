// Page furniture in the five real seed texts is flagged, article paragraphs are not, and what is left matches the cleaned articles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftFromFile, type ImportDraft } from '../../src-main/core/import';
import { flagFurniture } from '../../src-main/core/import/furniture';
import { markdownToPlainText } from '../../src-main/core/plain-text';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const seedDir = join(projectRoot, 'tests/fixtures/import/seeds');
const cleanedDir = join(projectRoot, 'resources/starter/articles');
const seedFiles = readdirSync(seedDir).sort();
const cleanedFiles = readdirSync(cleanedDir)
  .filter((name) => name.endsWith('.md'))
  .sort();

const drafts: ImportDraft[] = [];
beforeAll(async () => {
  for (const name of seedFiles) drafts.push(await draftFromFile(name, readFileSync(join(seedDir, name))));
});

/** Rendered text, spacing collapsed: the cleaned articles italicise a few paragraphs the seeds have plain. */
const comparable = (markdown: string): string => markdownToPlainText(markdown).replace(/\s+/g, ' ').trim();

function flagged(draft: ImportDraft): [string, string][] {
  return draft.blocks
    .filter((block) => block.furniture)
    .map((block) => [comparable(block.markdown).slice(0, 30), block.furniture!]);
}

function flagOf(draft: ImportDraft, start: string): string | null | undefined {
  return draft.blocks.find((block) => comparable(block.markdown).startsWith(start))?.furniture;
}

describe('furniture in the seed texts', () => {
  it('has five seeds and five cleaned articles to compare', () => {
    expect(seedFiles).toHaveLength(5);
    expect(cleanedFiles).toHaveLength(5);
  });

  it('000: the related-article teaser and its “see more” link', () => {
    expect(flagged(drafts[0]!)).toEqual([
      ['Events in Kazakhstan confirm m', 'repeats the title'],
      ['CSTO forces withdraw from Kaza', 'related-article link'],
      ['see more', '“see more” link'],
    ]);
  });

  it('001: page navigation, pdf link, download line and counters', () => {
    expect(flagged(drafts[1]!)).toEqual([
      ['top of page', 'page navigation'],
      ['Russia’s alliance with China i', 'repeats the title'],
      ['For this article in pdf, pleas', '“click here” link'],
      ['Russia’s alliance with China i', 'file download link'],
      ['27 views0 comments', 'view and comment counters'],
      ['bottom of page', 'page navigation'],
    ]);
  });

  it('002: section label, lone “by” and “.”, run-together tags, recommendation boxes', () => {
    expect(flagged(drafts[2]!)).toEqual([
      ['World', 'section label'],
      ['China supports Putin’s action ', 'repeats the title'],
      ['by', 'stray fragment'],
      ['.', 'stray punctuation'],
      ['AsiaBricscapitalismchinaCold W', 'run-together tag list'],
      ['You May Also Like', 'recommendations'],
      ['Recommended for you', 'recommendations'],
    ]);
  });

  it('003: numbered reader comments and the reply form', () => {
    expect(flagged(drafts[3]!)).toEqual([
      ['Russia & China: A Political Ma', 'repeats the title'],
      ['1. gate io says', 'reader comment'],
      ['I read your article carefully,', 'reader comment'],
      ['2. Thank you for your sharing.', 'reader comment'],
      ['Leave a Reply', 'comment form'],
    ]);
  });

  it('004: the two paragraphs with spliced-in advertisement links', () => {
    expect(flagged(drafts[4]!)).toEqual([
      ['Things may have changed. Kazak', 'advertisement spliced into the text'],
      ['Beijing has consistently pushe', 'advertisement spliced into the text'],
    ]);
  });

  it('leaves real paragraphs alone, including ones that start like furniture', () => {
    // "By deploying…" and "By moving…" start like bylines; "Follow him on Twitter" like a prompt.
    expect(flagOf(drafts[1]!, 'By deploying his so-called')).toBeNull();
    expect(flagOf(drafts[3]!, 'By moving into Kazakhstan with Russian forces')).toBeNull();
    expect(flagOf(drafts[4]!, 'Doug Klain is associate director')).toBeNull();
    expect(flagOf(drafts[0]!, 'As he emphasised, “Russia and China')).toBeNull();
    expect(flagOf(drafts[2]!, 'It is not just military, like the CTO or NATO')).toBeNull();
    expect(flagOf(drafts[3]!, 'The question is: Who is “NOT” benefiting')).toBeNull();
    expect(flagOf(drafts[1]!, 'There’s a new Great Game afoot')).toBeNull();
  });

  it('reads the metadata the seeds state, and nothing more', () => {
    expect(drafts.map((draft) => [draft.title, draft.author, draft.outlet, draft.date, draft.url])).toEqual([
      ['Events in Kazakhstan confirm maturity of Russia-China alliance: expert', '', '', '', ''],
      [
        'Russia’s alliance with China is beginning to falter - article for the Telegraph 13.01.22',
        '',
        '',
        '2022-01-13',
        '',
      ],
      ['China supports Putin’s action in Kazakhstan, wants unity against the West', '', '', '', ''],
      ['Russia & China: A Political Marriage Of Convenience', '', '', '', ''],
      // "date 2022-01-21" was glued to the first paragraph: it becomes the date and leaves the text.
      ['', '', '', '2022-01-21', ''],
    ]);
    expect(drafts[4]!.blocks[0]!.markdown).toMatch(/^Kazakhstan began 2022 in deep crisis/);
    expect(drafts.flatMap((draft) => draft.warnings)).toEqual([]);
  });

  it('keeps, unflagged, exactly the paragraphs of the cleaned articles (004’s two ad-spliced ones are flagged, not repaired)', () => {
    const report = seedFiles.map((name, index) => {
      const kept = drafts[index]!.blocks.filter((block) => !block.furniture).map((block) => comparable(block.markdown));
      const cleaned = matter(readFileSync(join(cleanedDir, cleanedFiles[index]!), 'utf8'))
        .content.split(/\n\s*\n/)
        .map(comparable)
        .filter(Boolean);
      return {
        name,
        cleaned: cleaned.length,
        kept: kept.length,
        missing: cleaned.filter((paragraph) => !kept.includes(paragraph)).map((paragraph) => paragraph.slice(0, 30)),
        extra: kept.filter((paragraph) => !cleaned.includes(paragraph)).map((paragraph) => paragraph.slice(0, 30)),
      };
    });
    expect(report).toEqual([
      { name: seedFiles[0], cleaned: 9, kept: 9, missing: [], extra: [] },
      { name: seedFiles[1], cleaned: 16, kept: 16, missing: [], extra: [] },
      { name: seedFiles[2], cleaned: 22, kept: 22, missing: [], extra: [] },
      { name: seedFiles[3], cleaned: 13, kept: 13, missing: [], extra: [] },
      {
        name: seedFiles[4],
        cleaned: 14,
        kept: 12,
        missing: ['Things may have changed. Kazak', 'Beijing has consistently pushe'],
        extra: [],
      },
    ]);
  });
});

describe('furniture rules on their own', () => {
  const reasonsFor = (blocks: string[], title = '') => flagFurniture(blocks, { title });
  const paragraph =
    'Officials in Astana said the agreement would be signed next month, after a final round of talks in Beijing.';

  it.each([
    ['Read more', '“read more” link'],
    ['SHOW MORE »', '“show more” link'],
    ['1,204 views', 'view and comment counters'],
    ['12 comments', 'comment form'],
    ['Share on Facebook | Twitter | Email', 'share buttons'],
    ['Subscribe to our newsletter', 'subscription prompt'],
    ['We use cookies to give you the best experience. Accept all', 'cookie notice'],
    ['© 2022 Steppe Media Ltd', 'copyright notice'],
    ['ADVERTISEMENT', 'advertisement label'],
    ['Tags: Russia, China, CSTO', 'tag list'],
    ['Page 3 of 12', 'page number'],
    ['Most read', 'recommendations'],
    ['Download PDF • 1.2 MB', 'file download link'],
    ['…', 'stray punctuation'],
  ])('flags %j as %s', (block, reason) => {
    expect(reasonsFor([paragraph, block, paragraph])[1]).toBe(reason);
  });

  it.each([
    'Millions of readers subscribe to state television, which has covered the protests sparingly.',
    'Share prices in Almaty fell by a third during the week of the protests.',
    'More than 160 people were killed, according to official figures released on Saturday.',
    'The YouTube video, which was viewed by McDonald and others, showed troops at the airport.',
    'Read the full statement below.',
    '2022 was a year of crisis.',
  ])('does not flag %j', (block) => {
    expect(reasonsFor([paragraph, block, paragraph])[1]).toBeNull();
  });

  it('flags a short block repeating the title, but not a paragraph that mentions it', () => {
    const title = 'Russia and China split the steppe';
    expect(reasonsFor([paragraph, '## Russia and China split the steppe', paragraph], title)[1]).toBe(
      'repeats the title',
    );
    expect(
      reasonsFor([paragraph, `${paragraph} That is why Russia and China split the steppe between them.`], title)[1],
    ).toBeNull();
  });

  it('flags everything after a numbered reader comment, and a one-word label only at the top', () => {
    expect(reasonsFor([paragraph, '1\\. Aigul says:', 'Great article!', 'Thanks.'])).toEqual([
      null,
      'reader comment',
      'reader comment',
      'reader comment',
    ]);
    expect(reasonsFor(['Politics', paragraph, 'Analysis', paragraph])).toEqual(['section label', null, null, null]);
  });
});
