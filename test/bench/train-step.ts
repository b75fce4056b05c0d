/**
 * What the training-step workloads share: their contestants (ours, the same
 * network's step in TensorFlow.js, the plain multiply-add loop's passes for
 * the network), and the per-op breakdown of one of our training steps.
 *
 * Breakdown: the step trainStep runs (forward layer by layer, the loss,
 * backward layer by layer, the optimizer's update of every parameter), taken
 * apart and timed piece by piece with the layer kinds the network itself
 * uses, and summed per op over several steps. "other" is the rest of a real
 * trainStep call (the finiteness checks, the copy kept to undo a diverged
 * update, the running averages): the median of whole trainStep calls minus
 * the median of the timed pieces' sum.
 */
import { createTrainer, trainStep, type Network, type Trainer } from '../../src/model/index.ts';
import { layerParams } from '../../src/model/forward.ts';
import { kindOf } from '../../src/model/layers/index.ts';
import { loss as lossOp, type LossKind } from '../../src/nn/loss.ts';
import type { OptimizerConfig } from '../../src/optim/index.ts';
import { sizeOf, type Tensor } from '../../src/tensor/index.ts';
import type * as TF from '@tensorflow/tfjs';
import type { FastKernel } from '../../src/nn/conv.ts';
import { onKernel } from './kernel.ts';
import { plainMultiplyAdd, type MultiplyAddPass } from './peak.ts';
import { clockNow, median, type Clock } from './timing.ts';
import type { Contestants } from './workload.ts';

/**
 * Per conv and dense layer, the three products of a training step, each as
 * many multiply-adds as the layer's forward pass: Y = X W, dW = X^T dY and
 * dX = dY W^T (our backward forms dX of the first layer too).
 */
export function networkPeakPasses(net: Network, batch: number): MultiplyAddPass[] {
  const passes: MultiplyAddPass[] = [];
  for (const layer of net.layers) {
    const w = layer.params.find((p) => p.short === 'w');
    if (w === undefined || (layer.spec.type !== 'conv' && layer.spec.type !== 'dense')) continue;
    const xSize = batch * sizeOf(layer.inShape);
    const ySize = batch * sizeOf(layer.outShape);
    const wSize = sizeOf(w.shape);
    const units = layer.outShape[layer.outShape.length - 1]!;
    const macs = (ySize / units) * wSize; // every output cell: one filter-sized dot product per unit
    const [x, wv, y] = [new Float64Array(xSize).fill(0.5), new Float64Array(wSize).fill(0.5), new Float64Array(ySize).fill(0.5)];
    passes.push(
      { a: x, b: wv, out: new Float64Array(ySize), macs },
      { a: x, b: y, out: new Float64Array(wSize), macs },
      { a: y, b: wv, out: new Float64Array(xSize), macs },
    );
  }
  return passes;
}

export const BREAKDOWN_OPS = ['conv', 'batchnorm', 'pool', 'dense', 'activation', 'flatten', 'loss', 'optimizer', 'other'] as const;
export type BreakdownOp = (typeof BREAKDOWN_OPS)[number];

export interface Breakdown {
  /** Median milliseconds of one whole trainStep. */
  readonly stepMs: number;
  /** Milliseconds per step spent in each op (forward and backward together). */
  readonly ms: Readonly<Record<BreakdownOp, number>>;
}

/** One step taken apart; adds each piece's milliseconds to `into`; returns their sum. */
function timedStep(
  net: Network,
  trainer: Trainer,
  x: Tensor,
  target: Tensor,
  lossKind: LossKind,
  into: Record<BreakdownOp, number>,
  clock: Clock,
): number {
  let total = 0;
  const time = <T>(op: BreakdownOp, fn: () => T): T => {
    const start = clockNow(clock);
    const out = fn();
    const ms = clockNow(clock) - start;
    into[op] += ms;
    total += ms;
    return out;
  };
  const saved: unknown[] = [];
  let h = x;
  for (const layer of net.layers) {
    const spec = layer.spec;
    const kind = kindOf(spec);
    const params = layerParams(net, layer.index);
    const running = spec.type === 'batchnorm' ? net.running[spec.name] : undefined;
    const result = time(spec.type, () => kind.forward(spec, params, h, { mode: 'train', running }));
    saved.push(result.saved);
    h = result.y;
  }
  const output = h;
  let d = time('loss', () => lossOp({ x: output, target }, { kind: lossKind })).dx;
  const gradients: Record<string, Tensor> = {};
  for (let m = net.layers.length - 1; m >= 0; m--) {
    const layer = net.layers[m]!;
    const result = time(layer.spec.type, () => kindOf(layer.spec).backward(layer.spec, d, saved[m]));
    for (const p of layer.params) gradients[p.name] = result.grads[p.short]!;
    d = result.dx;
  }
  time('optimizer', () => {
    for (const [name, t] of Object.entries(net.params)) trainer.optimizer.step(t.data, gradients[name]!.data, trainer.states[name]!);
  });
  return total;
}

