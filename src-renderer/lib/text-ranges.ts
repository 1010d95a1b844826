// Maps between offsets in an article's plain text (UTF-16 code units of the root's textContent, exactly
// what the core stores) and DOM ranges inside the rendered article.

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The DOM range covering text offsets [start, end), or null when they fall outside the text. */
export function rangeFromOffsets(root: Node, start: number, end: number): Range | null {
  let position = 0;
  let range: Range | null = null;
  for (const node of textNodes(root)) {
    const length = node.data.length;
    if (!range && start < position + length) {
      range = document.createRange();
      range.setStart(node, start - position);
    }
    if (range && end <= position + length) {
      range.setEnd(node, end - position);
      return range;
    }
    position += length;
  }
  return null;
}

/** The text offset of a DOM boundary point (node, offset) inside root, or null when it is outside. */
export function offsetOf(root: Node, container: Node, offset: number): number | null {
  if (!root.contains(container)) return null;
  if (container.nodeType !== Node.TEXT_NODE) {
    // A boundary between child elements: count the text of the children before it.
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(container, offset);
    return before.toString().length;
  }
  let position = 0;
  for (const node of textNodes(root)) {
    if (node === container) return position + offset;
    position += node.data.length;
  }
  return null;
}

/** The text offsets a DOM range covers inside root, or null when it is not entirely inside. */
export function offsetsFromRange(root: Node, range: Range): { start: number; end: number } | null {
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

/** The text offset under a screen point (for clicks on highlights drawn with the CSS Highlight API). */
export function offsetAtPoint(root: Node, x: number, y: number): number | null {
  const caret = document.caretPositionFromPoint?.(x, y);
  if (caret) return offsetOf(root, caret.offsetNode, caret.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? offsetOf(root, range.startContainer, range.startOffset) : null;
}
