/**
 * The structural check of a `start` message's job: every field of the right
 * kind and within LIMITS, optimizer hyperparameters resolved (eqs. 11-15),
 * run ids unique, batch sizes where mini-batch needs them. What needs the
 * network built (shapes through eq. 2, data that fits the input and output)
 * is checked when the session builds the job (training-job.ts).
 */
import { LOSS_KINDS } from '../nn/loss.ts';
import { resolveConfig, type OptimizerConfig } from '../optim/index.ts';
import { SCHEDULES } from './batch.ts';
import type { LayerSpec } from './spec.ts';
import { LIMITS, INCLUDE_KEYS, SAMPLE_SETS } from './worker-limits.ts';
import type { DataDescription, InspectInclude, NetworkDescription, RunSpec, SampleRef, SnapshotPlan, TrainingJob } from './worker-protocol.ts';
import { ProtocolError, finite, flag, integer, list, oneOf, onlyKeys, optional, record, tensorRecord, text } from './protocol-checks.ts';

const MAX_SEED = 2 ** 32 - 1;
const OPTIMIZER_KEYS = ['kind', 'lr', 'gamma', 'beta1', 'beta2', 'eps', 'epsInsideSqrt', 'adamAsPrinted'];

export function readSampleRef(value: unknown, path: string): SampleRef {
  const r = record(value, path);
  onlyKeys(r, ['set', 'index'], path);
  return { set: oneOf(r.set, `${path}.set`, SAMPLE_SETS), index: integer(r.index, `${path}.index`, 0, 2 ** 31 - 1) };
}

export function readInclude(value: unknown, path: string): InspectInclude {
  const r = record(value, path);
  onlyKeys(r, INCLUDE_KEYS, path);
  const out: Record<string, boolean> = {};
  for (const key of INCLUDE_KEYS) if (r[key] !== undefined) out[key] = flag(r[key], `${path}.${key}`);
  return out;
}

function readLayers(value: unknown, path: string): LayerSpec[] {
  // Each layer's fields are checked by planNetwork, which names the layer.
  return list(value, path, 1, LIMITS.layers).map((layer, i) => {
    const r = record(layer, `${path}[${i}]`);
    text(r.type, `${path}[${i}].type`, 40);
    return r as unknown as LayerSpec;
  });
}

function readNetwork(value: unknown, path: string): NetworkDescription {
  const r = record(value, path);
  onlyKeys(r, ['layers', 'inputShape', 'biasInit', 'init', 'parameters', 'running'], path);
  const init = optional(r.init, (v) => {
    const o = record(v, `${path}.init`);
    onlyKeys(o, ['mean', 'sigma', 'cut'], `${path}.init`);
    const out: Record<string, number> = {};
    for (const key of ['mean', 'sigma', 'cut']) if (o[key] !== undefined) out[key] = finite(o[key], `${path}.init.${key}`);
    return out;
  }, undefined);
  const parameters = optional(r.parameters, (v) => {
    const o = record(v, `${path}.parameters`);
    return Object.fromEntries(Object.entries(o).map(([name, t]) => [name, tensorRecord(t, `${path}.parameters.${name}`, LIMITS.parameters)]));
  }, undefined);
  // Which layers these belong to, and their sizes, are checked against the plan when the job is built.
  const running = optional(r.running, (v) => {
    const o = record(v, `${path}.running`);
    return Object.fromEntries(Object.entries(o).map(([name, stats]) => {
      const at = `${path}.running.${name}`;
      const s = record(stats, at);
      onlyKeys(s, ['mean', 'var'], at);
      return [name, { mean: tensorRecord(s.mean, `${at}.mean`, LIMITS.parameters), var: tensorRecord(s.var, `${at}.var`, LIMITS.parameters) }];
    }));
  }, undefined);
  return {
    layers: readLayers(r.layers, `${path}.layers`),
    inputShape: list(r.inputShape, `${path}.inputShape`, 1, 4).map((s, i) => integer(s, `${path}.inputShape[${i}]`, 1, LIMITS.tensorValues)),
    ...(r.biasInit === undefined ? {} : { biasInit: oneOf(r.biasInit, `${path}.biasInit`, ['ones', 'zeros'] as const) }),
    ...(init === undefined ? {} : { init }),
    ...(parameters === undefined ? {} : { parameters }),
    ...(running === undefined ? {} : { running }),
  };
}

function readSet(value: unknown, path: string) {
  const r = record(value, path);
  onlyKeys(r, ['x', 'target'], path);
  return { x: tensorRecord(r.x, `${path}.x`, LIMITS.tensorValues), target: tensorRecord(r.target, `${path}.target`, LIMITS.tensorValues) };
}