/** Times `steps` steps taken apart and as many whole trainStep calls (in turns), on the network as it is. */
export function trainStepBreakdown(
  net: Network,
  optimizer: OptimizerConfig,
  data: { x: Tensor; target: Tensor },
  lossKind: LossKind,
  clock: Clock = 'wall',
  steps = 15,
): Breakdown {
  const trainer = createTrainer(net, optimizer);
  const sums = Object.fromEntries(BREAKDOWN_OPS.map((op) => [op, 0])) as Record<BreakdownOp, number>;
  const scratch = { ...sums };
  for (let i = 0; i < 3; i++) {
    timedStep(net, trainer, data.x, data.target, lossKind, scratch, clock);
    trainStep(net, trainer, data, lossKind);
  }
  const pieces: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < steps; i++) {
    pieces.push(timedStep(net, trainer, data.x, data.target, lossKind, sums, clock));
    const start = clockNow(clock);
    trainStep(net, trainer, data, lossKind);
    whole.push(clockNow(clock) - start);
  }
  const ms = Object.fromEntries(BREAKDOWN_OPS.map((op) => [op, sums[op] / steps])) as Record<BreakdownOp, number>;
  const stepMs = median(whole);
  ms.other = Math.max(0, stepMs - median(pieces));
  return { stepMs, ms };
}

/** The breakdown as lines of a table: op, ms per step, share of the step. */
export function breakdownTable(title: string, b: Breakdown): string {
  const total = BREAKDOWN_OPS.reduce((s, op) => s + b.ms[op], 0);
  const rows = BREAKDOWN_OPS.filter((op) => b.ms[op] > 0).map(
    (op) => `  ${op.padEnd(11)}${b.ms[op].toFixed(2).padStart(9)} ms ${`${((100 * b.ms[op]) / total).toFixed(1)}%`.padStart(7)}`,
  );
  return [`${title} (one step ${b.stepMs.toFixed(2)} ms, median; per op, forward and backward together, mean of the steps):`, ...rows].join('\n');
}

/** What a training-step workload hands to stepContestants. */
export interface StepSides {
  /** For the error message. */
  readonly workload: string;
  readonly tf: typeof TF;
  /** TensorFlow.js's loss as a function of its variables (tf.variableGrads differentiates it). */
  readonly lossOf: () => TF.Scalar;
  readonly adam: TF.AdamOptimizer;
  /** One of our steps, returning its loss. */
  readonly ourStep: () => number;
  /** Our network and batch size, for the plain loop's passes. */
  readonly net: Network;
  readonly batch: number;
  /** What prepare() allocated in TensorFlow.js. */
  readonly tensors: readonly TF.Tensor[];
}

/**
 * The contestants of a training-step workload: first one step on each side,
 * whose losses must agree to 1e-4 relative (the same job from the same
 * weights), then ours on `kernel`, TensorFlow.js's variableGrads plus Adam,
 * and the plain loop over the network's products.
 */
export async function stepContestants(sides: StepSides, kernel: FastKernel): Promise<Contestants> {
  const { tf, lossOf, adam } = sides;
  const tfStep = (): number => {
    const { value, grads } = tf.variableGrads(lossOf);
    adam.applyGradients(grads as Parameters<typeof adam.applyGradients>[0]);
    const loss = value.dataSync()[0]!;
    tf.dispose([value, ...Object.values(grads)]);
    return loss;
  };
  const ours = sides.ourStep();
  const theirs = tfStep();
  if (!(Math.abs(ours - theirs) <= 1e-4 * Math.abs(ours))) {
    throw new Error(`${sides.workload}: the first-step losses differ, ours ${ours} and TensorFlow.js ${theirs}`);
  }
  const passes = networkPeakPasses(sides.net, sides.batch);
  return {
    ours: await onKernel(kernel, () => void sides.ourStep()),
    tfjs: () => void tfStep(),
    peak: () => {
      for (const pass of passes) plainMultiplyAdd(pass);
    },
    dispose: () => {
      tf.dispose([...sides.tensors]);
      adam.dispose();
    },
  };
}
