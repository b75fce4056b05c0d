/**
 * A detailed look at one run for one sample, as the geology chapter shows it
 * at any step: every hidden layer H^m (eqs. 1-7, 9) in inference mode, the
 * filters and weights with the gradients of the latest update (eq. 11), the
 * batchnorm statistics (eq. 5) and the softmax output (eq. 8) with the
 * sample's loss (eq. 10). Every array is a fresh copy listed in `transfer`,
 * so posting it moves the memory instead of copying it again, and later
 * updates cannot change what the page holds.
 */
import { loss as lossOp, type LossKind } from '../nn/loss.ts';
import { forward as softmax } from '../nn/softmax.ts';
import { ParamError, type Tensor } from '../tensor/index.ts';
import { gatherRows } from './batch.ts';
import { forward, type ForwardPass } from './forward.ts';
import type { Network } from './network.ts';
import { assertNetworkInput } from './network-input.ts';
import type { PreparedData } from './training-data.ts';
import type { TrainingRun } from './training-run.ts';
import type {
  BatchNormInspection,
  InspectInclude,
  LayerInspection,
  OutputInspection,
  ParameterInspection,
  PredictionMessage,
  PredictionOutput,
  SampleRef,
  SnapshotMessage,
} from './worker-protocol.ts';

export type InspectionBody = Omit<SnapshotMessage, 'type' | 'jobId' | 'generation' | 'requestId' | 'reason'>;

export interface Inspection {
  readonly body: InspectionBody;
  readonly transfer: ArrayBuffer[];
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let c = 1; c < values.length; c++) if (values[c]! > values[best]!) best = c;
  return best;
}

/** Copies made for posting: each one's buffer is listed for transfer. */
function owner(transfer: ArrayBuffer[]) {
  const own = (values: Float64Array): Float64Array => {
    const copy = values.slice();
    transfer.push(copy.buffer);
    return copy;
  };
  return { own, ownTensor: (t: Tensor): Tensor => ({ shape: [...t.shape], data: own(t.data) }) };
}

/** Every H^m of a one-sample pass. */
function layerInspections(net: Network, pass: ForwardPass, ownTensor: (t: Tensor) => Tensor): LayerInspection[] {
  return net.layers.map((l, m) => ({ index: l.index, label: l.label, type: l.spec.type, outShape: l.outShape, activation: ownTensor(pass.activations[m]!) }));
}

export function inspectRun(run: TrainingRun, data: PreparedData, lossKind: LossKind, ref: SampleRef, include: InspectInclude = {}): Inspection {
  const set = ref.set === 'train' ? data.train : data.validation;
  if (!set) throw new ParamError('inspect', 'the job has no validation set');
  const size = set.x.shape[0]!;
  if (ref.index >= size) throw new ParamError('inspect', `sample ${ref.index} is outside the ${ref.set} set of ${size}`);
  const want = { activations: true, parameters: true, gradients: true, batchnorm: true, output: true, ...include };

  const transfer: ArrayBuffer[] = [];
  const { own, ownTensor } = owner(transfer);

  const row = Int32Array.of(ref.index);
  const x = gatherRows(set.x, row);
  const target = gatherRows(set.target, row);
  const net = run.net;
  const pass = want.activations || want.output ? forward(net, x, { mode: 'inference' }) : null;

  const layers: LayerInspection[] | null = want.activations && pass ? layerInspections(net, pass, ownTensor) : null;

  let output: OutputInspection | null = null;
  if (want.output && pass) {
    const values = own(pass.output.data);
    const cross = lossKind === 'cross_entropy';
    output = {
      values,
      probabilities: cross ? own(softmax({ x: pass.output }).y.data) : null,
      predicted: cross ? argmax(values) : null,
      loss: lossOp({ x: pass.output, target }, { kind: lossKind }).loss,
    };
  }

  let parameters: ParameterInspection[] | null = null;
  if (want.parameters || want.gradients) {
    parameters = net.layers.flatMap((l) =>
      l.params.map((p) => {
        const gradient = want.gradients && run.gradients ? run.gradients[p.name] : undefined;
        return { name: p.name, layer: l.label, value: want.parameters ? ownTensor(net.params[p.name]!) : null, gradient: gradient ? ownTensor(gradient) : null };
      }),
    );
  }

  let batchnorm: BatchNormInspection[] | null = null;
  const bnLayers = net.layers.filter((l) => l.spec.type === 'batchnorm');
  if (want.batchnorm && bnLayers.length > 0) {
    // The statistics eq. 5 takes over the latest update's batch, recomputed
    // under the current parameters (trainStep folds them into the running
    // averages and does not keep them).
    const stats = run.lastBatch ? forward(net, gatherRows(data.train.x, run.lastBatch), { mode: 'train' }).batchStats : null;
    batchnorm = bnLayers.map((l) => {
      const name = (l.spec as { name: string }).name;
      const running = net.running[name]!;
      const batch = stats?.[name];
      return {
        name,
        index: l.index,
        runningMean: own(running.mean.data),
        runningVar: own(running.var.data),
        batchMean: batch ? own(batch.mean.data) : null,
        batchVar: batch ? own(batch.var.data) : null,
      };
    });
  }

  const label = lossKind === 'cross_entropy' ? argmax(target.data) : null;
  transfer.push(x.data.buffer as ArrayBuffer, target.data.buffer as ArrayBuffer);
  return {
    body: { runId: run.spec.id, step: run.step, epoch: run.epoch, sample: { set: ref.set, index: ref.index, input: x, target, label }, layers, parameters, batchnorm, output },
    transfer,
  };
}

export type PredictionBody = Omit<PredictionMessage, 'type' | 'jobId' | 'generation' | 'requestId'>;

/**
 * The run's network on one input the reader gave (inference mode: batchnorm
 * with its running averages, eq. 5): the output, its softmax (eq. 8) and the
 * predicted class, and on request every H^m. Throws ShapeError saying why
 * an input of another shape does not fit.
 */
export function predictRun(
  run: TrainingRun,
  input: Tensor,
  lossKind: LossKind,
  classNames: readonly string[] | null,
  options: { readonly activations?: boolean } = {},
): { readonly body: PredictionBody; readonly transfer: ArrayBuffer[] } {
  const net = run.net;
  assertNetworkInput(net.inputShape, input.shape);
  const transfer: ArrayBuffer[] = [];
  const { own, ownTensor } = owner(transfer);
  const x: Tensor = { shape: [1, ...net.inputShape], data: input.data };
  const pass = forward(net, x, { mode: 'inference' });
  const values = own(pass.output.data);
  const cross = lossKind === 'cross_entropy';
  const predicted = cross ? argmax(values) : null;
  const output: PredictionOutput = {
    values,
    probabilities: cross ? own(softmax({ x: pass.output }).y.data) : null,
    predicted,
    className: predicted !== null && classNames ? (classNames[predicted] ?? null) : null,
  };
  return {
    body: {
      runId: run.spec.id,
      step: run.step,
      epoch: run.epoch,
      input: ownTensor(x),
      output,
      layers: options.activations ? layerInspections(net, pass, ownTensor) : null,
    },
    transfer,
  };
}