function readData(value: unknown, path: string): DataDescription {
  const r = record(value, path);
  const kind = oneOf(r.kind, `${path}.kind`, ['tensors', 'generated'] as const);
  if (kind === 'generated') {
    onlyKeys(r, ['kind', 'generator', 'options'], path);
    return { kind, generator: text(r.generator, `${path}.generator`, 40), options: r.options };
  }
  onlyKeys(r, ['kind', 'train', 'validation', 'classNames', 'encoding'], path);
  const validation = optional(r.validation, (v) => readSet(v, `${path}.validation`), undefined);
  const classNames = optional(r.classNames, (v) => list(v, `${path}.classNames`, 1, 1000).map((c, i) => text(c, `${path}.classNames[${i}]`, 100)), undefined);
  return {
    kind,
    train: readSet(r.train, `${path}.train`),
    ...(validation === undefined ? {} : { validation }),
    ...(classNames === undefined ? {} : { classNames }),
    ...(r.encoding === undefined ? {} : { encoding: text(r.encoding, `${path}.encoding`, 40) }),
  };
}

function readOptimizer(value: unknown, path: string): OptimizerConfig {
  const r = record(value, path);
  onlyKeys(r, OPTIMIZER_KEYS, path);
  const config = r as unknown as OptimizerConfig;
  try {
    resolveConfig(config);
  } catch (e) {
    throw new ProtocolError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return config;
}

function readRun(value: unknown, path: string): RunSpec {
  const r = record(value, path);
  onlyKeys(r, ['id', 'label', 'optimizer', 'schedule', 'batchSize'], path);
  const schedule = oneOf(r.schedule, `${path}.schedule`, SCHEDULES);
  if (schedule === 'mini-batch' && r.batchSize === undefined) throw new ProtocolError(`${path}.batchSize is needed for mini-batch`);
  return {
    id: text(r.id, `${path}.id`, LIMITS.idLength),
    ...(r.label === undefined ? {} : { label: text(r.label, `${path}.label`) }),
    optimizer: readOptimizer(r.optimizer, `${path}.optimizer`),
    schedule,
    ...(r.batchSize === undefined ? {} : { batchSize: integer(r.batchSize, `${path}.batchSize`, 1, LIMITS.batchSize) }),
  };
}

function readSnapshots(value: unknown, path: string, runIds: readonly string[]): SnapshotPlan {
  const r = record(value, path);
  onlyKeys(r, ['every', 'runs', 'sample', 'include'], path);
  const runs = optional(r.runs, (v) => list(v, `${path}.runs`, 1, LIMITS.runs).map((id, i) => {
    const s = text(id, `${path}.runs[${i}]`, LIMITS.idLength);
    if (!runIds.includes(s)) throw new ProtocolError(`${path}.runs[${i}] names no run: ${JSON.stringify(s)}`);
    return s;
  }), undefined);
  const include = optional(r.include, (v) => readInclude(v, `${path}.include`), undefined);
  return {
    every: integer(r.every, `${path}.every`, 1, LIMITS.steps),
    sample: readSampleRef(r.sample, `${path}.sample`),
    ...(runs === undefined ? {} : { runs }),
    ...(include === undefined ? {} : { include }),
  };
}

const JOB_KEYS = ['network', 'data', 'loss', 'runs', 'seed', 'epochs', 'maxSteps', 'startPaused', 'progressPerSecond', 'sliceMs', 'explodeFactor', 'snapshots'];

export function readJob(value: unknown, path: string): TrainingJob {
  const r = record(value, path);
  onlyKeys(r, JOB_KEYS, path);
  const runs = list(r.runs, `${path}.runs`, 1, LIMITS.runs).map((run, i) => readRun(run, `${path}.runs[${i}]`));
  const ids = runs.map((run) => run.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new ProtocolError(`${path}.runs: the id ${JSON.stringify(twice)} is used twice`);
  const num = (key: string, range: readonly [number, number]) => optional(r[key], (v) => finite(v, `${path}.${key}`, range[0], range[1]), undefined);
  const progressPerSecond = num('progressPerSecond', LIMITS.progressPerSecond);
  const sliceMs = num('sliceMs', LIMITS.sliceMs);
  const explodeFactor = num('explodeFactor', LIMITS.explodeFactor);
  const maxSteps = optional(r.maxSteps, (v) => integer(v, `${path}.maxSteps`, 1, LIMITS.steps), undefined);
  const startPaused = optional(r.startPaused, (v) => flag(v, `${path}.startPaused`), undefined);
  const snapshots = optional(r.snapshots, (v) => readSnapshots(v, `${path}.snapshots`, ids), undefined);
  return {
    network: readNetwork(r.network, `${path}.network`),
    data: readData(r.data, `${path}.data`),
    loss: oneOf(r.loss, `${path}.loss`, LOSS_KINDS),
    runs,
    seed: integer(r.seed, `${path}.seed`, 0, MAX_SEED),
    epochs: integer(r.epochs, `${path}.epochs`, 1, LIMITS.epochs),
    ...(maxSteps === undefined ? {} : { maxSteps }),
    ...(startPaused === undefined ? {} : { startPaused }),
    ...(progressPerSecond === undefined ? {} : { progressPerSecond }),
    ...(sliceMs === undefined ? {} : { sliceMs }),
    ...(explodeFactor === undefined ? {} : { explodeFactor }),
    ...(snapshots === undefined ? {} : { snapshots }),
  };
}
