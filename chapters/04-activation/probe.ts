/**
 * The unit the reader is pointing at, shared by the views of chapter 4: hover
 * a cube in the pre-activation view and the same unit is marked after the
 * activation, its 3-cell window is boxed in the input, and the read-out gives
 * its z, g(z) and g'(z). No DOM.
 */
export interface ProbeCell {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** Feature map (filter) index. */
  readonly d: number;
}

export type ProbeListener = (cell: ProbeCell | null, source: string) => void;

export interface Probe {
  readonly cell: ProbeCell | null;
  /** `source` names the view that set it, so that view does not react to itself. */
  set(cell: ProbeCell | null, source: string): void;
  subscribe(listener: ProbeListener): () => void;
}

const same = (a: ProbeCell | null, b: ProbeCell | null): boolean =>
  a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.z === b.z && a.d === b.d);

export function createProbe(): Probe {
  const listeners = new Set<ProbeListener>();
  let cell: ProbeCell | null = null;
  return {
    get cell() {
      return cell;
    },
    set(next, source) {
      if (same(cell, next)) return;
      cell = next;
      for (const listener of [...listeners]) listener(cell, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
