// Drag and drop of board cards with pointer events (mouse, pen and touch alike), as a Svelte action.
// A ghost copy follows the pointer; the area under it and the position within it come from the DOM.
import type { Area } from './board-moves';

export interface DropTarget {
  area: Area;
  index: number;
}

export interface PointerDragOptions {
  cardId: string;
  enabled: boolean;
  onStart(cardId: string): void;
  onOver(target: DropTarget | null): void;
  onDrop(cardId: string, target: DropTarget | null): void;
  onCancel(): void;
}

/** Movement below this many pixels is a click, not a drag. */
const DRAG_THRESHOLD = 6;

/** The area and position a card dropped at (x, y) lands in: before the first card whose middle is below y. */
export function dropTargetAt(x: number, y: number): DropTarget | null {
  const list = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-drop-area]');
  if (!list) return null;
  const area = list.dataset.dropArea as Area;
  const cards = [...list.querySelectorAll<HTMLElement>(':scope > [data-card-id]:not(.dragging)')];
  const before = cards.findIndex((card) => {
    const box = card.getBoundingClientRect();
    return y < box.top + box.height / 2;
  });
  return { area, index: before === -1 ? cards.length : before };
}

export function pointerDrag(node: HTMLElement, initial: PointerDragOptions) {
  let options = initial;
  let start: { x: number; y: number; pointerId: number } | null = null;
  let ghost: HTMLElement | null = null;
  let grab = { x: 0, y: 0 };

  function moveGhost(x: number, y: number) {
    if (ghost) ghost.style.transform = `translate(${x - grab.x}px, ${y - grab.y}px)`;
  }

  function begin(event: PointerEvent) {
    const card = node.closest<HTMLElement>('[data-card-id]') ?? node;
    const box = card.getBoundingClientRect();
    grab = { x: event.clientX - box.left, y: event.clientY - box.top };
    ghost = card.cloneNode(true) as HTMLElement;
    ghost.classList.add('drag-ghost');
    ghost.removeAttribute('data-card-id');
    ghost.setAttribute('aria-hidden', 'true');
    ghost.style.width = `${box.width}px`;
    document.body.append(ghost);
    moveGhost(event.clientX, event.clientY);
    options.onStart(options.cardId);
  }

  function finish() {
    ghost?.remove();
    ghost = null;
    start = null;
    window.removeEventListener('pointermove', onPointerMove);
    window.removeEventListener('pointerup', onPointerUp);
    window.removeEventListener('pointercancel', onPointerCancel);
  }

  function onPointerDown(event: PointerEvent) {
    if (!options.enabled || event.button !== 0 || (event.target as Element).closest('button')) return;
    start = { x: event.clientX, y: event.clientY, pointerId: event.pointerId };
    // The pointer soon leaves the card: follow it on the whole window until it is released.
    window.addEventListener('pointermove', onPointerMove);
    window.addEventListener('pointerup', onPointerUp);
    window.addEventListener('pointercancel', onPointerCancel);
  }

  function onPointerMove(event: PointerEvent) {
    if (!start || event.pointerId !== start.pointerId) return;
    if (!ghost) {
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) < DRAG_THRESHOLD) return;
      begin(event);
    }
    event.preventDefault();
    moveGhost(event.clientX, event.clientY);
    options.onOver(dropTargetAt(event.clientX, event.clientY));
  }

  function onPointerUp(event: PointerEvent) {
    if (!start || event.pointerId !== start.pointerId) return;
    const dragged = ghost !== null;
    finish();
    if (dragged) options.onDrop(options.cardId, dropTargetAt(event.clientX, event.clientY));
  }

  function onPointerCancel() {
    if (ghost) options.onCancel();
    finish();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (ghost && event.key === 'Escape') {
      options.onCancel();
      finish();
    }
  }

  node.addEventListener('pointerdown', onPointerDown);
  window.addEventListener('keydown', onKeyDown);

  return {
    update(next: PointerDragOptions) {
      options = next;
    },
    destroy() {
      finish();
      node.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('keydown', onKeyDown);
    },
  };
}
