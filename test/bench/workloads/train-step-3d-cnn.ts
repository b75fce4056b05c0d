/**
 * train_step_3d_cnn: one training step (eq. 11 with Adam, eq. 15) of a small
 * 3D CNN -- forward, cross-entropy loss (eq. 10), backward, Adam update --
 * by src/model and by TensorFlow.js's CPU backend (tf.conv3d, tf.maxPool3d,
 * tf.variableGrads, tf.train.adam), from the same weights and the same batch:
 *
 *   X [8, 16, 16, 16, 1] -> conv 3x3x3, 8 filters, same padding -> ReLU -> max pool 2
 *     -> conv 3x3x3, 16 filters, same padding -> ReLU -> max pool 2 -> flatten [1024]
 *     -> dense 4 -> softmax cross-entropy
 *
 * Our axes [n, x, y, z, d] and filters [wx, wy, wz, wd, wc] are TensorFlow's
 * NDHWC and [fd, fh, fw, in, out]; our W_FC [out, in] is multiplied
 * transposed. Adam with eps outside the root on our side, as TensorFlow.js
 * does. Ours runs in float64, TensorFlow.js in float32. Before timing, the
 * first step of each is compared: the losses must agree to 1e-4 relative.
 */
import { createNetwork, createTrainer, trainStep, type LayerSpec } from '../../../src/model/index.ts';
import { createRng, type Tensor } from '../../../src/tensor/index.ts';
import type { Rank, Scalar, Tensor5D, Variable } from '@tensorflow/tfjs';
import { loadTfjs } from '../tfjs.ts';
import { KERNEL_LABEL, KERNEL_SUFFIX } from '../kernel.ts';
import { stepContestants } from '../train-step.ts';
import type { FastKernel } from '../../../src/nn/conv.ts';
import type { Contestants, Workload } from '../workload.ts';

const N = 8;
const SIDE = 16;
const CLASSES = 4;
const ADAM = { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, epsInsideSqrt: false } as const;

const LAYERS: LayerSpec[] = [
  { type: 'conv', name: 'c1', size: [3, 3, 3], filters: 8, padding: [1, 1, 1] },
  { type: 'activation', kind: 'relu' },
  { type: 'pool', kind: 'max', window: [2, 2, 2] },
  { type: 'conv', name: 'c2', size: [3, 3, 3], filters: 16, padding: [1, 1, 1] },
  { type: 'activation', kind: 'relu' },
  { type: 'pool', kind: 'max', window: [2, 2, 2] },
  { type: 'flatten' },
  { type: 'dense', name: 'fc1', units: CLASSES },
];

function batch(): { x: Tensor; target: Tensor } {
  const rng = createRng(2019);
  const x = new Float64Array(N * SIDE ** 3);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const target = new Float64Array(N * CLASSES);
  for (let i = 0; i < N; i++) target[i * CLASSES + (i % CLASSES)] = 1;
  return { x: { shape: [N, SIDE, SIDE, SIDE, 1], data: x }, target: { shape: [N, CLASSES], data: target } };
}

async function prepare(kernel: FastKernel): Promise<Contestants> {
  const tf = await loadTfjs();
  const data = batch();
  const net = createNetwork(LAYERS, { inputShape: [SIDE, SIDE, SIDE, 1], rng: createRng(11), biasInit: 'zeros' });
  const initial = Object.fromEntries(Object.entries(net.params).map(([k, t]) => [k, t.data.slice()]));
  const trainer = createTrainer(net, ADAM);

  const v = (name: string) =>
    tf.variable(tf.tensor(Float32Array.from(initial[name]!), [...net.params[name]!.shape], 'float32'), true, name);
  const vars = {
    c1w: v('c1.w') as Variable<Rank.R5>,
    c1b: v('c1.b'),
    c2w: v('c2.w') as Variable<Rank.R5>,
    c2b: v('c2.b'),
    fcw: v('fc1.w') as Variable<Rank.R2>,
    fcb: v('fc1.b'),
  };
  const x = tf.tensor5d(Float32Array.from(data.x.data), [N, SIDE, SIDE, SIDE, 1], 'float32');
  const target = tf.tensor2d(Float32Array.from(data.target.data), [N, CLASSES], 'float32');
  const adam = tf.train.adam(ADAM.lr, ADAM.beta1, ADAM.beta2, ADAM.eps);
  const lossOf = () => {
    const h1 = tf.maxPool3d(tf.relu(tf.add(tf.conv3d(x, vars.c1w, 1, 'same'), vars.c1b)) as Tensor5D, 2, 2, 'valid');
    const h2 = tf.maxPool3d(tf.relu(tf.add(tf.conv3d(h1, vars.c2w, 1, 'same'), vars.c2b)) as Tensor5D, 2, 2, 'valid');
    const logits = tf.add(tf.matMul(tf.reshape(h2, [N, -1]), vars.fcw, false, true), vars.fcb);
    return tf.losses.softmaxCrossEntropy(target, logits) as Scalar;
  };
  return stepContestants(
    {
      workload: 'train_step_3d_cnn',
      tf,
      lossOf,
      adam,
      ourStep: () => trainStep(net, trainer, data, 'cross_entropy').loss,
      net,
      batch: N,
      tensors: [x, target, ...Object.values(vars)],
    },
    kernel,
  );
}

export function trainStep3dCnnWorkload(kernel: FastKernel = 'typescript'): Workload {
  return {
    name: 'train_step_3d_cnn' + KERNEL_SUFFIX[kernel],
    description:
      'one Adam training step (forward, cross-entropy, backward, update) of a 3D CNN on 8 x 16^3 x 1: ' +
      `conv 3^3 x 8 same + ReLU + max pool 2, conv 3^3 x 16 same + ReLU + max pool 2, dense 4 (ours float64, tfjs float32); ${KERNEL_LABEL[kernel]}`,
    prepare: () => prepare(kernel),
  };
}

export const trainStep3dCnn = trainStep3dCnnWorkload();
