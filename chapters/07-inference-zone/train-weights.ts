/**
 * Trains chapter 7's network for each grid dimensionality and writes the
 * parameters to trained-weights.json, which the page loads. Run it again
 * after changing the layers (layers.ts) or the grids (geology.ts):
 *
 *   npx tsx chapters/07-inference-zone/train-weights.ts
 *
 * Everything is seeded (data, initial weights, sample order), so a run
 * reproduces the file. Training is eq. 11 with Adam (eq. 15, corrected
 * moments) on mini-batches and the cross-entropy of eq. 10, all from
 * src/model. It starts from the paper's truncated normal weights, with the
 * frameworks' zero biases: with the paper's biases of one, the 1D network's
 * ReLU units all went silent and it never left the uniform guess.
 *
 * Early stopping: after every epoch the cross-entropy on a validation set
 * (its own seed) is measured, and the parameters of the best epoch are the
 * ones kept. Trained on longer, the network grows ever more certain of its
 * answers on the training models (scores of 20 to 40 apart, probabilities
 * of 100 %) without getting them more often right on new ones.
 *
 * Parameters are stored to 6 significant digits; the held-out accuracy, on
 * a third set never used in training, is measured with the stored values,
 * the ones the page uses.
 */
import { writeFileSync } from 'node:fs';
import { createNetwork, evaluate, train, type Network } from '../../src/model/index.ts';
import { createRng } from '../../src/tensor/index.ts';
import { geologySet, GRID_SIZE, type Dims } from './geology.ts';
import { inputShape, networkLayers } from './layers.ts';
import type { StoredNetwork, TrainedWeights } from './weights.ts';

const TRAINING = {
  1: { count: 1600, epochs: 20 },
  2: { count: 800, epochs: 30 },
  3: { count: 600, epochs: 30 },
} as const;
const SEEDS = { data: 7, validation: 42, heldOut: 99, init: 3, order: 1 } as const;
const VALIDATION = 200;
const HELD_OUT = 400;
const OPTIMIZER = { kind: 'adam', lr: 0.01 } as const;
const BATCH = 16;

const round = (v: number): number => Number(v.toPrecision(6));

function store(net: Network): StoredNetwork['params'] {
  const params: StoredNetwork['params'] = {};
  for (const [name, t] of Object.entries(net.params)) {
    t.data.set(Array.from(t.data, round));
    params[name] = { shape: [...t.shape], data: Array.from(t.data) };
  }
  return params;
}

const networks: Partial<Record<`${Dims}`, StoredNetwork>> = {};
for (const dims of [1, 2, 3] as const) {
  const started = performance.now();
  const { count, epochs } = TRAINING[dims];
  const data = geologySet(dims, SEEDS.data, count);
  const net = createNetwork(networkLayers(dims), { inputShape: inputShape(dims), rng: createRng(SEEDS.init), biasInit: 'zeros' });
  const validation = geologySet(dims, SEEDS.validation, VALIDATION);
  let best = { loss: Infinity, epoch: 0, trainingLoss: 0, params: {} as Record<string, Float64Array> };
  for (const snapshot of train(net, { x: data.x, target: data.oneHot }, { loss: 'cross_entropy', optimizer: OPTIMIZER, schedule: 'mini-batch', batchSize: BATCH, epochs, seed: SEEDS.order })) {
    if (snapshot.diverged) throw new Error(`${dims}D training diverged: ${snapshot.diverged}`);
    if (snapshot.epochLoss === null) continue;
    const { loss } = evaluate(net, { x: validation.x, target: validation.oneHot }, 'cross_entropy');
    if (loss < best.loss) {
      const params: Record<string, Float64Array> = {};
      for (const [name, t] of Object.entries(net.params)) params[name] = t.data.slice();
      best = { loss, epoch: snapshot.epoch + 1, trainingLoss: snapshot.epochLoss, params };
    }
  }
  for (const [name, t] of Object.entries(net.params)) t.data.set(best.params[name]!);
  const params = store(net);
  const heldOut = geologySet(dims, SEEDS.heldOut, HELD_OUT);
  const { accuracy } = evaluate(net, { x: heldOut.x, target: heldOut.oneHot }, 'cross_entropy');
  networks[`${dims}`] = {
    gridSize: GRID_SIZE[dims],
    trainingSamples: count,
    epochs: best.epoch,
    trainingLoss: round(best.trainingLoss),
    validationSamples: VALIDATION,
    validationLoss: round(best.loss),
    heldOutSamples: HELD_OUT,
    heldOutAccuracy: accuracy!,
    params,
  };
  console.log(`${dims}D: kept epoch ${best.epoch} of ${epochs}, training loss ${best.trainingLoss.toFixed(3)}, validation loss ${best.loss.toFixed(3)}, held-out accuracy ${accuracy}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const file: TrainedWeights = {
  about: 'Parameters of chapter 7\'s CNN, written by chapters/07-inference-zone/train-weights.ts; do not edit by hand.',
  training: { optimizer: 'adam', learningRate: OPTIMIZER.lr, batchSize: BATCH, loss: 'cross_entropy', seeds: SEEDS, biasInit: 'zeros' },
  networks: networks as TrainedWeights['networks'],
};
writeFileSync(new URL('./trained-weights.json', import.meta.url), `${JSON.stringify(file)}\n`);
