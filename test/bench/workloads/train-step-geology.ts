/**
 * train_step_geology: one training step of the geology chapter's default
 * network, exactly as src/model/presets/geology.ts defines it (layers, input
 * [12, 12, 12, 4], batch 16, softmax cross-entropy, Adam with the preset's
 * settings), by src/model and by the same network in TensorFlow.js's CPU
 * backend, from the same weights and the same batch:
 *
 *   X [16, 12, 12, 12, 4] -> conv 3x3x3, 8 filters, valid -> batch norm -> ReLU -> max pool 2
 *     -> conv 3x3x3, 8 filters, valid -> batch norm -> ReLU -> flatten [216] -> dense 4
 *     -> softmax cross-entropy
 *
 * TensorFlow.js normalises with tf.moments over [n, x, y, z] and the
 * formula of tf.batchNorm written out in ops (biased variance, eps 1e-5,
 * gradients through the batch statistics, as ours; tf.batchNorm's own
 * gradient fails on rank-5 tensors in tfjs 4.22). Its Adam keeps eps outside the root; the preset's
 * keeps it inside (the same work). Ours float64, TensorFlow.js float32. The
 * batch is one-hot facies codes (each cell one of 4 classes, as the preset's
 * 'onehot' encoding), targets cycling through the 4 structure types. Before
 * timing, the first-step losses must agree to 1e-4 relative.
 */
import { createNetwork, createTrainer, trainStep } from '../../../src/model/index.ts';
import { GEOLOGY_PRESET } from '../../../src/model/presets/geology.ts';
import type { FastKernel } from '../../../src/nn/conv.ts';
import { createRng, type Tensor } from '../../../src/tensor/index.ts';
import type { Rank, Scalar, Tensor5D, Variable } from '@tensorflow/tfjs';
import { KERNEL_LABEL, KERNEL_SUFFIX, onKernel } from '../kernel.ts';
import { loadTfjs } from '../tfjs.ts';
import { breakdownTable, stepContestants, trainStepBreakdown } from '../train-step.ts';
import type { Contestants, Workload } from '../workload.ts';

const P = GEOLOGY_PRESET;
const N = P.batchSize;
const CLASSES = 4;
const BN_EPS = 1e-5;

function batch(): { x: Tensor; target: Tensor } {
  const rng = createRng(2019);
  const [sx, sy, sz, d] = P.inputShape;
  const cells = N * sx * sy * sz;
  const x = new Float64Array(cells * d);
  for (let c = 0; c < cells; c++) x[c * d + Math.floor(rng.next() * d)] = 1;
  const target = new Float64Array(N * CLASSES);
  for (let i = 0; i < N; i++) target[i * CLASSES + (i % CLASSES)] = 1;
  return { x: { shape: [N, ...P.inputShape], data: x }, target: { shape: [N, CLASSES], data: target } };
}

function presetNetwork() {
  return createNetwork(P.layers, { inputShape: P.inputShape, rng: createRng(P.seed) });
}

async function prepare(kernel: FastKernel): Promise<Contestants> {
  const tf = await loadTfjs();
  const data = batch();
  const net = presetNetwork();
  const trainer = createTrainer(net, P.optimizer);

  const v = (name: string) => tf.variable(tf.tensor(Float32Array.from(net.params[name]!.data), [...net.params[name]!.shape], 'float32'), true, name);
  const vars = {
    c1w: v('c1.w') as Variable<Rank.R5>,
    c1b: v('c1.b'),
    g1: v('bn1.gamma'),
    b1: v('bn1.beta'),
    c2w: v('c2.w') as Variable<Rank.R5>,
    c2b: v('c2.b'),
    g2: v('bn2.gamma'),
    b2: v('bn2.beta'),
    fcw: v('fc1.w') as Variable<Rank.R2>,
    fcb: v('fc1.b'),
  };
  const x = tf.tensor5d(Float32Array.from(data.x.data), [N, ...P.inputShape], 'float32');
  const target = tf.tensor2d(Float32Array.from(data.target.data), [N, CLASSES], 'float32');
  const opt = P.optimizer as { lr: number; beta1?: number; beta2?: number; eps?: number };
  const adam = tf.train.adam(opt.lr, opt.beta1, opt.beta2, opt.eps);
  const normalise = (h: Tensor5D, gamma: Variable, beta: Variable): Tensor5D => {
    const { mean, variance } = tf.moments(h, [0, 1, 2, 3]);
    // gamma (h - mean) / sqrt(var + eps) + beta, written out: tf.batchNorm's gradient fails on rank-5 inputs (tfjs 4.22)
    return tf.add(tf.mul(tf.mul(tf.sub(h, mean), tf.rsqrt(tf.add(variance, BN_EPS))), gamma), beta);
  };
  const lossOf = () => {
    const c1 = tf.add(tf.conv3d(x, vars.c1w, 1, 'valid'), vars.c1b) as Tensor5D;
    const h1 = tf.maxPool3d(tf.relu(normalise(c1, vars.g1, vars.b1)), 2, 2, 'valid');
    const c2 = tf.add(tf.conv3d(h1, vars.c2w, 1, 'valid'), vars.c2b) as Tensor5D;
    const h2 = tf.relu(normalise(c2, vars.g2, vars.b2));
    const logits = tf.add(tf.matMul(tf.reshape(h2, [N, -1]), vars.fcw, false, true), vars.fcb);
    return tf.losses.softmaxCrossEntropy(target, logits) as Scalar;
  };
  return stepContestants(
    {
      workload: 'train_step_geology',
      tf,
      lossOf,
      adam,
      ourStep: () => trainStep(net, trainer, data, P.loss).loss,
      net,
      batch: N,
      tensors: [x, target, ...Object.values(vars)],
    },
    kernel,
  );
}

export function trainStepGeologyWorkload(kernel: FastKernel = 'typescript'): Workload {
  return {
    name: 'train_step_geology' + KERNEL_SUFFIX[kernel],
    description:
      'one Adam training step of the geology chapter\'s default network (GEOLOGY_PRESET) on 16 x 12^3 x 4: ' +
      'conv 3^3 x 8 + batch norm + ReLU + max pool 2, conv 3^3 x 8 + batch norm + ReLU, dense 4 ' +
      `(ours float64, tfjs float32); ${KERNEL_LABEL[kernel]}`,
    prepare: () => prepare(kernel),
    async breakdown(clock) {
      const net = presetNetwork();
      let b!: ReturnType<typeof trainStepBreakdown>;
      (await onKernel(kernel, () => void (b = trainStepBreakdown(net, P.optimizer, batch(), P.loss, clock))))();
      return breakdownTable(`train_step_geology${KERNEL_SUFFIX[kernel]}, ours`, b);
    },
  };
}
