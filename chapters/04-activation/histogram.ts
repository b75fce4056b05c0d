/**
 * The histogram of pre-activations z drawn behind the active zone: a fixed
 * range of z, so that shifting and scaling move and stretch the bars while
 * the zone stays put. Each bin counts its active and inactive units apart
 * (a bin that straddles the edge of the zone splits exactly), and values
 * beyond the range are counted, not dropped. Pure: no DOM.
 */
import type { ActivationKind } from '../../src/nn/activation.ts';
import { isActive, slopeThreshold } from './zone.ts';

/** The range of z the histogram and the function plots share. */
export const Z_RANGE: readonly [number, number] = [-8, 8];
export const BIN_WIDTH = 0.25;

export interface Bin {
  readonly x0: number;
  readonly x1: number;
  readonly active: number;
  readonly inactive: number;
}

export interface ZHistogram {
  readonly bins: readonly Bin[];
  /** Units with z below / above the range, not in any bin. */
  readonly under: number;
  readonly over: number;
  readonly units: number;
}

export function zHistogram(kind: ActivationKind, z: ArrayLike<number>, range: readonly [number, number] = Z_RANGE, width = BIN_WIDTH): ZHistogram {
  const [lo, hi] = range;
  const count = Math.round((hi - lo) / width);
  const active = new Array<number>(count).fill(0);
  const inactive = new Array<number>(count).fill(0);
  const threshold = slopeThreshold(kind);
  let under = 0;
  let over = 0;
  for (let i = 0; i < z.length; i++) {
    const v = z[i]!;
    if (v < lo) {
      under++;
      continue;
    }
    if (v > hi) {
      over++;
      continue;
    }
    // The last bin is closed on the right, so z = hi is counted.
    const b = Math.min(count - 1, Math.floor((v - lo) / width));
    if (isActive(kind, v, threshold)) active[b]!++;
    else inactive[b]!++;
  }
  const bins = active.map((a, b) => ({ x0: lo + b * width, x1: lo + (b + 1) * width, active: a, inactive: inactive[b]! }));
  return { bins, under, over, units: z.length };
}
