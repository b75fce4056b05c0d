/**
 * Whether the page's layout may have changed since it was last asked: the
 * shared renderer measures its views' rectangles (a forced layout when the
 * page has changed) only then, not on every animation frame of an idle page.
 *
 * A view moves when the page around it changes: DOM or text changes
 * (MutationObserver), scrolling, a resized window, fonts or images arriving,
 * and CSS transitions and animations (measured on every frame while one runs,
 * and for `settleMs` after it starts, since an element removed mid-way never
 * sends its end).
 */
export interface LayoutWatch {
  /** True when the layout may have changed since the last call (and resets that). */
  take(now: number): boolean;
  dispose(): void;
}

/** `onChange` runs at each sign of a change (to wake a loop that sleeps while nothing happens). */
export function watchLayout(onChange: () => void, settleMs = 500): LayoutWatch {
  let changed = true;
  let movingUntil = 0;
  const mark = (): void => {
    changed = true;
    onChange();
  };
  const moving = (): void => {
    movingUntil = performance.now() + settleMs;
    mark();
  };
  const observer = new MutationObserver(mark);
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  const listeners: [EventTarget, string, () => void][] = [
    [window, 'resize', mark],
    [document, 'scroll', mark],
    [document, 'load', mark],
    [document, 'transitionrun', moving],
    [document, 'transitionend', mark],
    [document, 'animationstart', moving],
    [document, 'animationend', mark],
  ];
  if (document.fonts) listeners.push([document.fonts, 'loadingdone', mark]);
  const options = { capture: true, passive: true };
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener, options);
  return {
    take(now) {
      const result = changed || now < movingUntil;
      changed = false;
      return result;
    },
    dispose() {
      observer.disconnect();
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener, options);
    },
  };
}
