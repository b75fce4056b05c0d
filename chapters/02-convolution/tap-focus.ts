/**
 * Which term of the sum the reader points at: a breakdown cell, or a cell of
 * the input or filter views inside the window. Every party listens, so the
 * input view, the filter view and the breakdown mark the same term.
 */
import type { Triple } from '../../src/tensor/params.ts';

export interface FocusedTerm {
  /** Input cell [x, y, z] under the tap. */
  readonly cell: Triple;
  /** Filter tap [i, j, k]. */
  readonly tap: Triple;
  /** Input map d. */
  readonly d: number;
}

export interface TapFocus {
  readonly current: FocusedTerm | null;
  set(term: FocusedTerm | null): void;
  subscribe(listener: (term: FocusedTerm | null) => void): () => void;
}

const key = (t: FocusedTerm | null): string => (t ? `${t.cell.join(',')}|${t.tap.join(',')}|${t.d}` : '');

export function createTapFocus(): TapFocus {
  const listeners = new Set<(term: FocusedTerm | null) => void>();
  let current: FocusedTerm | null = null;
  return {
    get current() {
      return current;
    },
    set(term) {
      // Views echo a cursor they were told to show; an unchanged term stops the echo.
      if (key(term) === key(current)) return;
      current = term;
      for (const listener of [...listeners]) listener(term);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
