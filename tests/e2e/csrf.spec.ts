// CSRF against the real browser host from another local web page: a hostile page on a second local server tries
// every request a web page can make without the token (fetch with and without no-cors, a guessed token, form posts,
// <img>, <script>, EventSource, an <iframe>), in real Chromium. The host's data must not change, and the hostile
// page must learn nothing: no response, no token, no data.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageToken } from './support/api';
import { callApiOk, starterBoard } from './support/board-api';
import { expect, test as baseTest } from './support/fixtures';

const STUDENT = 'Amara Okafor';

// The hostile page makes requests that Chromium refuses and reports on the console ("Refused to execute script ...
// MIME type"): here those are the point. Only the hostile script's own uncaught errors are collected (it catches
// everything it tries, so one would mean the attack did not run as written).
const test = baseTest.extend<{ pageProblems: string[] }>({
  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await use(problems);
  },
});

/** Everything a hostile page tries; it reports what it could read in window.__attack. */
const HOSTILE_PAGE = String.raw`<!doctype html><meta charset="utf-8"><title>Free quiz answers</title>
<body><script>
const params = new URLSearchParams(location.search);
const target = params.get('target');
const place = JSON.parse(params.get('place'));
const results = [];
const note = (name, value) => results.push({ name, value: String(value) });
async function attempt(name, run) {
  try { note(name, await run()); } catch (error) { note(name, 'blocked: ' + error.name); }
}
function loadElement(tag, url) {
  return new Promise((resolve) => {
    const element = document.createElement(tag);
    element.onload = () => resolve('loaded');
    element.onerror = () => resolve('error');
    element.src = url;
    document.body.append(element);
    setTimeout(() => resolve('timeout'), 3000);
  });
}
function submitForm(enctype, fields) {
  return new Promise((resolve) => {
    const name = 'sink' + Math.random().toString(36).slice(2);
    const frame = document.createElement('iframe');
    frame.name = name;
    document.body.append(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = target + 'api/cards.place';
    form.enctype = enctype;
    form.target = name;
    for (const [key, value] of fields) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = key;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    let settled = false;
    frame.onload = () => {
      if (settled) return;
      settled = true;
      try { resolve('read: ' + frame.contentDocument.body.innerText); } catch (error) { resolve('blocked: ' + error.name); }
    };
    form.submit();
    setTimeout(() => { if (!settled) { settled = true; resolve('timeout'); } }, 4000);
  });
}
(async () => {
  const body = JSON.stringify(place);
  const api = target + 'api/cards.place';
  await attempt('fetch cors json', async () => (await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).text());
  await attempt('fetch no-cors text/plain', async () => { const r = await fetch(api, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }); return r.type + ':' + r.status + ':' + (await r.text()); });
  await attempt('fetch no-cors urlencoded', async () => { const r = await fetch(api, { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ json: body }) }); return r.type + ':' + r.status + ':' + (await r.text()); });
  await attempt('fetch guessed token', async () => (await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Debate-Desk-Token': 'guessed-token-123' }, body })).text());
  await attempt('fetch the page', async () => (await fetch(target)).text());
  await attempt('fetch the page no-cors', async () => { const r = await fetch(target, { mode: 'no-cors' }); return r.type + ':' + (await r.text()); });
  await attempt('fetch people no-cors', async () => { const r = await fetch(target + 'api/people.list', { method: 'POST', mode: 'no-cors', body: '{}' }); return r.type + ':' + (await r.text()); });
  // The classic JSON-through-a-form trick: name + value concatenate into a JSON body.
  note('form text/plain', await submitForm('text/plain', [[body.slice(0, -1) + ',"pad":"', '"}']]));
  note('form urlencoded', await submitForm('application/x-www-form-urlencoded', Object.entries(place).map(([k, v]) => [k, String(v)])));
  note('img events', await loadElement('img', target + 'api/events?token=guessed'));
  note('img api', await loadElement('img', target + 'api/people.list'));
  note('script api', await loadElement('script', target + 'api/people.list'));
  note('script page', await loadElement('script', target));
  note('iframe page', await new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = target;
    frame.onload = () => { try { resolve('read: ' + frame.contentDocument.documentElement.outerHTML); } catch (error) { resolve('blocked: ' + error.name); } };
    document.body.append(frame);
    setTimeout(() => resolve('timeout'), 4000);
  }));
  note('event source', await new Promise((resolve) => {
    const source = new EventSource(target + 'api/events?token=guessed');
    source.onmessage = (event) => { source.close(); resolve('read: ' + event.data); };
    source.onerror = () => { source.close(); resolve('error'); };
    setTimeout(() => { source.close(); resolve('timeout'); }, 3000);
  }));
  window.__attack = results;
})();
</script></body>`;

