// The bibliography in MLA 9, APA 7 or Chicago author-date, formatted by citation-js from the official CSL styles.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sanitizeHtml from 'sanitize-html';
import type { Cite as ArticleCite } from '../../shared/domain';
import type { BibliographyEntry, CitationStyle } from '../../shared/sheet';
import { cslItem, webUrl } from './csl-item';

type Run = BibliographyEntry['runs'][number];

/**
 * Vendored in resources/csl (see its README for source and licence). Registered under our own names because
 * plugin-csl already has an "apa" of its own, and we want the one we ship and test against.
 */
const STYLE_FILES: Record<CitationStyle, { template: string; file: string }> = {
  mla: { template: 'debate-desk-mla', file: 'modern-language-association.csl' },
  apa: { template: 'debate-desk-apa', file: 'apa.csl' },
  chicago: { template: 'debate-desk-chicago', file: 'chicago-author-date.csl' },
};

function templateFor(style: CitationStyle, resourcesDir: string): string {
  const { template, file } = STYLE_FILES[style];
  const templates = plugins.config.get('@csl').templates;
  if (!templates.has(template))
    templates.add(template, readFileSync(join(resourcesDir, 'resources', 'csl', file), 'utf8'));
  return template;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * citeproc's HTML for one entry → text cut where italics change. citeproc only emits <i>, <b>, <sup>, <sub> and
 * <span style="font-style|font-variant|font-weight…">, with "font-style:normal" flipping italics back inside an
 * italic title; every other "<" in the data arrives escaped, so this small reader is enough.
 */
export function runsFromCiteprocHtml(html: string): Run[] {
  const body = html
    .trim()
    .replace(/^<div[^>]*>/, '')
    .replace(/<\/div>$/, '');
  const runs: Run[] = [];
  const italicStack: boolean[] = [false];
  const push = (text: string) => {
    if (!text) return;
    const italic = italicStack[italicStack.length - 1] ?? false;
    const last = runs[runs.length - 1];
    if (last && last.italic === italic) last.text += text;
    else runs.push({ text, italic });
  };
  for (const token of body.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)([a-z]+)([^>]*)>$/i.exec(token);
    if (!tag) {
      push(decodeEntities(token));
      continue;
    }
    const [, closing, name = '', attributes = ''] = tag;
    if (closing) {
      if (italicStack.length > 1) italicStack.pop();
      continue;
    }
    const current = italicStack[italicStack.length - 1] ?? false;
    if (name === 'i' || /font-style:\s*italic/.test(attributes)) italicStack.push(true);
    else if (/font-style:\s*normal/.test(attributes)) italicStack.push(false);
    else italicStack.push(current);
  }
  const last = runs[runs.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return runs.filter((run) => run.text !== '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The runs as inline HTML, the article's web address made a link; sanitized again as a second line of defence. */
export function htmlFromRuns(runs: Run[], url: string | undefined): string {
  const linked = (text: string) => {
    const escaped = escapeHtml(text);
    if (!url) return escaped;
    const href = escapeHtml(url);
    return escaped.split(href).join(`<a href="${href}" rel="noopener noreferrer">${href}</a>`);
  };
  const html = runs.map((run) => (run.italic ? `<i>${linked(run.text)}</i>` : linked(run.text))).join('');
  return sanitizeHtml(html, {
    allowedTags: ['i', 'b', 'span', 'a'],
    allowedAttributes: { a: ['href', 'rel'] },
    allowedSchemes: ['http', 'https'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
  });
}

/** The cite as the style sees it: two articles with the same one (a duplicate import) make one entry. */
function citeKey(cite: ArticleCite): string {
  const norm = (field: string | null) => (field ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return JSON.stringify([norm(cite.title), norm(cite.author), norm(cite.outlet), norm(cite.date), norm(cite.url)]);
}

/**
 * Each article once (the first time it is given), formatted and sorted the way the style says. Articles whose
 * cites are identical are listed once: the reader could not tell their entries apart anyway (and MLA and Chicago
 * would print the second as "---." under the first).
 */
export function formatBibliography(
  articles: Array<{ articleId: string; cite: ArticleCite }>,
  style: CitationStyle,
  resourcesDir: string,
): BibliographyEntry[] {
  const unique = new Map<string, ArticleCite>();
  const keys = new Set<string>();
  for (const { articleId, cite } of articles) {
    const key = citeKey(cite);
    if (unique.has(articleId) || keys.has(key)) continue;
    unique.set(articleId, cite);
    keys.add(key);
  }
  if (unique.size === 0) return [];
  const items = [...unique].map(([articleId, cite]) => cslItem(articleId, cite, style !== 'apa'));
  const entries = new Cite(items).format('bibliography', {
    template: templateFor(style, resourcesDir),
    format: 'html',
    lang: 'en-US',
    asEntryArray: true,
  });
  return entries.map(([articleId, html]) => {
    const runs = runsFromCiteprocHtml(html);
    const text = runs.map((run) => run.text).join('');
    return { articleId, text, runs, html: htmlFromRuns(runs, webUrl(unique.get(articleId)?.url ?? null)) };
  });
}
