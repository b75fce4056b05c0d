/**
 * The data of a training job, ready to train on: tensors the page sent, or a
 * set a registered generator makes inside the worker (the geology chapter's
 * synthetic grids, src/workers/geology-data.ts). The model never imports the
 * data module (they sit side by side); the worker hands the session its
 * generators.
 */
import { PROBABILITY_SUM_TOLERANCE, type LossKind } from '../nn/loss.ts';
import { ParamError, ShapeError, assertTensor, formatShape, sameShape, type Tensor } from '../tensor/index.ts';
import { datasetSize, type Dataset } from './batch.ts';
import type { NetworkPlan } from './network.ts';
import type { DataDescription } from './worker-protocol.ts';

export interface PreparedData {
  readonly train: Dataset;
  readonly validation: Dataset | null;
  /** The K class names (cross-entropy), or null. */
  readonly classNames: readonly string[] | null;
  /** How facies grids became the inputs ('scaled', 'sand', 'onehot'), when known: exported network files record it. */
  readonly encoding?: string | null;
}

/** Makes a data set from its options; throws AtlasError (or ProtocolError) naming a bad option. */
export type DataGenerator = (options: unknown) => PreparedData;
export type DataGenerators = Readonly<Record<string, DataGenerator>>;

export function prepareData(description: DataDescription, generators: DataGenerators): PreparedData {
  if (description.kind === 'tensors') {
    return {
      train: description.train,
      validation: description.validation ?? null,
      classNames: description.classNames ?? null,
      encoding: description.encoding ?? null,
    };
  }
  const generate = Object.hasOwn(generators, description.generator) ? generators[description.generator] : undefined;
  if (!generate) {
    const known = Object.keys(generators);
    throw new ParamError('data', `no data generator named ${JSON.stringify(description.generator)}; this worker has ${known.length ? known.join(', ') : 'none'}`);
  }
  return generate(description.options);
}

function checkRows(name: string, t: Tensor, n: number, rowShape: readonly number[]): void {
  if (t.shape[0] !== n || !sameShape(t.shape.slice(1), rowShape)) {
    throw new ShapeError('data', `${name} must have shape ${formatShape([n, ...rowShape])}, got ${formatShape(t.shape)}`);
  }
}

/** Cross-entropy compares with probability rows (eq. 10): non-negative, summing to 1. */
function checkProbabilities(name: string, target: Tensor): void {
  const [n, k] = target.shape as [number, number];
  for (let r = 0; r < n; r++) {
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const p = target.data[r * k + c]!;
      if (!(p >= 0)) throw new ParamError('data', `${name} row ${r} must hold probabilities for cross_entropy, got ${p} at column ${c}`);
      sum += p;
    }
    if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
      throw new ParamError('data', `${name} row ${r} must sum to 1 for cross_entropy (a one-hot or probability row), got ${sum}`);
    }
  }
}

function checkSet(name: string, set: Dataset, plan: NetworkPlan, loss: LossKind): number {
  assertTensor('data', `${name}.x`, set?.x);
  assertTensor('data', `${name}.target`, set.target);
  const n = datasetSize(set);
  checkRows(`${name}.x`, set.x, n, plan.inputShape);
  checkRows(`${name}.target`, set.target, n, plan.outputShape);
  for (const [part, t] of [['x', set.x], ['target', set.target]] as const) {
    const bad = t.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new ParamError('data', `${name}.${part} holds ${t.data[bad]} at index ${bad}; inputs and targets must be finite`);
  }
  if (loss === 'cross_entropy') checkProbabilities(`${name}.target`, set.target);
  return n;
}

/** Checks that the data fits the network and the loss; returns the set sizes. */
export function checkData(data: PreparedData, plan: NetworkPlan, loss: LossKind): { trainSize: number; validationSize: number } {
  if (plan.outputShape.length !== 1) {
    throw new ShapeError('network', `a loss needs a flat output [k]; the network ends in ${formatShape(plan.outputShape)} (add flatten and dense layers)`);
  }
  const trainSize = checkSet('train', data.train, plan, loss);
  const validationSize = data.validation ? checkSet('validation', data.validation, plan, loss) : 0;
  const k = plan.outputShape[0]!;
  if (data.classNames && data.classNames.length !== k) {
    throw new ParamError('data', `${data.classNames.length} class names for an output of ${k} values`);
  }
  return { trainSize, validationSize };
}
