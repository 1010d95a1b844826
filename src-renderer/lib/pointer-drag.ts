// Drag and drop of board cards with pointer events (mouse, pen and touch), as one Svelte action on the board.
// One listener for the whole board, not one per card: a 1,000-card pool must not pay per card.
// A ghost copy follows the pointer; the area under it and the position within it come from the DOM.
import type { Area } from './board-moves';

export interface DropTarget {
  area: Area;
  index: number;
  /** Where the insertion line goes, in px from the top of the list's scrolled content; null for the pool. */
  markerTop: number | null;
}

export interface BoardDragOptions {
  enabled: boolean;
  onStart(cardId: string): void;
  onOver(target: DropTarget | null): void;
  onDrop(cardId: string, target: DropTarget | null): void;
  onCancel(): void;
}

/** The gap between cards in a list (BoardColumn's .cards gap: 0.7rem): where the insertion line goes. */
const GAP_PX = 11;
/** Movement below this many pixels is a click, not a drag. */
const DRAG_THRESHOLD = 6;
/** Near the top or bottom edge of a list (or the window), the list scrolls while a card is dragged. */
const EDGE = 48;
const MAX_SCROLL_STEP = 18;

/** Touch drags start from the grip only (touch-action: none there); the rest of a card scrolls the page. */
const TOUCH_HANDLE = '.grip';
const NOT_A_DRAG = 'button, a, input, textarea, select, label, summary';

function isCard(element: Element | undefined): element is HTMLElement {
  return element instanceof HTMLElement && element.dataset.cardId !== undefined;
}

function contains(box: DOMRect, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}

/**
 * The area under (x, y): found from the areas' boxes, not with elementFromPoint, which would make the browser
 * bring its whole rendering up to date (after every move of the ghost) just to hit-test.
 */
function areaAt(root: HTMLElement, x: number, y: number, boxes?: Map<HTMLElement, DOMRect>): HTMLElement | null {
  for (const region of root.querySelectorAll<HTMLElement>('[data-drop-area]')) {
    if (contains(boxes?.get(region) ?? region.getBoundingClientRect(), x, y)) return region;
  }
  return null;
}

/** The areas' boxes, read once: they do not move while a card is dragged, unless the page scrolls. */
function areaBoxes(root: HTMLElement): Map<HTMLElement, DOMRect> {
  return new Map(
    [...root.querySelectorAll<HTMLElement>('[data-drop-area]')].map((region) => [
      region,
      region.getBoundingClientRect(),
    ]),
  );
}

/**
 * The area and position a card dropped at (x, y) lands in: before the first card whose middle is below y.
 * Cards in a list are in vertical order, so a binary search reads a handful of boxes, not hundreds.
 */
export function dropTargetAt(
  root: HTMLElement,
  x: number,
  y: number,
  dragged: Element | null,
  boxes?: Map<HTMLElement, DOMRect>,
): DropTarget | null {
  const region = areaAt(root, x, y, boxes);
  if (!region) return null;
  const area = region.dataset.dropArea as Area;
  // The pool keeps the teacher's order: where in it a card lands does not matter.
  if (area === 'pool') return { area, index: 0, markerTop: null };
  const list = region.querySelector<HTMLElement>('[data-drop-list]');
  if (!list) return { area, index: 0, markerTop: null };
  const items = list.children;
  let count = items.length;
  while (count > 0 && !isCard(items[count - 1])) count -= 1;
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    const box = (items[middle] as HTMLElement).getBoundingClientRect();
    if (y < box.top + box.height / 2) high = middle;
    else low = middle + 1;
  }
  const listBox = list.getBoundingClientRect();
  const gap = GAP_PX;
  const edge =
    low < count
      ? (items[low] as HTMLElement).getBoundingClientRect().top - gap / 2
      : count > 0
        ? (items[count - 1] as HTMLElement).getBoundingClientRect().bottom + gap / 2
        : listBox.top + 12;
  // The dragged card still sits in its list (dimmed): positions after it count one less.
  let index = low;
  if (dragged && dragged.parentElement === list) {
    const from = Array.prototype.indexOf.call(items, dragged) as number;
    if (from !== -1 && from < low) index -= 1;
  }
  return { area, index, markerTop: edge - listBox.top + list.scrollTop };
}

/** The list under the pointer, then the page around the board: what the drag scrolls near an edge. */
function scrollersUnder(root: HTMLElement, x: number, y: number, boxes: Map<HTMLElement, DOMRect>): HTMLElement[] {
  const found: HTMLElement[] = [];
  const list = areaAt(root, x, y, boxes)?.querySelector<HTMLElement>('[data-drop-list]');
  if (list && list.scrollHeight > list.clientHeight + 1) found.push(list);
  for (let element = root.parentElement; element; element = element.parentElement) {
    if (element.scrollHeight > element.clientHeight + 1) {
      const overflow = getComputedStyle(element).overflowY;
      if (overflow === 'auto' || overflow === 'scroll') found.push(element);
    }
  }
  return found;
}

