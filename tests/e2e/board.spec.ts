// The debate board: placing cards with the mouse, by touch and with the keyboard; arguing each placement; thesis
// and conclusion; undo/redo; autosave (also when the page closes at once); locked debates; the pool's filter and
// search; the debate chooser; reading a card in context and cutting one's own card.
import { BoardPage } from './pages/board-page';
import { ReaderPage } from './pages/reader-page';
import { callApi, createDebate, setDebateStatus, starterBoard } from './support/board-api';
import { expect, test } from './support/fixtures';

const STUDENT = 'Amara Okafor';

test('first run shows the starter debate with its card pool and roster', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Russia and China after the Kazakhstan crisis (January 2022): alliance or rivalry?',
  );
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await board.chooseStudent(STUDENT);
  await expect(board.area('Evidence pool').getByRole('heading', { name: 'Evidence pool' })).toBeVisible();
  await expect(board.area('Alliance').getByRole('heading', { name: 'Alliance' })).toBeVisible();
  await expect(board.area('Rivalry').getByRole('heading', { name: 'Rivalry' })).toBeVisible();
  const poolTags = await board.tagsIn('Evidence pool');
  expect(poolTags.length).toBeGreaterThanOrEqual(16);
  expect(await board.tagsIn('Alliance')).toEqual([]);
  expect(await board.tagsIn('Rivalry')).toEqual([]);
  // Each card shows tag, verbatim quote and cite (unknown metadata is said to be unknown).
  const first = board.card(poolTags[0] ?? '');
  await expect(first.locator('.quote')).not.toBeEmpty();
  await expect(first.locator('.byline')).toContainText(/·/);
  await expect(board.area('Alliance').getByText('Drag evidence for Alliance here')).toBeVisible();
});

test('cards placed with the mouse and with the keyboard survive a host restart', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [mouseTag, keyboardTag, thirdTag] = await board.tagsIn('Evidence pool');
  if (!mouseTag || !keyboardTag || !thirdTag) throw new Error('the pool has too few cards');

  await board.dragCard(mouseTag, 'Rivalry');
  expect(await board.tagsIn('Rivalry')).toEqual([mouseTag]);

  // Keyboard alone: Space picks up, → moves from the pool to Alliance, Space drops.
  await board.keyboardMove(keyboardTag, ['ArrowRight']);
  await expect(board.liveRegion()).toContainText(`Dropped “${keyboardTag}” on Alliance, position 1. Saved.`);
  expect(await board.tagsIn('Alliance')).toEqual([keyboardTag]);

  // A second Rivalry card dropped above the first: the side keeps the order.
  await board.keyboardMove(thirdTag, ['ArrowRight', 'ArrowRight', 'ArrowUp']);
  await expect(board.liveRegion()).toContainText('Saved.');
  expect(await board.tagsIn('Rivalry')).toEqual([thirdTag, mouseTag]);
  expect(await board.tagsIn('Evidence pool')).not.toContain(mouseTag);

  // Down the side with the keyboard: the card goes below the next one.
  await board.keyboardMove(thirdTag, ['ArrowDown']);
  await expect(board.liveRegion()).toContainText(`Dropped “${thirdTag}” on Rivalry, position 2. Saved.`);
  expect(await board.tagsIn('Rivalry')).toEqual([mouseTag, thirdTag]);

  await host.restart();
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  expect(await board.tagsIn('Rivalry')).toEqual([mouseTag, thirdTag]);
  expect(await board.tagsIn('Alliance')).toEqual([keyboardTag]);
});

