/**
 * A value the reader sets by pointing rather than with a control (a selected
 * output cell, the position under the pointer), to be made a cell with
 * observeValue. A repeated value (by `same`) is not a change. No DOM.
 */
import type { Observable } from './observe.ts';

export interface Store<T> extends Observable<T> {
  set(value: T): void;
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
