/**
 * The settings behind the preset buttons: the paper's Figure 4 (a stride of
 * 2 x 2 x 1 x 1 with a 3 x 3 x 1 x 1 filter over a 2D input), Figure 5 (a
 * spatial padding of 1 x 1 x 1 x 1, read as p_x = p_y = 1), "same" padding,
 * and a stride that drops positions. The paper's text does not give the
 * figures' input sizes: 7 x 7 and 5 x 5 are ours. Pure.
 */
import { AXES, axisUsed, type AxisName, type AxisSettings, type Dims } from './stride-padding.ts';

export interface Preset {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  /** The settings to apply, given the current dimensionality and settings; only the axes listed change. */
  settings(dims: Dims, current: (axis: AxisName) => AxisSettings): { dims: Dims; axes: Partial<Record<AxisName, AxisSettings>> };
}

const plane = (s: AxisSettings): Partial<Record<AxisName, AxisSettings>> => ({ x: s, y: s });

/** The largest odd filter not above w, with the padding (w - 1) / 2 and stride 1: the output keeps the input's size. */
export function sameSettings(current: AxisSettings): AxisSettings {
  const filter = current.filter % 2 === 1 ? current.filter : current.filter - 1;
  return { input: current.input, filter, stride: 1, padding: (filter - 1) / 2 };
}

export const PRESETS: readonly Preset[] = [
  {
    key: 'figure-4',
    label: 'Figure 4: stride 2 × 2',
    description: 'A 3 × 3 filter moving 2 cells at a time over a 7 × 7 map.',
    settings: () => ({ dims: 2, axes: plane({ input: 7, filter: 3, stride: 2, padding: 0 }) }),
  },
  {
    key: 'figure-5',
    label: 'Figure 5: padding 1 × 1',
    description: 'A border of zeros one cell wide around a 5 × 5 map, 3 × 3 filter, stride 1.',
    settings: () => ({ dims: 2, axes: plane({ input: 5, filter: 3, stride: 1, padding: 1 }) }),
  },
  {
    key: 'same',
    label: '"Same" padding',
    description: 'Stride 1 and p = (w − 1)/2 on every axis (an even filter loses a cell): the output keeps the input’s size.',
    settings: (dims, current) => {
      const axes: Partial<Record<AxisName, AxisSettings>> = {};
      AXES.forEach((a, i) => {
        if (axisUsed(dims, i)) axes[a] = sameSettings(current(a));
      });
      return { dims, axes };
    },
  },
  {
    key: 'uneven',
    label: 'Uneven stride',
    description: 'An 8-cell map: along x a 3-cell window, stride 2, drops the last cell; along y a 2-cell window, stride 3, skips a cell between windows.',
    settings: () => ({
      dims: 2,
      axes: { x: { input: 8, filter: 3, stride: 2, padding: 0 }, y: { input: 8, filter: 2, stride: 3, padding: 0 } },
    }),
  },
];
