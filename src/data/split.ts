/**
 * Train / validation split, stratified: each class gives the same share of
 * its samples to validation (rounded so the total is round(fraction * n)),
 * so both parts stay balanced. Seeded; the
 * samples keep their data-set order inside each part.
 */
import { ParamError } from '../tensor/errors.ts';
import { assertCount, assertNumber } from '../tensor/params.ts';
import { createRng, permutation } from '../tensor/rng.ts';
import { tensor, type Tensor } from '../tensor/tensor.ts';
import type { Dataset } from './dataset.ts';
import { mixSeed } from './seed.ts';

const SPLIT_STREAM = 0x5b117;

export interface SplitOptions {
  /** Share of each class held out for validation, in (0, 1). */
  readonly validationFraction: number;
  readonly seed: number;
}

export function splitIndices(labels: Int32Array, options: SplitOptions): { train: Int32Array; validation: Int32Array } {
  const op = 'split';
  const fraction = assertNumber(op, 'validationFraction', options.validationFraction, { lo: 0, hi: 1, loOpen: true, hiOpen: true });
  const seed = assertCount(op, 'seed', options.seed, 0);
  const byClass = new Map<number, number[]>();
  labels.forEach((label, i) => {
    const list = byClass.get(label) ?? [];
    list.push(i);
    byClass.set(label, list);
  });
  // per-class quotas fraction * n_c, rounded by largest remainder so the total is round(fraction * n)
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const take = new Map(classes.map((c) => [c, Math.floor(fraction * byClass.get(c)!.length)]));
  let left = Math.round(fraction * labels.length) - [...take.values()].reduce((a, b) => a + b, 0);
  const remainder = (c: number) => fraction * byClass.get(c)!.length - take.get(c)!;
  for (const c of [...classes].sort((a, b) => remainder(b) - remainder(a) || a - b)) {
    if (left <= 0) break;
    take.set(c, take.get(c)! + 1);
    left--;
  }
  const held = new Uint8Array(labels.length);
  for (const [label, members] of byClass) {
    const order = permutation(createRng(mixSeed(seed, SPLIT_STREAM, label)), members.length);
    for (let r = 0; r < take.get(label)!; r++) held[members[order[r]!]!] = 1;
  }
  const validation: number[] = [];
  const train: number[] = [];
  held.forEach((h, i) => (h ? validation : train).push(i));
  if (validation.length === 0 || train.length === 0) {
    const empty = validation.length === 0 ? 'validation' : 'training';
    throw new ParamError(op, `validationFraction ${fraction} of ${labels.length} samples leaves no ${empty} sample`);
  }
  return { train: Int32Array.from(train), validation: Int32Array.from(validation) };
}

/** Rows `indices` of a tensor whose first axis is the sample. */
function takeRows(t: Tensor, indices: Int32Array): Tensor {
  const n = t.shape[0]!;
  const row = n === 0 ? 0 : t.data.length / n;
  const out = tensor([indices.length, ...t.shape.slice(1)]);
  indices.forEach((s, r) => out.data.set(t.data.subarray(s * row, (s + 1) * row), r * row));
  return out;
}

/** The samples `indices` of a data set, as a data set. */
export function subsetDataset(ds: Dataset, indices: Int32Array): Dataset {
  const n = ds.labels.length;
  indices.forEach((s) => {
    if (!Number.isInteger(s) || s < 0 || s >= n) throw new ParamError('subset', `index ${s} is outside 0..${n - 1}`);
  });
  return {
    ...ds,
    inputs: takeRows(ds.inputs, indices),
    labels: indices.map((s) => ds.labels[s]!),
    oneHot: takeRows(ds.oneHot, indices),
    targets: takeRows(ds.targets, indices),
    samples: Array.from(indices, (s) => ds.samples[s]!),
  };
}

export function splitDataset(ds: Dataset, options: SplitOptions): { train: Dataset; validation: Dataset } {
  const { train, validation } = splitIndices(ds.labels, options);
  return { train: subsetDataset(ds, train), validation: subsetDataset(ds, validation) };
}