test('a card can be reordered with the mouse and moved back to the pool', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [first, second] = await board.tagsIn('Evidence pool');
  if (!first || !second) throw new Error('the pool has too few cards');
  await board.dragCard(first, 'Alliance');
  await board.dragCard(second, 'Alliance');
  expect(await board.tagsIn('Alliance')).toEqual([first, second]);

  // Drop the second card on the top half of the first: it goes above it.
  await board.card(second).dragTo(board.card(first), { targetPosition: { x: 40, y: 5 } });
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([second, first]);

  await board.dragCard(second, 'Evidence pool');
  expect(await board.tagsIn('Alliance')).toEqual([first]);
  await page.reload();
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([first]);
  expect(await board.tagsIn('Evidence pool')).toContain(second);
});

test('while a card is dragged, a line shows where it will land', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [first, second] = await board.tagsIn('Evidence pool');
  if (!first || !second) throw new Error('the pool has too few cards');
  await board.dragCard(first, 'Rivalry');
  const from = await board.card(second).boundingBox();
  const over = await board.card(first).boundingBox();
  if (!from || !over) throw new Error('cards not on screen');
  await page.mouse.move(from.x + 60, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(over.x + 60, over.y + 8, { steps: 10 });
  await expect(board.area('Rivalry').locator('.drop-marker')).toBeVisible();
  await expect(page.locator('.drag-ghost')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(page.locator('.drag-ghost')).toHaveCount(0);
  expect(await board.tagsIn('Rivalry')).toEqual([first]);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('a card dragged by its grip lands on a side and stays there', async ({ page, host }) => {
    const board = new BoardPage(page);
    await board.open(host.url);
    await board.chooseStudent(STUDENT);
    const [first, second] = await board.tagsIn('Evidence pool');
    if (!first || !second) throw new Error('the pool has too few cards');
    await expect(board.card(first).locator('.grip')).toHaveCSS('touch-action', 'none');

    await board.touchDragCard(first, 'Rivalry');
    await expect.poll(() => board.tagsIn('Rivalry')).toEqual([first]);
    await board.touchDragCard(second, 'Alliance');
    await expect.poll(() => board.tagsIn('Alliance')).toEqual([second]);
    await board.waitUntilSaved();

    // A swipe on the body of a card scrolls the pool: it does not move the card.
    const [third] = await board.tagsIn('Evidence pool');
    const body = await board
      .card(third ?? '')
      .locator('.quote')
      .boundingBox();
    if (!body) throw new Error('card not on screen');
    await board.touchDrag({ x: body.x + 80, y: body.y + 10 }, { x: body.x + 80, y: body.y - 120 });
    expect(await board.tagsIn('Evidence pool')).toContain(third);

    await page.reload();
    await expect.poll(() => board.tagsIn('Rivalry')).toEqual([first]);
    expect(await board.tagsIn('Alliance')).toEqual([second]);
  });
});

test('a student argues each placement, writes thesis and conclusion, and finds it all after a reload', async ({
  page,
  host,
}) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [tag] = await board.tagsIn('Evidence pool');
  if (!tag) throw new Error('empty pool');
  await board.keyboardMove(tag, ['ArrowRight']);
  await expect(board.liveRegion()).toContainText('Saved.');
  await expect(board.summary(tag)).toContainText('No reasoning yet');
  await expect(board.summary(tag)).toContainText('Strength: not rated');

  // Keyboard: Tab from the card to its "Write why" button, Enter opens the editor.
  await board.argueButton(tag).focus();
  await page.keyboard.press('Enter');
  const editor = board.editor();
  await expect(editor.getByRole('heading', { name: 'Why does this evidence support Alliance?' })).toBeVisible();
  await expect(board.reasoning()).toBeFocused();
  await expect(editor).toContainText('apart from how reliable its source is');
  await board.reasoning().pressSequentially('Moscow needs **Beijing** more than before.\n\n- one\n- two');
  await expect(editor.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText('Beijing');
  await board.rating('Strength', 'Strong').check();
  await board.rating('Relevance to the motion', 'Central').check();
  await expect(board.rating('Strength', 'Strong')).toBeChecked();
  await board.waitUntilSaved();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(board.argueButton(tag)).toBeFocused();

  await expect(board.summary(tag)).toContainText('Strength: Strong');
  await expect(board.summary(tag)).toContainText('Relevance: Central');
  await expect(board.summary(tag)).toContainText('Moscow needs Beijing more than before.');
  await expect(board.argueButton(tag)).toHaveAccessibleName(`Edit reasoning: “${tag}”`);

  await board.thesis().fill('Alliance: the crisis showed how closely the two coordinate.');
  await board.conclusion().fill('The rivalry is real but secondary.');
  await board.conclusion().blur();
  await board.waitUntilSaved();

  await page.reload();
  await expect(board.thesis()).toHaveValue('Alliance: the crisis showed how closely the two coordinate.');
  await expect(board.conclusion()).toHaveValue('The rivalry is real but secondary.');
  expect(await board.tagsIn('Alliance')).toEqual([tag]);
  await expect(board.summary(tag)).toContainText('Strength: Strong');
  await board.openArgument(tag);
  await expect(board.reasoning()).toHaveValue('Moscow needs **Beijing** more than before.\n\n- one\n- two');
  await expect(board.rating('Relevance to the motion', 'Central')).toBeChecked();
  await board.closeEditor();

  // Back to the pool and out again: the reasoning is kept.
  await board.dragCard(tag, 'Evidence pool');
  await board.dragCard(tag, 'Rivalry');
  await expect(board.summary(tag)).toContainText('Moscow needs Beijing more than before.');
});

test('undo and redo every kind of change, with the buttons and with the shortcuts', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [tag] = await board.tagsIn('Evidence pool');
  if (!tag) throw new Error('empty pool');
  await expect(board.undoButton()).toBeDisabled();

  await board.dragCard(tag, 'Alliance');
  await expect(board.undoButton()).toHaveAccessibleName(`Undo placing of “${tag}”`);
  await board.openArgument(tag);
  await board.reasoning().fill('Shared interest in order.');
  await board.rating('Strength', 'Moderate').check();
  await board.closeEditor();
  await board.thesis().fill('They are allies.');
  await board.thesis().blur();
  await board.waitUntilSaved();

  await expect(board.undoButton()).toHaveAccessibleName('Undo thesis');
  await board.undoButton().click();
  await expect(board.thesis()).toHaveValue('');
  await expect(board.undoButton()).toHaveAccessibleName(`Undo strength of “${tag}”`);
  await expect(board.redoButton()).toHaveAccessibleName('Redo thesis');

  // Shortcuts act on the board when the focus is not in a text field.
  await board.card(tag).focus();
  await page.keyboard.press('Control+z');
  await expect(board.summary(tag)).toContainText('Strength: not rated');
  await page.keyboard.press('Control+z');
  await expect(board.summary(tag)).toContainText('No reasoning yet');
  await page.keyboard.press('Control+z');
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([]);
  expect(await board.tagsIn('Evidence pool')).toContain(tag);
  await expect(board.liveRegion()).toContainText(`Undone: placing of “${tag}”.`);

  await page.locator('body').press('Control+Shift+z');
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([tag]);
  await page.locator('body').press('Control+y');
  await expect(board.summary(tag)).toContainText('Shared interest in order.');
  await board.redoButton().click();
  await expect(board.summary(tag)).toContainText('Strength: Moderate');
  await board.waitUntilSaved();

  // In a text field Ctrl+Z is the browser's own text undo: the board stays as it is.
  await board.conclusion().fill('Draft');
  await board.conclusion().press('Control+z');
  await expect(board.summary(tag)).toContainText('Strength: Moderate');
  await board.conclusion().fill('');
  await board.conclusion().blur();
  await board.waitUntilSaved();

  await page.reload();
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([tag]);
  await expect(board.summary(tag)).toContainText('Strength: Moderate');
  await expect(board.summary(tag)).toContainText('Shared interest in order.');
  await expect(board.thesis()).toHaveValue('');
});