let hostile: Server;
let hostilePort: number;

test.beforeAll(async () => {
  hostile = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(HOSTILE_PAGE);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostilePort = (hostile.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => hostile.close(() => resolve()));
});

// localhost vs 127.0.0.1 is another site (Sec-Fetch-Site: cross-site); the same host on another port is the same
// site but another origin (same-site): both must be refused.
for (const [label, hostileHost] of [
  ['another site', 'localhost'],
  ['the same host on another port', '127.0.0.1'],
] as const) {
  test(`a web page on ${label} can neither change nor read the host's data`, async ({ page, host, pageProblems }) => {
    const token = await pageToken(host.url);
    const { debateId, student, board: before } = await starterBoard(host.url, STUDENT);
    const people = await callApiOk(host.url, 'people.list', {});
    const card = before.cards.find((candidate) => !before.placements.some((p) => p.cardId === candidate.id));
    if (!card) throw new Error('the starter board has no unplaced card');
    const place = { debateId, studentId: student.id, cardId: card.id, side: 'A', index: 0 };

    // What the hostile page sent to the host, and what Chromium got back where it let the answer through at all
    // (CORS and the host's Cross-Origin-Resource-Policy make most of them network errors for the page).
    const hostOrigin = new URL(host.url).origin;
    let hostRequests = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).origin === hostOrigin) hostRequests++;
    });
    const hostAnswers: Array<{ method: string; path: string; status: number }> = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === hostOrigin) {
        hostAnswers.push({ method: response.request().method(), path: url.pathname, status: response.status() });
      }
    });

    const query = new URLSearchParams({ target: host.url, place: JSON.stringify(place) });
    await page.goto(`http://${hostileHost}:${hostilePort}/?${query.toString()}`);
    const results = await page.waitForFunction(
      () => (window as unknown as { __attack?: Array<{ name: string; value: string }> }).__attack,
      undefined,
      { timeout: 25_000 },
    );
    const attack = (await results.jsonValue()) as Array<{ name: string; value: string }>;
    const byName = Object.fromEntries(attack.map(({ name, value }) => [name, value]));

    // Nothing readable: CORS blocks, no-cors answers are opaque (or refused outright by the host's
    // Cross-Origin-Resource-Policy), frames of another origin cannot be looked into.
    expect(attack.map((result) => result.name)).toHaveLength(15);
    for (const name of ['fetch cors json', 'fetch guessed token', 'fetch the page']) {
      expect(byName[name], name).toBe('blocked: TypeError');
    }
    for (const name of ['fetch no-cors text/plain', 'fetch no-cors urlencoded', 'fetch the page no-cors']) {
      expect(byName[name], name).toMatch(/^(blocked: TypeError|opaque:(0:)?)$/);
    }
    expect(byName['fetch people no-cors']).toMatch(/^(blocked: TypeError|opaque:)$/);
    for (const name of ['form text/plain', 'form urlencoded', 'iframe page', 'event source']) {
      expect(byName[name], name).not.toMatch(/^read/);
    }
    for (const name of ['img events', 'img api', 'script api', 'script page']) {
      expect(byName[name], name).toBe('error');
    }
    const everything = JSON.stringify(attack);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(STUDENT);
    expect(everything).not.toContain(people[0]!.id);

    // The page really tried (every attempt is a request to the host), and every API answer Chromium saw was a
    // refusal: the two form posts reached the host and got 403.
    expect(hostRequests).toBeGreaterThanOrEqual(14);
    const apiAnswers = hostAnswers.filter((answer) => answer.path.startsWith('/api/'));
    expect(apiAnswers.filter((answer) => answer.method === 'POST').length).toBeGreaterThanOrEqual(2);
    for (const answer of apiAnswers) expect([403, 405, 415], JSON.stringify(answer)).toContain(answer.status);

    // And the data is as it was, read back with the real token.
    const after = await callApiOk(host.url, 'board.get', { debateId, studentId: student.id });
    expect(after).toEqual(before);
    expect(await callApiOk(host.url, 'people.list', {})).toEqual(people);
    expect(pageProblems).toEqual([]);
  });
}
