/**
 * A changing value as a cell value: a generator that yields the current
 * value, then a promise of the next one each time the runtime pulls (once per
 * animation frame). This is the Observable stdlib's `observe` pattern: a
 * reader dragging a slider, or pointing across many cells, recomputes the
 * dependent cells at most once per frame, always with the latest value. The
 * runtime calls `return()` when the cell is disposed.
 *
 * Controls and stores (values set by pointing rather than with a control)
 * both offer get() and subscribe(), so one generator serves both.
 */

/** Anything with a current value and change notifications. */
export interface Observable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

export function observeValue<T>(source: Observable<T>): Generator<T | Promise<T>, void, unknown> {
  let resolve: ((value: T) => void) | null = null;
  let stale = true;
  let done = false;
  const unsubscribe = source.subscribe((value) => {
    if (resolve) {
      resolve(value);
      resolve = null;
    } else {
      stale = true;
    }
  });
  const generator: Generator<T | Promise<T>, void, unknown> = {
    next() {
      if (done) return { done: true, value: undefined };
      if (stale) {
        stale = false;
        return { done: false, value: source.get() };
      }
      return { done: false, value: new Promise<T>((r) => (resolve = r)) };
    },
    return() {
      done = true;
      unsubscribe();
      return { done: true, value: undefined };
    },
    throw(error: unknown) {
      done = true;
      unsubscribe();
      throw error;
    },
    [Symbol.iterator]() {
      return generator;
    },
  };
  return generator;
}
