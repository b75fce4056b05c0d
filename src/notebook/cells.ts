/**
 * Cells as plain records on an Observable runtime module:
 *   defineCells(module, [{ name: 'h1', inputs: ['x', 'w'], body: (x, w) => conv(x, w) }])
 * A cell with a `slot` is shown there (see cell-observer.ts); one without is
 * computed only when a shown cell needs it. Bodies are wrapped so that what
 * they throw is remembered (cell-error.ts) and never escapes the runtime.
 */
import type { Module, Variable } from '@observablehq/runtime';
import type { BusyTracker } from './busy.ts';
import { rememberThrown } from './cell-error.ts';
import { slotObserver, type ObserverMode } from './cell-observer.ts';

export interface CellSpec {
  /** Other cells refer to it by this name; omitted for a cell only shown. */
  readonly name?: string | null;
  /** Names of the cells (or 'invalidation') passed to the body, in order. */
  readonly inputs?: readonly string[];
  readonly body: (...inputs: any[]) => unknown;
  /** Where to show the cell's value or error. */
  readonly slot?: HTMLElement;
  /** How to show it; 'replace' by default. */
  readonly mode?: ObserverMode;
}

function guarded(body: (...inputs: any[]) => unknown): (...inputs: any[]) => unknown {
  return function (this: unknown, ...inputs: any[]) {
    try {
      const value = body.apply(this, inputs);
      if (value instanceof Promise) {
        return value.catch((error: unknown) => {
          rememberThrown(error);
          throw error;
        });
      }
      return value;
    } catch (error) {
      rememberThrown(error);
      throw error;
    }
  };
}

export function defineCells(module: Module, cells: readonly CellSpec[], busy: BusyTracker): Variable[] {
  return cells.map((cell, i) => {
    const label = cell.name ?? `cell ${i + 1}`;
    const observer = cell.slot ? slotObserver(cell.slot, label, busy, cell.mode ?? 'replace') : undefined;
    return module.variable(observer).define(cell.name ?? null, cell.inputs ?? [], guarded(cell.body));
  });
}
