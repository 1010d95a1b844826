// The teacher's side: the PIN (first use, unlock, wrong PINs), setting up a debate and its pool through the UI,
// what students then see, duplicating, locking and archiving, the class roster, and axe on these pages.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { BoardPage } from './pages/board-page';
import { ReaderPage } from './pages/reader-page';
import { DebateForm, DebatesPage, RosterPage } from './pages/setup-page';
import { callApi, callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { TEST_PIN, teacherId, teacherToken, unlockTeacher } from './support/teacher';

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

const STUDENT = 'Lukas Novak';
const OSW = 'Events in Kazakhstan confirm maturity of Russia-China alliance: expert';
const TELEGRAPH = 'Russia’s alliance with China is beginning to falter';
const SENTENCE = 'Russia and China should be treated as close allies working out a common agenda in the region.';
const MOTION = 'Is the Russia–China partnership in Central Asia built to last?';

async function articleIdOf(url: string, title: string): Promise<string> {
  const article = (await callApiOk(url, 'articles.list', {})).find((summary) => summary.title === title);
  if (!article) throw new Error(`no article “${title}”`);
  return article.id;
}

async function personIdOf(url: string, name: string): Promise<string> {
  const person = (await callApiOk(url, 'people.list', {})).find((someone) => someone.name === name);
  if (!person) throw new Error(`no one called ${name}`);
  return person.id;
}

/** A debate on two starter articles, two OSW cards and a Telegraph card in its pool, made through the API. */
async function createDebate(url: string, motion = MOTION) {
  const teacherToken_ = await teacherToken(url);
  const articleIds = [await articleIdOf(url, OSW), await articleIdOf(url, TELEGRAPH)];
  const cards = await callApiOk(url, 'cards.forArticles', { articleIds });
  const telegraph = cards.find((card) => card.articleId === articleIds[1]);
  if (!telegraph) throw new Error('no Telegraph card');
  return callApiOk(url, 'debates.create', {
    teacherToken: teacherToken_,
    motion,
    sideA: 'Partners',
    sideB: 'Competitors',
    instructionsMarkdown: 'Pick **three** cards for each side.',
    articleIds,
    poolCardIds: [...cards.slice(0, 2), telegraph].map((card) => card.id),
  });
}

/** Ends teacher mode and opens the board as a student (the newest open debate is the one shown first). */
async function openBoardAs(page: Page, student: string): Promise<BoardPage> {
  if (await page.getByRole('button', { name: 'Lock teacher mode' }).isVisible()) {
    await page.getByRole('button', { name: 'Lock teacher mode' }).click();
  }
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: student });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Debate board' }).click();
  await expect(page.getByText(`Board of ${student}`)).toBeVisible();
  return new BoardPage(page);
}

