// Tells the board how far down a long list someone has scrolled, so that cards are shown in full only down to a
// little past what can be seen. One scroll listener per list (no observer per card: a 1,000-card pool would make
// the browser check a thousand targets on every frame).
export interface RevealOptions {
  /** Cards shown in full at the top of the list; the others are light. */
  fullCount: number;
  /** The list must show in full every card above index `index`. */
  reveal: (index: number) => void;
}

/** Index of the first card below `bottom` (px from the top of the list's content): a binary search of offsets. */
function firstCardBelow(list: HTMLElement, bottom: number): number {
  const items = list.children;
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((items[middle] as HTMLElement).offsetTop < bottom) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function revealOnScroll(list: HTMLElement, initial: RevealOptions) {
  let options = initial;
  let frame = 0;

  function check() {
    frame = 0;
    // Half a list height below what is visible: cards are filled in before they scroll into sight.
    const bottom = list.scrollTop + list.clientHeight * 1.5;
    const needed = firstCardBelow(list, bottom);
    if (needed > options.fullCount) options.reveal(needed);
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(check);
  }

  list.addEventListener('scroll', schedule, { passive: true });
  // The window scrolls instead of the list when the areas are stacked (narrow windows).
  window.addEventListener('scroll', schedule, { passive: true, capture: true });
  window.addEventListener('resize', schedule, { passive: true });
  // The first check after the first frame: the top cards cover the window by then, and their sizes are real.
  frame = requestAnimationFrame(() => {
    frame = 0;
    schedule();
  });

  return {
    update(next: RevealOptions) {
      options = next;
      schedule();
    },
    destroy() {
      cancelAnimationFrame(frame);
      list.removeEventListener('scroll', schedule);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
    },
  };
}
