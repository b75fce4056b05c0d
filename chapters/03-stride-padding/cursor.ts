/**
 * Which window the page looks at: an output cell [ox, oy, oz] shared by the
 * stepper, both 3D views and the axis diagram. It is where the reader is
 * looking, not a setting, so it stays out of the URL. Kept as asked for and
 * clamped by each reader of it (clampCell), so that shrinking the output and
 * growing it back returns to the same window.
 */
import type { Triple } from '../../src/tensor/params.ts';

export interface WindowCursor {
  get(): Triple;
  set(cell: readonly number[]): void;
  /** Moves along one axis only (the axis diagram's brackets). */
  setAxis(axis: number, index: number): void;
  subscribe(listener: (cell: Triple) => void): () => void;
}

export function createWindowCursor(start: Triple = [0, 0, 0]): WindowCursor {
  let cell: Triple = start;
  const listeners = new Set<(cell: Triple) => void>();
  const set = (next: readonly number[]): void => {
    const value: Triple = [next[0] ?? 0, next[1] ?? 0, next[2] ?? 0];
    if (value.every((v, i) => v === cell[i])) return;
    cell = value;
    for (const listener of [...listeners]) listener(cell);
  };
  return {
    get: () => cell,
    set,
    setAxis(axis, index) {
      const next = [...cell];
      next[axis] = index;
      set(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
