/**
 * Target normalisation for the regression head and its inverse for display.
 * normalised = (value - offset) / scale, per target:
 *
 * - 'range':  offset and scale from the documented ranges (TARGETS), mapping
 *             them onto [0, 1]; needs no data, so every data set agrees.
 * - 'zscore': mean and standard deviation of the given (training) targets; a
 *             target that never varies gets scale 1 rather than a division by 0.
 */
import { ParamError, ShapeError, formatShape } from '../tensor/errors.ts';
import { assertKind } from '../tensor/params.ts';
import { tensor, type Tensor } from '../tensor/tensor.ts';
import { TARGETS } from './targets.ts';

export type ScalerKind = 'range' | 'zscore';

export interface TargetScaler {
  readonly kind: ScalerKind;
  readonly offset: readonly number[];
  readonly scale: readonly number[];
}

const OP = 'targets';

function assertTargets(t: Tensor, p: number): number {
  if (t.shape.length !== 2 || t.shape[1] !== p) {
    throw new ShapeError(OP, `targets must have shape [n, ${p}], got ${formatShape(t.shape)}`);
  }
  return t.shape[0]!;
}

export function createTargetScaler(kind: ScalerKind, targets?: Tensor): TargetScaler {
  assertKind(OP, 'scaler', kind, ['range', 'zscore'] as const);
  const p = TARGETS.length;
  if (kind === 'range') {
    return { kind, offset: TARGETS.map((t) => t.range[0]), scale: TARGETS.map((t) => t.range[1] - t.range[0]) };
  }
  if (targets === undefined) throw new ParamError(OP, "a 'zscore' scaler needs the training targets to take their mean and deviation");
  const n = assertTargets(targets, p);
  if (n < 2) throw new ShapeError(OP, `a 'zscore' scaler needs at least 2 samples, got ${n}`);
  const offset: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += targets.data[i * p + j]!;
    const mean = sum / n;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const d = targets.data[i * p + j]! - mean;
      sq += d * d;
    }
    const sd = Math.sqrt(sq / n);
    offset.push(mean);
    scale.push(sd > 0 ? sd : 1);
  }
  return { kind, offset, scale };
}

export function normalizeTargets(targets: Tensor, scaler: TargetScaler): Tensor {
  const p = scaler.offset.length;
  const n = assertTargets(targets, p);
  const out = tensor([n, p]);
  for (let i = 0; i < n * p; i++) out.data[i] = (targets.data[i]! - scaler.offset[i % p]!) / scaler.scale[i % p]!;
  return out;
}

/** Back to the targets' units (e.g. a prediction of the regression head, for display). */
export function denormalizeTargets(normalized: Tensor, scaler: TargetScaler): Tensor {
  const p = scaler.offset.length;
  const n = assertTargets(normalized, p);
  const out = tensor([n, p]);
  for (let i = 0; i < n * p; i++) out.data[i] = normalized.data[i]! * scaler.scale[i % p]! + scaler.offset[i % p]!;
  return out;
}
