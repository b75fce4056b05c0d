/**
 * What the inspector shows of one snapshot of the training worker (a sample
 * of the validation set, at the current update): which layers are the
 * hidden layers H^m, the filter bank and gradient of a chosen block, the
 * batch-norm statistics of its feature maps, and the softmax output. Pure
 * reading of the SnapshotMessage; no DOM.
 */
import type { LayerInspection, SnapshotMessage } from '../../src/model/worker-protocol.ts';
import { ShapeError, type Tensor } from '../../src/tensor/index.ts';
import type { BuiltNetwork } from './builder.ts';

export interface HiddenShown {
  /** 0 for the input X = H⁰. */
  readonly m: number;
  readonly name: string;
  readonly tensor: Tensor;
}

/** The input and every H^m (the output of each block's last layer) of the inspected sample. */
export function hiddenLayers(net: BuiltNetwork, snapshot: SnapshotMessage): HiddenShown[] {
  const layers = snapshot.layers ?? [];
  const out: HiddenShown[] = [{ m: 0, name: 'X = H⁰', tensor: snapshot.sample.input }];
  net.rows.forEach((row, i) => {
    if (!row.makes.startsWith('H')) return;
    const layer: LayerInspection | undefined = layers[i];
    if (layer) out.push({ m: out.length, name: row.makes, tensor: layer.activation });
  });
  return out;
}

export interface FilterShown {
  readonly block: number;
  /** 0-based filter index, clamped to the bank. */
  readonly filter: number;
  readonly filters: number;
  readonly weights: Tensor;
  /** Null before the first update. */
  readonly gradient: Tensor | null;
}

/** Filter bank W^m of `block` (1-based, clamped to M) and its gradient; filter c (1-based) clamped to w_c. */
export function filterOf(snapshot: SnapshotMessage, blocks: number, block: number, filter: number): FilterShown {
  const m = Math.max(1, Math.min(blocks, block));
  const p = snapshot.parameters?.find((q) => q.name === `c${m}.w`);
  if (!p?.value) throw new ShapeError('inspect', `the snapshot holds no filter bank c${m}.w`);
  const filters = p.value.shape[4]!;
  return { block: m, filter: Math.max(0, Math.min(filters - 1, filter - 1)), filters, weights: p.value, gradient: p.gradient };
}

export interface NormRow {
  readonly map: number;
  readonly runningMean: number;
  readonly runningVar: number;
  readonly batchMean: number | null;
  readonly batchVar: number | null;
  readonly gamma: number | null;
  readonly beta: number | null;
}

/** Per feature map of block m's batch normalization; null when the network has none. */
export function normRows(snapshot: SnapshotMessage, block: number): NormRow[] | null {
  const bn = snapshot.batchnorm?.find((b) => b.name === `bn${block}`);
  if (!bn) return null;
  const param = (short: string) => snapshot.parameters?.find((q) => q.name === `bn${block}.${short}`)?.value?.data ?? null;
  const gamma = param('gamma');
  const beta = param('beta');
  return Array.from(bn.runningMean, (mean, d) => ({
    map: d,
    runningMean: mean,
    runningVar: bn.runningVar[d]!,
    batchMean: bn.batchMean ? bn.batchMean[d]! : null,
    batchVar: bn.batchVar ? bn.batchVar[d]! : null,
    gamma: gamma ? gamma[d]! : null,
    beta: beta ? beta[d]! : null,
  }));
}

export interface SoftmaxRow {
  readonly k: number;
  readonly name: string;
  readonly score: number;
  readonly probability: number;
  readonly isTrue: boolean;
  readonly isPredicted: boolean;
}

export function softmaxRows(snapshot: SnapshotMessage, classNames: readonly string[]): SoftmaxRow[] {
  const out = snapshot.output;
  if (!out?.probabilities) return [];
  return Array.from(out.probabilities, (p, k) => ({
    k,
    name: classNames[k] ?? `class ${k}`,
    score: out.values[k]!,
    probability: p,
    isTrue: snapshot.sample.label === k,
    isPredicted: out.predicted === k,
  }));
}
