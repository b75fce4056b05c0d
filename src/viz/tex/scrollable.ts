/**
 * An equation wider than its column scrolls sideways (a phone, a narrow
 * column). A scrolling region must be reachable from the keyboard, so while
 * `element` overflows and holds nothing focusable of its own, it becomes a
 * focusable, named region; otherwise it stays a plain box (no extra tab stop).
 */
export function keyboardScrollable(element: HTMLElement, label: string): () => void {
  const update = (): void => {
    const overflowing = element.scrollWidth > element.clientWidth + 1;
    const ownFocus = element.querySelector('[tabindex="0"], a[href], button, input, select') !== null;
    if (overflowing && !ownFocus) {
      element.tabIndex = 0;
      element.setAttribute('role', 'region');
      element.setAttribute('aria-label', `${label}, scrolls sideways`);
    } else {
      element.removeAttribute('tabindex');
      element.removeAttribute('role');
      element.removeAttribute('aria-label');
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(element);
  update();
  return () => observer.disconnect();
}