test('first use: the teacher sets a PIN; teacher mode shows Debates, Class and Lock, and students see none of it', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button')).toHaveText(['Debate board', 'Library']);

  // A student: reads the library, but no Import, Edit or Delete.
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: STUDENT });
  await nav.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import articles' })).toHaveCount(0);

  // Choosing the teacher asks to set a PIN; the two PINs must match and be 4 to 12 digits.
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Teacher' });
  const dialog = page.getByRole('dialog', { name: 'Set a teacher PIN' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('PIN', { exact: true })).toBeFocused();
  await dialog.getByLabel('PIN', { exact: true }).fill('12');
  await dialog.getByLabel('PIN again', { exact: true }).fill('12');
  await dialog.getByRole('button', { name: 'Set PIN and unlock' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The PIN must be 4 to 12 digits (numbers only).');
  await dialog.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
  await dialog.getByLabel('PIN again', { exact: true }).fill('2469');
  await dialog.getByRole('button', { name: 'Set PIN and unlock' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not the same');
  expect((await callApiOk(host.url, 'teacher.status', {})).pinSet).toBe(false);

  await dialog.getByLabel('PIN again', { exact: true }).fill(TEST_PIN);
  await dialog.getByRole('button', { name: 'Set PIN and unlock' }).click();
  await expect(dialog).toBeHidden();
  expect((await callApiOk(host.url, 'teacher.status', {})).pinSet).toBe(true);
  await expect(nav.getByRole('button')).toHaveText(['Debate board', 'Library', 'Debates', 'Class']);
  await expect(page.getByRole('button', { name: 'Import articles' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' }).first()).toBeVisible();

  // A reload of the tab keeps teacher mode.
  await page.reload();
  await expect(nav.getByRole('button', { name: 'Class' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Working as' })).toHaveValue(await teacherId(host.url));

  // Lock ends it: back to "Who is working?", and the teacher-only entries are gone.
  await page.getByRole('button', { name: 'Lock teacher mode' }).click();
  await expect(nav.getByRole('button')).toHaveText(['Debate board', 'Library']);
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Working as' })).toHaveValue('');

  // Choosing the teacher now asks to unlock; Escape cancels and nothing changes.
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: STUDENT });
  await page.getByRole('combobox', { name: 'Working as' }).focus();
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Teacher' });
  const unlock = page.getByRole('dialog', { name: 'Unlock teacher mode' });
  await expect(unlock).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(unlock).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Working as' })).toHaveValue(await personIdOf(host.url, STUDENT));
  await expect(page.getByRole('combobox', { name: 'Working as' })).toBeFocused();
  await expect(nav.getByRole('button')).toHaveText(['Debate board', 'Library']);

  await unlockTeacher(page);
  await expect(nav.getByRole('button')).toHaveText(['Debate board', 'Library', 'Debates', 'Class']);
});

test('the teacher sets up a debate through the form, and a student sees its sides and pool on the board', async ({
  page,
  host,
}) => {
  test.slow(); // a whole setup, a trip to the reader and a student's board
  const articleIds = [await articleIdOf(host.url, OSW), await articleIdOf(host.url, TELEGRAPH)];
  const [first, second, third] = await callApiOk(host.url, 'cards.forArticles', { articleIds });
  const telegraphCard = (await callApiOk(host.url, 'cards.forArticles', { articleIds: [articleIds[1]!] }))[0];
  if (!first || !second || !third || !telegraphCard) throw new Error('too few starter cards');

  await page.goto(host.url);
  await unlockTeacher(page);
  const debates = new DebatesPage(page);
  await debates.show();
  const form = await debates.newDebate();
  await expect(form.side('A')).toHaveValue('Alliance');
  await expect(form.side('B')).toHaveValue('Rivalry');

  await form.motion().fill(MOTION);
  await form.side('A').fill('Partners');
  await form.side('B').fill('Competitors');
  await form.instructions().fill('Read both articles.\n\n- Put **three** cards on each side\n- Say *why* each fits');
  await expect(form.preview().locator('strong')).toHaveText('three');
  await expect(form.preview().getByRole('listitem')).toHaveCount(2);

  await expect(form.pool()).toContainText('Choose the articles in play first');
  await form.chooseArticle(OSW);
  await form.chooseArticle(TELEGRAPH);
  await expect(form.articles()).toContainText('2 of 5 chosen');

  // Three cards ticked in, then the third moved up to first with the keyboard.
  await form.tick(first.tag);
  await form.tick(telegraphCard.tag);
  await form.tick(second.tag);
  expect(await form.poolTags()).toEqual([first.tag, telegraphCard.tag, second.tag]);
  const up = form.card(second.tag).getByRole('button', { name: 'Up' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.status()).toHaveText(`“${second.tag}” is now number 1 of 3.`);
  expect(await form.poolTags()).toEqual([second.tag, first.tag, telegraphCard.tag]);
  // At the top, Up is disabled and the focus moved to Down.
  await expect(up).toBeDisabled();
  await expect(form.card(second.tag).getByRole('button', { name: 'Down' })).toBeFocused();

  // Cut a new card in the reader: back in the form, everything typed is still there and the card is ticked, last.
  await form.pool().getByRole('region', { name: OSW }).getByRole('button', { name: 'Cut a new card' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OSW);
  const reader = new ReaderPage(page);
  await reader.selectWithMouse(SENTENCE);
  await reader.saveCard('OSW: close allies with a common agenda');
  await page.getByRole('button', { name: '← Back to the debate setup' }).click();
  await expect(form.motion()).toHaveValue(MOTION);
  await expect(form.side('A')).toHaveValue('Partners');
  await expect(form.status()).toContainText('The new card “OSW: close allies with a common agenda” is ticked');
  expect(await form.poolTags()).toEqual([
    second.tag,
    first.tag,
    telegraphCard.tag,
    'OSW: close allies with a common agenda',
  ]);

  await form.save();
  await expect(page.getByRole('heading', { level: 1, name: 'Debates' })).toBeVisible();
  await expect(debates.status()).toHaveText(`Saved “${MOTION}”.`);
  const row = debates.row(MOTION);
  await expect(row).toContainText('Open');
  await expect(row).toContainText('2 articles · 4 cards in the pool');
  await expect(row).toContainText('Partners');

  const board = await openBoardAs(page, STUDENT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MOTION);
  await expect(board.area('Partners')).toBeVisible();
  await expect(board.area('Competitors')).toBeVisible();
  await expect
    .poll(() => board.tagsIn('Evidence pool'))
    .toEqual([second.tag, first.tag, telegraphCard.tag, 'OSW: close allies with a common agenda']);
});

test('a card’s tag is edited in the form; a debate is duplicated, locked and archived', async ({ page, host }) => {
  test.slow();
  const setup = await createDebate(host.url);
  const [firstCard] = setup.pool;
  if (!firstCard) throw new Error('empty pool');
  const student = await personIdOf(host.url, STUDENT);
  await callApiOk(host.url, 'cards.place', {
    debateId: setup.id,
    studentId: student,
    cardId: firstCard.id,
    side: 'A',
    index: 0,
  });

  await page.goto(host.url);
  await unlockTeacher(page);
  const debates = new DebatesPage(page);
  await debates.show();

  // Edit a tag: saved at once, on the card itself.
  await debates.act(MOTION, 'Edit');
  const form = new DebateForm(page);
  await expect(form.motion()).toHaveValue(MOTION);
  await form.editTag(firstCard.tag, 'OSW: Beijing let Moscow lead in Kazakhstan');
  expect(await form.poolTags()).toContain('OSW: Beijing let Moscow lead in Kazakhstan');
  const [edited] = (await callApiOk(host.url, 'debates.get', { debateId: setup.id })).pool;
  expect(edited?.tag).toBe('OSW: Beijing let Moscow lead in Kazakhstan');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Duplicate: same setup, open, no student work.
  await debates.act(MOTION, 'Duplicate');
  await expect(debates.status()).toContainText(`Duplicated “${MOTION}”`);
  await expect(debates.row(MOTION)).toHaveCount(2);
  const copies = (await callApiOk(host.url, 'debates.list', {})).filter((debate) => debate.motion === MOTION);
  const copy = copies.find((debate) => debate.id !== setup.id);
  if (!copy) throw new Error('no copy');
  expect(copy).toMatchObject({ status: 'open', sideA: 'Partners', sideB: 'Competitors', cardCount: 3 });
  const copyBoard = await callApiOk(host.url, 'board.get', { debateId: copy.id, studentId: student });
  expect(copyBoard.placements).toEqual([]);
  expect(copyBoard.cards.map((card) => card.id).slice(0, 3)).toEqual(setup.pool.map((card) => card.id));

  // The copy gets its own motion, so the two can be told apart.
  await debates.row(MOTION).first().getByRole('button', { name: 'Edit' }).click();
  await form.motion().fill('Term 2: built to last?');
  await form.save();
  await expect(debates.row('Term 2: built to last?')).toHaveCount(1);

  // Lock the original: the student's board says so, and the core refuses a move.
  await debates.act(MOTION, 'Lock');
  await expect(debates.row(MOTION)).toContainText('Locked');
  await expect(debates.row(MOTION).getByRole('button', { name: 'Reopen' })).toBeVisible();
  const place = await callApi(host.url, 'cards.place', {
    debateId: setup.id,
    studentId: student,
    cardId: firstCard.id,
    side: 'B',
    index: 0,
  });
  expect(place.ok ? 'ok' : place.error.code).toBe('LOCKED');

  // Archive the copy: students no longer see it.
  await debates.act('Term 2: built to last?', 'Archive');
  await expect(debates.status()).toContainText('is archived');
  await expect(debates.row('Term 2: built to last?')).toHaveCount(0);
  const seen = (await callApiOk(host.url, 'debates.list', {})).map((debate) => debate.id);
  expect(seen).not.toContain(copy.id);
  expect(seen).toContain(setup.id);
  await debates.showArchived().check();
  await expect(debates.row('Term 2: built to last?')).toContainText('Archived');
  await expect(debates.row('Term 2: built to last?').getByRole('button', { name: 'Restore' })).toBeVisible();

  // The board opens on an open debate (the starter); the student picks the locked one.
  const board = await openBoardAs(page, STUDENT);
  await page.getByRole('combobox', { name: 'Debate' }).selectOption({ label: `${MOTION} (locked)` });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MOTION);
  await expect(page.getByRole('note', { name: 'Read only' })).toContainText('Locked: read only.');
  await expect.poll(() => board.tagsIn('Partners')).toEqual(['OSW: Beijing let Moscow lead in Kazakhstan']);
});

test('a wrong PIN changes nothing, in the UI and through the API', async ({ page, host }) => {
  await teacherToken(host.url); // sets the PIN
  const before = {
    debates: await callApiOk(host.url, 'debates.list', { includeArchived: true }),
    people: await callApiOk(host.url, 'people.list', {}),
    articles: await callApiOk(host.url, 'articles.list', {}),
  };

  await page.goto(host.url);
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Teacher' });
  const dialog = page.getByRole('dialog', { name: 'Unlock teacher mode' });
  await dialog.getByLabel('PIN', { exact: true }).fill('0000');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That PIN is wrong. Nothing was changed.');
  await expect(dialog.getByLabel('PIN', { exact: true })).toHaveValue('');
  await expect(dialog.getByLabel('PIN', { exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Working as' })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Lock teacher mode' })).toHaveCount(0);
  expect(await page.evaluate(() => sessionStorage.getItem('debate-desk.teacher-token'))).toBeNull();

  const wrong = await callApi(host.url, 'teacher.unlock', { pin: '1111' });
  expect(wrong.ok ? 'ok' : wrong.error.code).toBe('FORBIDDEN');
  expect(wrong).not.toHaveProperty('value');
  const bogus = 'not-a-real-token';
  const [article] = before.articles;
  const [debate] = before.debates;
  if (!article || !debate) throw new Error('no starter data');
  const attempts = [
    await callApi(host.url, 'debates.create', {
      teacherToken: bogus,
      motion: 'Sneaky debate',
      sideA: 'Yes',
      sideB: 'No',
      instructionsMarkdown: '',
      articleIds: [],
      poolCardIds: [],
    }),
    await callApi(host.url, 'debates.setStatus', { teacherToken: bogus, debateId: debate.id, status: 'archived' }),
    await callApi(host.url, 'people.add', { teacherToken: bogus, name: 'Intruder' }),
    await callApi(host.url, 'articles.delete', { teacherToken: bogus, articleId: article.id }),
    await callApi(host.url, 'excerpts.create', {
      personId: await teacherId(host.url),
      teacherToken: bogus,
      articleId: article.id,
      kind: 'card',
      tag: 'Forged teacher card',
      start: 0,
      end: 5,
      quote: 'xxxxx',
    }),
  ];
  expect(attempts.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(Array(5).fill('FORBIDDEN'));
  expect(await callApiOk(host.url, 'debates.list', { includeArchived: true })).toEqual(before.debates);
  expect(await callApiOk(host.url, 'people.list', {})).toEqual(before.people);
  expect(await callApiOk(host.url, 'articles.list', {})).toEqual(before.articles);
});

test('a refused token (the app restarted) asks for the PIN again and the change still goes through', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await unlockTeacher(page);
  // What the tab keeps after the app restarted: a token the running app never issued.
  await page.evaluate(() => sessionStorage.setItem('debate-desk.teacher-token', 'issued-before-a-restart'));
  await page.reload();
  await expect(page.getByRole('button', { name: 'Lock teacher mode' })).toBeVisible();
  const roster = new RosterPage(page);
  await roster.show();
  await roster.add('Nadia Karimova');
  const dialog = page.getByRole('dialog', { name: 'Unlock teacher mode' });
  await expect(dialog).toContainText('Teacher mode has ended');
  await dialog.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(roster.status()).toHaveText('Added Nadia Karimova to the class.');
  expect(await roster.names()).toContain('Nadia Karimova');
});

test('a failed save keeps everything in the form: a problem is shown, then the save goes through', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await unlockTeacher(page);
  const debates = new DebatesPage(page);
  await debates.show();
  const form = await debates.newDebate();
  await form.motion().fill(MOTION);
  await form.side('B').fill('alliance');
  await form.instructions().fill('Work in pairs.');
  await form.chooseArticle(TELEGRAPH);
  await form.save();
  await expect(form.alert()).toHaveText('The two sides need different labels.');
  await expect(form.alert()).toBeFocused();

  // The page's token stops working (as after a restart) and the teacher cancels the PIN: not saved, nothing lost.
  await form.side('B').fill('Rivalry');
  const pageToken = await page.evaluate(() => sessionStorage.getItem('debate-desk.teacher-token'));
  await callApiOk(host.url, 'teacher.lock', { teacherToken: pageToken ?? '' });
  await form.save();
  const dialog = page.getByRole('dialog', { name: 'Unlock teacher mode' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(form.alert()).toContainText('Not saved: teacher mode is locked');
  await expect(form.motion()).toHaveValue(MOTION);
  await expect(form.instructions()).toHaveValue('Work in pairs.');
  await expect(form.articles().getByRole('checkbox', { name: TELEGRAPH })).toBeChecked();
  expect((await callApiOk(host.url, 'debates.list', {})).map((debate) => debate.motion)).not.toContain(MOTION);

  await form.save();
  await dialog.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(debates.status()).toHaveText(`Saved “${MOTION}”.`);
  await expect(debates.row(MOTION)).toContainText('Alliance');
  await expect(debates.row(MOTION)).toContainText('1 article · 0 cards in the pool');
});

test('a file dropped while a student is working waits for the teacher PIN, then opens its review', async ({
  page,
  host,
}) => {
  await teacherToken(host.url); // the PIN is set
  await page.goto(host.url);
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: STUDENT });
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['# Notes on the CSTO\n\nThe mission ended within weeks.'], 'csto.md'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('heading', { level: 1, name: 'For the teacher' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Importing articles is for the teacher.');
  await page.getByRole('button', { name: 'Unlock teacher mode' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unlock teacher mode' });
  await dialog.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('form', { name: 'Review the import' })).toContainText('csto.md');
});

test('the class roster: add, rename, and remove a student after a confirmation that names their work', async ({
  page,
  host,
}) => {
  // Amara has a card, two highlights and two cards placed on the starter board.
  const amara = await personIdOf(host.url, 'Amara Okafor');
  const articleId = await articleIdOf(host.url, OSW);
  const { bodyText } = await callApiOk(host.url, 'articles.get', { articleId });
  const excerpt = (quote: string, kind: 'card' | 'annotation') => {
    const start = bodyText.indexOf(quote);
    return callApiOk(host.url, 'excerpts.create', {
      personId: amara,
      articleId,
      kind,
      start,
      end: start + quote.length,
      quote,
      ...(kind === 'card' ? { tag: 'Close allies' } : { label: 'key-claim' as const }),
    });
  };
  await excerpt(SENTENCE, 'card');
  await excerpt('common agenda', 'annotation');
  await excerpt('close allies', 'annotation');
  const [starter] = await callApiOk(host.url, 'debates.list', {});
  if (!starter) throw new Error('no starter debate');
  const { cards } = await callApiOk(host.url, 'board.get', { debateId: starter.id, studentId: amara });
  for (const card of cards.slice(0, 2)) {
    await callApiOk(host.url, 'cards.place', {
      debateId: starter.id,
      studentId: amara,
      cardId: card.id,
      side: 'B',
      index: 0,
    });
  }

  await page.goto(host.url);
  await unlockTeacher(page);
  const roster = new RosterPage(page);
  await roster.show();
  expect(await roster.names()).toHaveLength(6);

  await roster.add('Zoe Park');
  await expect(roster.status()).toHaveText('Added Zoe Park to the class.');
  await expect(page.getByRole('textbox', { name: 'Name of a new student' })).toBeFocused();
  await roster.add('amara okafor');
  await expect(page.getByRole('alert')).toHaveText('There is already someone called “amara okafor” in the class.');
  await expect(page.getByRole('textbox', { name: 'Name of a new student' })).toHaveValue('amara okafor');

  await roster.rename('Zoe Park', 'Zoë Park');
  await expect(roster.status()).toHaveText('Zoe Park is now called Zoë Park.');
  await expect(roster.student('Zoë Park').getByRole('button', { name: 'Rename' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Working as' }).locator('option')).toContainText(['Zoë Park']);

  // Remove Amara: the dialog says what goes with her; Escape keeps her.
  await roster.student('Amara Okafor').getByRole('button', { name: 'Remove…' }).click();
  const dialog = roster.dialog();
  await expect(dialog.getByRole('heading')).toHaveText('Remove Amara Okafor?');
  await expect(dialog).toContainText('Their 1 card, 2 annotations and 2 placements in 1 debate go with them.');
  await expect(dialog.getByRole('listitem')).toHaveText([starter.motion]);
  await expect(dialog.getByRole('button', { name: 'Keep Amara Okafor' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await roster.names()).toContain('Amara Okafor');

  await roster.student('Amara Okafor').getByRole('button', { name: 'Remove…' }).click();
  await dialog.getByRole('button', { name: 'Remove student' }).click();
  await expect(dialog).toBeHidden();
  await expect(roster.status()).toHaveText('Removed Amara Okafor and their work.');
  expect(await roster.names()).not.toContain('Amara Okafor');
  expect((await callApiOk(host.url, 'people.list', {})).map((person) => person.name)).not.toContain('Amara Okafor');

  // Someone with no work: the dialog says nothing else goes.
  await roster.student('Zoë Park').getByRole('button', { name: 'Remove…' }).click();
  await expect(dialog).toContainText('Zoë Park has no cards, annotations or board work yet.');
  await dialog.getByRole('button', { name: 'Remove student' }).click();
  await expect.poll(() => roster.names()).toHaveLength(5);
});

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} [${violation.impact}] ${node.target.join(' ')}: ${violation.help}`,
      ),
    );
}

/** The debates list, the form of a debate with a pool, and the roster, light or dark: the screens of this spec. */
async function visitSetupScreens(page: Page, hostUrl: string, atEach: (screen: string) => Promise<void>) {
  await createDebate(hostUrl);
  await page.goto(hostUrl);
  await unlockTeacher(page);
  const debates = new DebatesPage(page);
  await debates.show();
  await expect(debates.row(MOTION)).toBeVisible();
  await atEach('debates');
  await debates.act(MOTION, 'Edit');
  const form = new DebateForm(page);
  await expect(form.inPool()).toHaveCount(3);
  await atEach('form');
  const roster = new RosterPage(page);
  await roster.show();
  await expect(roster.students()).toHaveCount(6);
  await atEach('roster');
}

test('axe: no serious or critical violation on the debates list, the debate form and the roster', async ({
  page,
  host,
}) => {
  test.slow(); // six full-page scans
  await visitSetupScreens(page, host.url, async (screen) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect.soft(await seriousViolations(page), `axe on ${screen} (${colorScheme})`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

test('setup screenshots for the README', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await visitSetupScreens(page, host.url, async (screen) => {
    if (screen === 'debates') await page.screenshot({ path: docs('setup.png') });
    if (screen === 'form') {
      await new DebateForm(page).pool().evaluate((pool) => pool.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: docs('setup-form.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: test.info().outputPath('setup-form-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    if (screen === 'roster') await page.screenshot({ path: docs('roster.png') });
  });
});
