// Parses any HTML, however broken, into a linkedom document with a head and a body.
import { parseHTML } from 'linkedom';

/** The part of the DOM the importer uses (the Node build has no DOM types). */
export interface HtmlElement {
  readonly tagName: string;
  readonly textContent: string | null;
  innerHTML: string;
  readonly outerHTML: string;
  readonly children: ArrayLike<HtmlElement>;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): Iterable<HtmlElement>;
  appendChild(node: HtmlElement): unknown;
  remove(): void;
}

export interface HtmlDocument {
  readonly head: HtmlElement;
  readonly body: HtmlElement;
  readonly documentElement: HtmlElement;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): Iterable<HtmlElement>;
}

const SKELETON_TAGS = /<!doctype[^>]*>|<\/?(?:html|head|body)(?:\s[^>]*)?\/?>/gi;

/**
 * linkedom trusts the page's own <html>/<head>/<body> and fails without them (no body, or a
 * crash on a missing <html>), so the page's skeleton tags are dropped and its content is parsed
 * into a fresh skeleton; head elements found in it are then moved where they belong.
 */
export function parseHtmlDocument(html: string): HtmlDocument {
  const content = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(SKELETON_TAGS, '');
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${content}</body></html>`) as unknown as {
    document: HtmlDocument;
  };
  const title = document.body.querySelector('title');
  if (title) document.head.appendChild(title);
  for (const element of document.body.querySelectorAll('meta, link, base')) document.head.appendChild(element);
  return document;
}
