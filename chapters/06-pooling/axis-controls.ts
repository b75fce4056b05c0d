/**
 * The window and stride sliders of the axes a grid does not use (y and z of
 * a well column, z of a cross-section) are switched off, and a sentence says
 * why; their values stay in the URL for when the grid gets the axis back.
 */
import type { Control } from '../../src/notebook/index.ts';
import type { Dims } from './feature-maps.ts';
import { GRID_NAMES } from './describe.ts';

export type AxisControls = Readonly<Record<'wx' | 'wy' | 'wz' | 'sx' | 'sy' | 'sz', Control<number>>>;

const AXIS_OF = { wx: 0, sx: 0, wy: 1, sy: 1, wz: 2, sz: 2 } as const;

export function markUnusedAxes(controls: AxisControls, dims: Dims): HTMLElement {
  for (const [key, control] of Object.entries(controls) as [keyof AxisControls, Control<number>][]) {
    const used = AXIS_OF[key] < dims;
    control.element.classList.toggle('is-unused', !used);
    for (const input of control.element.querySelectorAll<HTMLInputElement>('input')) input.disabled = !used;
  }
  const note = document.createElement('p');
  note.className = 'controls__note';
  const unused = ['x', 'y', 'z'].slice(dims);
  note.textContent =
    unused.length === 0
      ? 'A block model uses all three axes: set the window and stride along each.'
      : `A ${GRID_NAMES[dims]} has one cell along ${unused.join(' and ')}: the window and stride there are 1, and their sliders are off.`;
  return note;
}