test('text typed just before the page is reloaded or closed is not lost', async ({ page, host, context }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [tag] = await board.tagsIn('Evidence pool');
  if (!tag) throw new Error('empty pool');
  await board.dragCard(tag, 'Rivalry');

  // Reload right after the last keystroke: no blur, the 600 ms debounce has not fired.
  await board.thesis().pressSequentially('Rivals in the end');
  await page.reload();
  await expect(board.thesis()).toHaveValue('Rivals in the end');

  await board.openArgument(tag);
  await board.reasoning().pressSequentially('Kazakhstan is where interests collide');
  await page.close({ runBeforeUnload: true });

  const again = new BoardPage(await context.newPage());
  await again.open(host.url);
  await again.openArgument(tag);
  await expect(again.reasoning()).toHaveValue('Kazakhstan is where interests collide');
});

test('a failed save says so in plain words, and Retry saves the board as it is on screen', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [first, second] = await board.tagsIn('Evidence pool');
  if (!first || !second) throw new Error('the pool has too few cards');
  // The host stops answering saves (as if it had been closed); reading still works.
  const saves = /\/api\/(cards\.place|placements\.update|positions\.update|board\.restore)$/;
  await page.route(saves, (route) => route.abort());
  await board.card(first).dragTo(board.area('Alliance').getByRole('list'));
  await expect(
    page.getByRole('status').filter({ hasText: /^\s*Not saved: Debate Desk is not reachable/ }),
  ).toBeVisible();
  await expect(board.liveRegion()).toContainText('Not saved');
  // The card stays where the student put it, and later changes wait for the retry.
  expect(await board.tagsIn('Alliance')).toEqual([first]);
  await board.thesis().fill('Written while offline');
  await board.thesis().blur();
  await expect(page.getByRole('status').filter({ hasText: /^\s*Not saved/ })).toBeVisible();
  await page.unroute(saves);
  await page.getByRole('button', { name: 'Retry' }).click();
  await board.waitUntilSaved();
  await page.reload();
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([first]);
  await expect(board.thesis()).toHaveValue('Written while offline');
});

