/**
 * Which shown cells are computing. The page's root element carries
 * data-notebook="busy" or "idle" (tests and screenshots wait for idle), and
 * the status line says "Updating…" when a computation takes long enough to
 * notice. Cells mark their slot aria-busy="true" while they compute
 * (cell-observer.ts). These attributes change on every slider step, so no
 * style may depend on them: a selector on either would restyle the slot, or
 * the whole page, each time (assets/notebook.css says so where the rule was).
 */
export interface BusyTracker {
  start(name: string): void;
  done(name: string): void;
  /**
   * A reader's input that the runtime has not picked up yet: busy for the
   * next two frames, by which time the cells it changes have started.
   */
  input(): void;
  /** Marks the page idle on the next frame if nothing is computing (a page with no shown cells). */
  settle(): void;
  /** Resolves the next time no cell is computing. */
  idle(): Promise<void>;
  onChange(listener: (busy: boolean) => void): void;
}

export function createBusyTracker(root: HTMLElement = document.documentElement): BusyTracker {
  const computing = new Set<string>();
  const listeners = new Set<(busy: boolean) => void>();
  let waiting: Array<() => void> = [];
  let frame = 0;
  let inputs = 0;
  root.dataset.notebook = 'busy';

  // Settle on the next frame: a generator cell pulls once per frame, so a
  // cell finishing and the next starting in the same frame is not "idle".
  const settle = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (computing.size > 0) return;
      root.dataset.notebook = 'idle';
      listeners.forEach((l) => l(false));
      const resolve = waiting;
      waiting = [];
      resolve.forEach((r) => r());
    });
  };

  const tracker: BusyTracker = {
    input() {
      // One name per input, so an earlier input's end does not end a later one's wait.
      const name = `input ${++inputs}`;
      tracker.start(name);
      requestAnimationFrame(() => requestAnimationFrame(() => tracker.done(name)));
    },
    start(name) {
      computing.add(name);
      cancelAnimationFrame(frame);
      if (root.dataset.notebook !== 'busy') {
        root.dataset.notebook = 'busy';
        listeners.forEach((l) => l(true));
      }
    },
    done(name) {
      computing.delete(name);
      if (computing.size === 0) settle();
    },
    settle() {
      if (computing.size === 0) settle();
    },
    idle() {
      if (computing.size === 0 && root.dataset.notebook === 'idle') return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    onChange(listener) {
      listeners.add(listener);
    },
  };
  return tracker;
}
