// Article HTML to Markdown with turndown: structure and http(s) links kept, everything active or embedded dropped.
import TurndownService from 'turndown';
import { httpUrl } from './urls';

const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'img',
  'picture',
  'svg',
  'canvas',
  'video',
  'audio',
  'math',
  'head',
  'title',
  'meta',
  'link',
]);

/** What turndown hands to a rule (its DOM node type is not exported usefully). */
interface TurndownNode {
  nodeName: string;
  parentNode: TurndownNode | null;
  getAttribute(name: string): string | null;
  childNodes: ArrayLike<TurndownNode>;
  nextSibling: TurndownNode | null;
}

/**
 * turndown escapes Markdown syntax but not HTML: text that reads "<script>" on the page would
 * become raw HTML in the Markdown. Escaped as entities, it stays text when rendered.
 */
function escapeHtmlInText(escapeMarkdown: (text: string) => string): (text: string) => string {
  return (text) =>
    escapeMarkdown(text)
      .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
      .replace(/</g, '&lt;');
}

function createService(pageUrl: string): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    codeBlockStyle: 'fenced',
    hr: '---',
    linkStyle: 'inlined',
  });
  service.escape = escapeHtmlInText(service.escape.bind(service));
  // Added rules win over turndown's own (its image rule would otherwise keep <img>).
  service.addRule('dropped', { filter: (node) => DROPPED.has(node.nodeName.toLowerCase()), replacement: () => '' });
  service.addRule('httpLinksOnly', {
    filter: 'a',
    replacement: (content, node) => {
      const href = httpUrl((node as unknown as TurndownNode).getAttribute('href'), pageUrl || undefined);
      const text = content.trim();
      if (!text) return '';
      return href ? `[${text}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : content;
    },
  });
  // One space after the marker (turndown's default is three), continuation lines indented to match.
  service.addRule('compactListItem', {
    filter: 'li',
    replacement: (content, node) => {
      const item = node as unknown as TurndownNode;
      const parent = item.parentNode;
      let marker = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1');
        const index = Array.from(parent.childNodes)
          .filter((child) => child.nodeName === 'LI')
          .indexOf(item);
        marker = `${(Number.isFinite(start) ? start : 1) + Math.max(index, 0)}. `;
      }
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n(?=[^\n])/g, `\n${' '.repeat(marker.length)}`);
      return marker + body + (item.nextSibling && !/\n$/.test(body) ? '\n' : '');
    },
  });
  return service;
}

export function htmlToMarkdown(html: string, pageUrl = ''): string {
  return createService(pageUrl).turndown(html);
}