test('a locked debate can be read but not changed, in the UI and through the API', async ({ page, host }) => {
  const { debateId, student, board: before } = await starterBoard(host.url, STUDENT);
  const [placed, pooled] = before.cards;
  if (!placed || !pooled) throw new Error('the pool has too few cards');
  const ref = { debateId, studentId: student.id };
  await callApi(host.url, 'cards.place', { ...ref, cardId: placed.id, side: 'A', index: 0 });
  await callApi(host.url, 'placements.update', { ...ref, cardId: placed.id, reasoningMarkdown: 'Locked in.' });
  await setDebateStatus(host.url, debateId, 'locked');

  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  await expect(page.getByRole('note', { name: 'Read only' })).toContainText('Locked: read only.');
  await expect(board.undoButton()).toHaveCount(0);
  await expect(board.thesis()).toHaveAttribute('readonly', '');
  // Cards are no longer buttons: nothing to pick up.
  await expect(page.getByRole('button', { name: pooled.tag, exact: true })).toHaveCount(0);
  await expect(board.card(pooled.tag)).toHaveAttribute('role', 'group');

  // Dragging does nothing.
  await board.card(pooled.tag).dragTo(board.area('Rivalry').getByRole('list'));
  expect(await board.tagsIn('Rivalry')).toEqual([]);
  await expect(page.locator('.drag-ghost')).toHaveCount(0);

  // The reasoning can be read, not edited.
  await expect(board.argueButton(placed.tag)).toHaveText('View reasoning');
  await board.openArgument(placed.tag);
  await expect(board.reasoning()).toHaveValue('Locked in.');
  await expect(board.reasoning()).toHaveAttribute('readonly', '');
  await expect(board.rating('Strength', 'Strong')).toBeDisabled();
  await board.closeEditor();

  await page.locator('body').press('Control+z');
  expect(await board.tagsIn('Alliance')).toEqual([placed.tag]);

  const place = await callApi(host.url, 'cards.place', { ...ref, cardId: pooled.id, side: 'B', index: 0 });
  expect(place.ok ? 'ok' : place.error.code).toBe('LOCKED');
  const argue = await callApi(host.url, 'placements.update', { ...ref, cardId: placed.id, strength: 3 });
  expect(argue.ok ? 'ok' : argue.error.code).toBe('LOCKED');
  const thesis = await callApi(host.url, 'positions.update', { ...ref, thesisMarkdown: 'x' });
  expect(thesis.ok ? 'ok' : thesis.error.code).toBe('LOCKED');
});

