// Importing articles: one HTML file reviewed (metadata, flagged page furniture), pasted Markdown, duplicates,
// files that cannot be read, and a batch of files where one is bad.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportPage, type FileToImport } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { expect, test } from './support/fixtures';

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

const ARTICLE_TITLE = 'Steppe diplomacy: Beijing watches Moscow’s move';

/** A news page as a browser saves it: metadata in the head, the article, and a share bar and comment form in it. */
function articleHtml(title = ARTICLE_TITLE, topic = 'the Caspian pipeline'): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} | The Steppe Herald</title>
  <meta property="og:title" content="${title}">
  <meta property="og:site_name" content="The Steppe Herald">
  <meta name="author" content="Aigerim Sadykova">
  <meta property="article:published_time" content="2022-01-10T08:30:00+06:00">
  <link rel="canonical" href="https://steppe-herald.example/2022/01/steppe-diplomacy">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav></header>
  <main>
    <article>
      <h1>${title}</h1>
      <p class="byline">By Aigerim Sadykova</p>
      <p>When Russian paratroopers landed in Almaty in the first week of January, officials in Beijing said
      little in public. Behind the scenes, analysts say, China weighed what the intervention meant for ${topic}
      and for the billions it has invested across Central Asia.</p>
      <p>China buys much of the region’s gas and has built roads, railways and pipelines through it. Russia
      still provides most of its security, through treaties and bases that date from the Soviet collapse.</p>
      <p>“Beijing wants stability above all,” said one diplomat in Astana. “If Moscow provides it, China will
      not complain, for now.” Others argue that the crisis showed how far the two powers’ interests diverge.</p>
      <p>The Collective Security Treaty Organization mission was the first in its history, and it ended within
      weeks. What it leaves behind is a region that watches both of its large neighbours with care.</p>
      <div class="share"><p>Share this article</p></div>
      <h3>Leave a Reply</h3>
      <p>Your email address will not be published. Required fields are marked *</p>
    </article>
  </main>
  <footer>© 2022 The Steppe Herald. All rights reserved.</footer>
</body>
</html>`;
}

const file = (name: string, content: string | Buffer, mimeType = 'text/plain'): FileToImport => ({
  name,
  mimeType,
  buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
});

const PASTED = `# Why Central Asia matters to both powers

Kazakhstan borders both Russia and China, and its oil, gas and uranium matter to each of them.

Russia sees the region as its own backyard; China sees a corridor for the Belt and Road.