export function boardDrag(node: HTMLElement, initial: BoardDragOptions) {
  let options = initial;
  let start: { x: number; y: number; pointerId: number; card: HTMLElement } | null = null;
  let ghost: HTMLElement | null = null;
  let grab = { x: 0, y: 0 };
  let last = { x: 0, y: 0 };
  let lastKey = '';
  let scrollFrame = 0;
  let boxes = new Map<HTMLElement, DOMRect>();
  /** The page (not a list) scrolled: the areas moved. */
  const forgetBoxes = (event?: Event) => {
    if (event?.target instanceof Element && event.target.matches('[data-drop-list]')) return;
    boxes = areaBoxes(node);
  };

  function moveGhost(x: number, y: number) {
    if (ghost) ghost.style.transform = `translate(${x - grab.x}px, ${y - grab.y}px)`;
  }

  function begin(event: PointerEvent, card: HTMLElement) {
    const box = card.getBoundingClientRect();
    grab = { x: event.clientX - box.left, y: event.clientY - box.top };
    ghost = card.cloneNode(true) as HTMLElement;
    ghost.classList.add('drag-ghost');
    ghost.removeAttribute('data-card-id');
    ghost.setAttribute('aria-hidden', 'true');
    ghost.inert = true;
    // Inline, so the card's own (scoped, more specific) position and containment cannot override them.
    Object.assign(ghost.style, {
      position: 'fixed',
      left: '0',
      top: '0',
      margin: '0',
      width: `${box.width}px`,
      contentVisibility: 'visible',
      // Its own compositor layer: following the pointer then repaints nothing underneath.
      willChange: 'transform',
    });
    ghost.style.setProperty('--area-accent', getComputedStyle(card).getPropertyValue('--area-accent'));
    document.body.append(ghost);
    card.classList.add('dragging');
    // The press focused the card; the drop will take its element out of the list, and taking out the focused
    // element costs the browser more (inside the drop's frame). The card's new element does not get the focus
    // either way, so it is let go now.
    if (card.contains(document.activeElement)) (document.activeElement as HTMLElement).blur();
    boxes = areaBoxes(node);
    window.addEventListener('scroll', forgetBoxes, { capture: true, passive: true });
    moveGhost(event.clientX, event.clientY);
    options.onStart(card.dataset.cardId ?? '');
    scrollFrame = requestAnimationFrame(autoScroll);
  }

  /** Scrolls the list under the pointer while the card is held near its edge; at the list's end, the page. */
  function autoScroll() {
    if (!ghost) return;
    for (const scroller of scrollersUnder(node, last.x, last.y, boxes)) {
      const box = scroller.getBoundingClientRect();
      const top = Math.max(box.top, 0);
      const bottom = Math.min(box.bottom, window.innerHeight);
      let step = 0;
      if (last.y < top + EDGE) step = -Math.ceil(((top + EDGE - last.y) / EDGE) * MAX_SCROLL_STEP);
      else if (last.y > bottom - EDGE) step = Math.ceil(((last.y - (bottom - EDGE)) / EDGE) * MAX_SCROLL_STEP);
      if (step === 0) continue;
      const before = scroller.scrollTop;
      scroller.scrollTop += step;
      if (scroller.scrollTop !== before) {
        if (!scroller.matches('[data-drop-list]')) forgetBoxes();
        report(last.x, last.y);
        break;
      }
    }
    scrollFrame = requestAnimationFrame(autoScroll);
  }

  function report(x: number, y: number) {
    const target = dropTargetAt(node, x, y, start?.card ?? null, boxes);
    // Most pointer moves stay over the same slot: tell the board only when the slot changes.
    const key = target ? `${target.area}:${target.index}:${Math.round(target.markerTop ?? -1)}` : '';
    if (key === lastKey) return;
    lastKey = key;
    options.onOver(target);
  }

  function finish() {
    cancelAnimationFrame(scrollFrame);
    ghost?.remove();
    ghost = null;
    start?.card.classList.remove('dragging');
    start = null;
    lastKey = '';
    window.removeEventListener('pointermove', onPointerMove);
    window.removeEventListener('pointerup', onPointerUp);
    window.removeEventListener('pointercancel', onPointerCancel);
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('scroll', forgetBoxes, { capture: true });
  }

  function onPointerDown(event: PointerEvent) {
    if (!options.enabled || event.button !== 0 || start) return;
    const target = event.target as Element;
    const card = target.closest<HTMLElement>('[data-card-id]');
    if (!card || !node.contains(card) || target.closest(NOT_A_DRAG)) return;
    if (event.pointerType === 'touch' && !target.closest(TOUCH_HANDLE)) return;
    start = { x: event.clientX, y: event.clientY, pointerId: event.pointerId, card };
    last = { x: event.clientX, y: event.clientY };
    // The pointer soon leaves the card: follow it on the whole window until it is released.
    window.addEventListener('pointermove', onPointerMove);
    window.addEventListener('pointerup', onPointerUp);
    window.addEventListener('pointercancel', onPointerCancel);
    window.addEventListener('keydown', onKeyDown, true);
  }

  function onPointerMove(event: PointerEvent) {
    if (!start || event.pointerId !== start.pointerId) return;
    if (!ghost) {
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) < DRAG_THRESHOLD) return;
      begin(event, start.card);
    }
    event.preventDefault();
    last = { x: event.clientX, y: event.clientY };
    moveGhost(event.clientX, event.clientY);
    report(event.clientX, event.clientY);
  }

  function onPointerUp(event: PointerEvent) {
    if (!start || event.pointerId !== start.pointerId) return;
    const card = start.card;
    const dragged = ghost !== null;
    const target = dragged ? dropTargetAt(node, event.clientX, event.clientY, card, boxes) : null;
    finish();
    if (dragged) options.onDrop(card.dataset.cardId ?? '', target);
  }

  function onPointerCancel() {
    if (ghost) options.onCancel();
    finish();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (ghost && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      options.onCancel();
      finish();
    }
  }

  /** A drag that started must not also select text or open the card on click. */
  function onClick(event: MouseEvent) {
    if (ghost) event.preventDefault();
  }

  node.addEventListener('pointerdown', onPointerDown);
  node.addEventListener('click', onClick, true);

  return {
    update(next: BoardDragOptions) {
      options = next;
      if (!next.enabled && ghost) {
        options.onCancel();
        finish();
      }
    },
    destroy() {
      finish();
      node.removeEventListener('pointerdown', onPointerDown);
      node.removeEventListener('click', onClick, true);
    },
  };
}