test('the board turns read only when the teacher locks the debate while a student works', async ({ page, host }) => {
  const { debateId } = await starterBoard(host.url, STUDENT);
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [tag] = await board.tagsIn('Evidence pool');
  if (!tag) throw new Error('empty pool');
  await board.dragCard(tag, 'Alliance');
  await setDebateStatus(host.url, debateId, 'locked');
  await expect(page.getByRole('note', { name: 'Read only' })).toBeVisible();
  await expect(board.card(tag)).toHaveAttribute('role', 'group');
});

test('the pool filters by article and searches tag, quote and cite as you type', async ({ page, host }) => {
  const { board: data } = await starterBoard(host.url, STUDENT);
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const all = await board.tagsIn('Evidence pool');
  expect(all).toHaveLength(data.cards.length);

  const article = data.cards[0];
  if (!article) throw new Error('no cards');
  const fromArticle = data.cards.filter((card) => card.articleId === article.articleId).map((card) => card.tag);
  const option = await board
    .articleFilter()
    .locator('option', { hasText: article.cite.title ?? '' })
    .first()
    .getAttribute('value');
  await board.articleFilter().selectOption(option ?? '');
  await expect.poll(() => board.tagsIn('Evidence pool')).toEqual(fromArticle);
  await expect(board.area('Evidence pool').getByRole('status')).toContainText(
    `Showing ${fromArticle.length} of ${all.length}`,
  );
  await board.articleFilter().selectOption('');

  // A word of one card's quote, typed in capitals and without its ending: found as you type.
  const target = data.cards.find((card) => /\b[A-Za-z]{9,}\b/.test(card.quote));
  const word = target?.quote.match(/\b[A-Za-z]{9,}\b/)?.[0];
  if (!target || !word) throw new Error('no long word in the quotes');
  const haystack = (card: (typeof data.cards)[number]) =>
    [card.tag, card.quote, card.cite.title, card.cite.author, card.cite.outlet, card.cite.date]
      .join('\n')
      .toLowerCase();
  const expected = data.cards
    .filter((card) => haystack(card).includes(word.slice(0, 7).toLowerCase()))
    .map((card) => card.tag);
  await board.poolSearch().pressSequentially(word.slice(0, 7).toUpperCase());
  await expect.poll(() => board.tagsIn('Evidence pool')).toEqual(expected);
  expect(expected).toContain(target.tag);

  // By the cite: an outlet's name.
  const outlet = data.cards.find((card) => card.cite.outlet)?.cite.outlet ?? '';
  await board.poolSearch().fill(outlet);
  const byOutlet = data.cards.filter((card) => card.cite.outlet === outlet).map((card) => card.tag);
  await expect.poll(() => board.tagsIn('Evidence pool')).toEqual(byOutlet);

  await board.poolSearch().fill('zzzz no such words');
  await expect(board.area('Evidence pool')).toContainText('No card in the pool matches');
  await board.area('Evidence pool').getByRole('button', { name: 'Show all' }).click();
  await expect.poll(async () => (await board.tagsIn('Evidence pool')).length).toBe(all.length);
});