Where the two meet, cooperation and competition sit side by side.`;

test('an HTML file is reviewed with its metadata and flagged page furniture, then saved without it', async ({
  page,
  host,
}) => {
  const importer = new ImportPage(page);
  await importer.open(host.url);
  await importer.chooseFiles([file('steppe-diplomacy.html', articleHtml(), 'text/html')]);

  await expect(importer.review()).toBeVisible();
  await expect(importer.review()).toContainText('steppe-diplomacy.html');
  await expect(importer.field('Title')).toHaveValue(ARTICLE_TITLE);
  await expect(importer.field('Author')).toHaveValue('Aigerim Sadykova');
  await expect(importer.field('Date')).toHaveValue('2022-01-10');

  const furniture = importer.block('Leave a Reply');
  await expect(furniture).toContainText('Flagged');
  const remove = furniture.getByRole('checkbox', { name: /Remove/ });
  await expect(remove).not.toBeChecked();
  const kept = importer.review().getByRole('status');
  const total = Number((await kept.textContent())?.match(/of (\d+) blocks kept/)?.[1]);
  await expect(kept).toHaveText(`${total} of ${total} blocks kept`);
  await remove.check();
  await expect(kept).toHaveText(`${total - 1} of ${total} blocks kept`);
  await importer.field('Tags').fill('Central Asia, China');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
  await page.mouse.move(1250, 400);
  await page.screenshot({ path: docs('import-review.png') });

  await importer.save();
  await expect(importer.saved().getByRole('status')).toContainText(ARTICLE_TITLE);
  await importer.saved().getByRole('button', { name: 'Open in reader' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  const text = page.getByRole('region', { name: 'Article text' });
  await expect(text).toContainText('Russian paratroopers landed in Almaty');
  await expect(text).not.toContainText('Leave a Reply');

  await page.getByRole('button', { name: '← Back to the library' }).click();
  const library = new LibraryPage(page);
  const row = library.row(ARTICLE_TITLE);
  await expect(row).toContainText('Aigerim Sadykova');
  await expect(row).toContainText('10 Jan 2022');
  await expect(row.getByRole('list', { name: 'Tags' })).toHaveText(/central asia\s*china/);
});

test('pasted Markdown is reviewed and saved; the same text again is refused as a duplicate', async ({ page, host }) => {
  const importer = new ImportPage(page);
  await importer.open(host.url);
  await importer.paste(PASTED);
  await expect(importer.review()).toContainText('From pasted');
  await expect(importer.block('Belt and Road')).toBeVisible();
  await importer.field('Title').fill('Why Central Asia matters to both powers');
  await importer.field('Outlet').fill('Class notes');
  await importer.save();
  await expect(importer.saved().getByRole('status')).toContainText('Why Central Asia matters to both powers');

  await importer.saved().getByRole('button', { name: 'Import another' }).click();
  await importer.paste(PASTED);
  await importer.field('Title').fill('The same notes again');
  await importer.save();
  await expect(importer.alert()).toContainText('already in the library');
  await expect(importer.review()).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  const library = new LibraryPage(page);
  await expect(library.row('Why Central Asia matters to both powers')).toContainText('Class notes');
  await expect(library.row('The same notes again')).toHaveCount(0);
});

test('an empty, a damaged and an oversized file are refused with their names', async ({ page, host }) => {
  // Handing a 10.5 MB file to the page over the DevTools protocol takes seconds on a busy 2-core machine.
  test.slow();
  const importer = new ImportPage(page);
  await importer.open(host.url);
  await importer.chooseFiles([file('empty-notes.txt', '')]);
  await expect(importer.alert()).toContainText('empty-notes.txt');

  // Random bytes named .pdf: the importer cannot read them.
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256));
  await importer.chooseFiles([file('scanned-report.pdf', junk, 'application/pdf')]);
  await expect(importer.alert()).toContainText('scanned-report.pdf');
  await expect(importer.review()).toHaveCount(0);

  // Over the 10 MB limit: refused before it is read or sent, with its name and size.
  await importer.chooseFiles([file('huge-scan.pdf', Buffer.alloc(10.5 * 1024 * 1024, 0x20), 'application/pdf')]);
  await expect(importer.alert()).toContainText('“huge-scan.pdf” is 10.5 MB; files over 10 MB cannot be imported.');
});

test('a batch of three files with one bad file imports two and reports the third', async ({ page, host }) => {
  const importer = new ImportPage(page);
  await importer.open(host.url);
  await importer.chooseFiles([
    file('a-steppe.html', articleHtml(), 'text/html'),
    file('b-notes.md', PASTED, 'text/markdown'),
    file('c-broken.docx', Buffer.from('this is not a Word file at all'), 'application/octet-stream'),
  ]);
  const batch = importer.batch();
  await expect(batch.getByRole('heading')).toHaveText('Import 3 files');
  await batch.getByRole('checkbox', { name: 'Remove blocks flagged as page furniture' }).check();
  await batch.getByRole('button', { name: 'Import 3 files' }).click();

  await expect(batch.getByRole('status')).toContainText('Done: 2 articles imported, 1 file with errors.');
  await expect(batch.getByRole('progressbar')).toHaveAttribute('value', '3');
  await expect(batch).toContainText('3 of 3');
  await expect(importer.batchRow('a-steppe.html')).toContainText(`Imported: ${ARTICLE_TITLE}`);
  await expect(importer.batchRow('b-notes.md')).toContainText('Imported');
  await expect(importer.batchRow('c-broken.docx')).toContainText(/Error: .*c-broken\.docx/);
  await page.screenshot({ path: test.info().outputPath('batch-result.png') });

  // Furniture was removed on request: the comment form did not come along.
  await importer.batchRow('a-steppe.html').getByRole('button', { name: ARTICLE_TITLE }).click();
  await expect(page.getByRole('region', { name: 'Article text' })).not.toContainText('Leave a Reply');
});

test('a folder import lists files it skips and reports duplicates', async ({ page, host }) => {
  const folder = mkdtempSync(join(tmpdir(), 'debate-desk-folder-'));
  try {
    writeFileSync(join(folder, 'one.html'), articleHtml('First folder article', 'the grain trade'));
    writeFileSync(join(folder, 'two.md'), PASTED);
    writeFileSync(join(folder, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const importer = new ImportPage(page);
    await importer.open(host.url);
    // The pasted notes are already in the library: the folder's copy is a duplicate.
    await importer.paste(PASTED);
    await importer.field('Title').fill('Notes');
    await importer.save();
    await importer.saved().getByRole('button', { name: 'Import another' }).click();

    await importer.chooseFolder(folder);
    const batch = importer.batch();
    await expect(batch.getByRole('heading')).toHaveText('Import 2 files');
    await expect(importer.batchRow('photo.jpg')).toContainText('Skipped (not a supported file type)');
    await batch.getByRole('button', { name: 'Import 2 files' }).click();
    await expect(batch.getByRole('status')).toContainText('1 article imported, 1 already in the library, 1 skipped');
    await expect(importer.batchRow('one.html')).toContainText('Imported: First folder article');
    await expect(importer.batchRow('two.md')).toContainText('Already in the library');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a file dropped on the window opens its review', async ({ page, host }) => {
  const library = new LibraryPage(page);
  await library.open(host.url, { asTeacher: true });
  await page.evaluate((markdown) => {
    const data = new DataTransfer();
    data.items.add(new File([markdown], 'dropped-notes.md', { type: 'text/markdown' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, PASTED);
  const importer = new ImportPage(page);
  await expect(importer.review()).toContainText('dropped-notes.md');
  await expect(importer.field('Title')).toHaveValue('Why Central Asia matters to both powers');
  // The heading repeats the title: flagged, kept until the teacher ticks it.
  await expect(importer.review().getByRole('status')).toHaveText('4 of 4 blocks kept');
  await importer.review().getByRole('button', { name: 'Tick all flagged' }).click();
  await expect(importer.review().getByRole('status')).toHaveText('3 of 4 blocks kept');
  await importer.save();
  await expect(importer.saved().getByRole('status')).toContainText('Why Central Asia matters to both powers');
});
