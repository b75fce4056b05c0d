/**
 * A value the reader sets by pointing rather than with a control (the
 * position of Vec(H^M) under the pointer in any view), as a cell of the
 * notebook: a store, and a generator in the Observable stdlib's `observe`
 * pattern that yields the current value, then a promise of the next one each
 * time the runtime pulls (once per animation frame), so pointing across many
 * cells recomputes at most once a frame. A repeated value is not a change.
 * No DOM.
 */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: T, same: (a: T, b: T) => boolean = Object.is): Store<T> {
  const listeners = new Set<(value: T) => void>();
  let value = initial;
  return {
    get: () => value,
    set(next) {
      if (same(value, next)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function observeStore<T>(store: Store<T>): Generator<T | Promise<T>, void, unknown> {
  let resolve: ((value: T) => void) | null = null;
  let stale = true;
  let done = false;
  const unsubscribe = store.subscribe((value) => {
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
        return { done: false, value: store.get() };
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
