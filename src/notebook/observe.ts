/**
 * A control as a cell value: a generator that yields the current value, then
 * a promise of the next one each time the runtime pulls (once per animation
 * frame). This is the Observable stdlib's `observe` pattern: a reader dragging
 * a slider recomputes the dependent cells at most once per frame, always with
 * the latest value. The runtime calls `return()` when the cell is disposed.
 */
import type { Control } from './controls/control.ts';

export function observeControl<T>(control: Control<T>): Generator<T | Promise<T>, void, unknown> {
  let resolve: ((value: T) => void) | null = null;
  let stale = false;
  let done = false;
  const unsubscribe = control.subscribe((value) => {
    if (resolve) {
      resolve(value);
      resolve = null;
    } else {
      stale = true;
    }
  });
  let first = true;
  const generator: Generator<T | Promise<T>, void, unknown> = {
    next() {
      if (done) return { done: true, value: undefined };
      if (first || stale) {
        first = false;
        stale = false;
        return { done: false, value: control.get() };
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