test('the debate chooser lists open and locked debates and remembers the choice', async ({ page, host }) => {
  const second = await createDebate(host.url, 'Is the SCO more than a talking shop?', 4);
  const archived = await createDebate(host.url, 'An archived motion', 2);
  await setDebateStatus(host.url, archived, 'archived');
  const locked = await createDebate(host.url, 'A locked motion', 2);
  await setDebateStatus(host.url, locked, 'locked');

  const board = new BoardPage(page);
  await page.goto(host.url);
  await board.chooseStudent(STUDENT);
  const chooser = page.getByRole('combobox', { name: 'Debate' });
  await expect(chooser.locator('option')).toHaveCount(3);
  const options = await chooser.locator('option').allTextContents();
  expect(options).toContain('A locked motion (locked)');
  expect(options).toContain('Is the SCO more than a talking shop?');
  expect(options.join()).not.toContain('archived');

  await chooser.selectOption(second);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is the SCO more than a talking shop?');
  await expect(board.area('For')).toBeVisible();
  await expect.poll(async () => (await board.tagsIn('Evidence pool')).length).toBe(4);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is the SCO more than a talking shop?');
  await chooser.selectOption(locked);
  await expect(page.getByRole('note', { name: 'Read only' })).toBeVisible();
});

test('Read opens the card’s passage in the Reader, and Back returns to the board as it was', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const tags = await board.tagsIn('Evidence pool');
  const tag = tags[0];
  if (!tag) throw new Error('empty pool');
  await board.dragCard(tag, 'Rivalry');
  await board.poolSearch().fill(tags[3]?.split(' ')[0] ?? '');
  const filtered = await board.tagsIn('Evidence pool');

  await board
    .cardItem(tag)
    .getByRole('button', { name: `Read “${tag}” in its article` })
    .click();
  await expect(page.getByRole('button', { name: '← Back to the board' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Article text' })).toBeVisible();
  await page.getByRole('button', { name: '← Back to the board' }).click();

  await expect(board.cardItem(tag).getByRole('button', { name: `Read “${tag}” in its article` })).toBeFocused();
  expect(await board.tagsIn('Rivalry')).toEqual([tag]);
  await expect(board.poolSearch()).toHaveValue(tags[3]?.split(' ')[0] ?? '');
  expect(await board.tagsIn('Evidence pool')).toEqual(filtered);
});

test('a student cuts a card of their own in the Reader and finds it in the pool', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const before = (await board.tagsIn('Evidence pool')).length;
  await board
    .area('Evidence pool')
    .getByRole('button', { name: /Cut your own card/ })
    .click();
  await board
    .area('Evidence pool')
    .getByRole('button', { name: /Russia’s alliance with China is beginning to falter/ })
    .click();
  const reader = new ReaderPage(page);
  await expect(reader.text()).toBeVisible();
  const text = (await reader.text().innerText()).split('\n').find((line) => line.length > 120) ?? '';
  const passage = text.split(' ').slice(2, 12).join(' ');
  await reader.selectWithMouse(passage);
  await reader.saveCard('My own card about the alliance');
  await page.getByRole('button', { name: '← Back to the board' }).click();
  await expect.poll(async () => (await board.tagsIn('Evidence pool')).length).toBe(before + 1);
  await expect(board.cardItem('My own card about the alliance').getByText('Your card')).toBeVisible();
  await board.dragCard('My own card about the alliance', 'Alliance');
});

test('Escape cancels a keyboard move and nothing is saved', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [tag] = await board.tagsIn('Evidence pool');
  if (!tag) throw new Error('empty pool');
  await board.card(tag).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(board.liveRegion()).toContainText('Over Alliance, position 1 of 1.');
  await page.keyboard.press('Escape');
  await expect(board.liveRegion()).toContainText('Move cancelled');
  expect(await board.tagsIn('Alliance')).toEqual([]);
  await page.reload();
  await expect.poll(() => board.tagsIn('Evidence pool')).toContain(tag);
  expect(await board.tagsIn('Alliance')).toEqual([]);
});
