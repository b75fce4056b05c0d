/**
 * A trained network as a file: what a teacher saves before class and a
 * student loads, or what the page downloads after training. JSON, versioned:
 *
 *   {
 *     "format": "cnn-atlas-network",          // SAVED_NETWORK_FORMAT
 *     "version": 1,                           // SAVED_NETWORK_VERSION
 *     "values": "float64-le-base64",          // how every tensor's values are written
 *     "inputShape": [12, 12, 12, 4],          // one sample [x, y, z, d] (or [k])
 *     "layers": [{ "type": "conv", "name": "c1", "size": [3, 3, 3], "filters": 8, ... }, ...],
 *     "loss": "cross_entropy",                // or "mse"
 *     "classNames": ["horizontal layers", ...] | null,
 *     "encoding": "onehot" | null,            // how a facies grid becomes the input (src/data encodings)
 *     "parameters": { "c1.w": { "shape": [3, 3, 3, 4, 8], "values": "<base64>" }, ... },
 *     "running": { "bn1": { "mean": { "shape": [8], "values": "..." }, "var": { ... } } },
 *     "provenance": { "savedAt": "2026-11-25T11:30:00.000Z", "steps": 600, "epochs": 6,
 *                     "validationAccuracy": 0.95 | null, "validationLoss": 0.14 | null, "seed": 1 | null }
 *   }
 *
 * Values: the bytes of a Float64Array, IEEE 754 binary64 little-endian, in
 * base64 (float64-base64.ts): exact (a parameter round-trips bit for bit),
 * and about 10.7 characters a value where decimal JSON takes up to 24.
 *
 * `parseSavedNetwork` checks EVERYTHING before returning (JSON syntax, format
 * and version, every field, the architecture through planNetwork's eq. 2
 * checks, every tensor's shape against the plan, finite values, non-negative
 * variances, the size limit) and throws a ParamError whose message says what
 * is wrong and where, for the reader; it builds a new object, so a refused
 * file changes nothing.
 */
import { LOSS_KINDS, type LossKind } from '../nn/loss.ts';
import type { RunningStats } from '../nn/batchnorm.ts';
import { AtlasError, ParamError, formatShape, sizeOf, type Tensor } from '../tensor/index.ts';
import { base64ToFloat64, float64ToBase64 } from './float64-base64.ts';
import { checkRunning, createNetwork, planNetwork, type Network, type NetworkPlan } from './network.ts';
import { ProtocolError, describe, finite, integer, list, oneOf, onlyKeys, record, text } from './protocol-checks.ts';
import type { LayerSpec } from './spec.ts';
import { LIMITS } from './worker-limits.ts';
import type { NetworkDescription } from './worker-protocol.ts';

export const SAVED_NETWORK_FORMAT = 'cnn-atlas-network';
export const SAVED_NETWORK_VERSION = 1;
export const SAVED_VALUES_ENCODING = 'float64-le-base64';
/** Largest file read or written: 20 MB (about 1.9 million parameters). */
export const SAVED_NETWORK_MAX_BYTES = 20 * 1024 * 1024;
export const SAVED_NETWORK_LIMIT_TEXT = '20 MB';

const OP = 'network file';

export interface SavedProvenance {
  /** ISO 8601 time of saving. */
  readonly savedAt: string;
  /** Updates (eq. 11) of the run that saved it (a job started from saved weights counts again from 0). */
  readonly steps: number;
  /** Complete epochs of that run. */
  readonly epochs: number;
  /** Of the latest complete epoch, when there was a validation set. */
  readonly validationAccuracy: number | null;
  readonly validationLoss: number | null;
  /** The job's seed (initial weights and sample order), when known. */
  readonly seed: number | null;
}

/** A saved network, decoded: tensors with Float64Array values. */
export interface SavedNetwork {
  readonly format: typeof SAVED_NETWORK_FORMAT;
  readonly version: typeof SAVED_NETWORK_VERSION;
  readonly inputShape: readonly number[];
  /** The plan's specs, every default written out. */
  readonly layers: readonly LayerSpec[];
  readonly loss: LossKind;
  readonly classNames: readonly string[] | null;
  /** How a facies grid becomes the input ('scaled', 'sand', 'onehot'), or null when unknown. */
  readonly encoding: string | null;
  readonly parameters: Readonly<Record<string, Tensor>>;
  readonly running: Readonly<Record<string, RunningStats>>;
  readonly provenance: SavedProvenance;
}

/** What the file says beside the network itself. */
export interface SavedNetworkMeta {
  readonly loss: LossKind;
  readonly classNames?: readonly string[] | null;
  readonly encoding?: string | null;
  readonly provenance: Omit<SavedProvenance, 'savedAt' | 'validationAccuracy' | 'validationLoss' | 'seed'> &
    Partial<Pick<SavedProvenance, 'savedAt' | 'validationAccuracy' | 'validationLoss' | 'seed'>>;
}

const copy = (t: Tensor): Tensor => ({ shape: [...t.shape], data: t.data.slice() });

/** A saved network holding copies of `net`'s parameters and batchnorm statistics. */
export function savedNetworkOf(net: Network, meta: SavedNetworkMeta): SavedNetwork {
  const p = meta.provenance;
  return {
    format: SAVED_NETWORK_FORMAT,
    version: SAVED_NETWORK_VERSION,
    inputShape: [...net.inputShape],
    layers: net.layers.map((l) => structuredCloneSpec(l.spec)),
    loss: meta.loss,
    classNames: meta.classNames ? [...meta.classNames] : null,
    encoding: meta.encoding ?? null,
    parameters: Object.fromEntries(Object.entries(net.params).map(([name, t]) => [name, copy(t)])),
    running: Object.fromEntries(Object.entries(net.running).map(([name, s]) => [name, { mean: copy(s.mean), var: copy(s.var) }])),
    provenance: {
      savedAt: p.savedAt ?? new Date().toISOString(),
      steps: p.steps,
      epochs: p.epochs,
      validationAccuracy: p.validationAccuracy ?? null,
      validationLoss: p.validationLoss ?? null,
      seed: p.seed ?? null,
    },
  };
}

function structuredCloneSpec(spec: LayerSpec): LayerSpec {
  return JSON.parse(JSON.stringify(spec)) as LayerSpec;
}

const tensorJson = (t: Tensor) => ({ shape: [...t.shape], values: float64ToBase64(t.data) });

/** The file's text for a saved network (checked first, so the file always reads back). */
export function stringifySavedNetwork(saved: SavedNetwork): string {
  // One line per top-level field and per tensor: readable in an editor, no line of values broken up.
  const entries = (o: Readonly<Record<string, unknown>>) =>
    `{\n${Object.entries(o).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n }`;
  const fields: [string, string][] = [
    ['format', JSON.stringify(SAVED_NETWORK_FORMAT)],
    ['version', JSON.stringify(SAVED_NETWORK_VERSION)],
    ['values', JSON.stringify(SAVED_VALUES_ENCODING)],
    ['inputShape', JSON.stringify(saved.inputShape)],
    ['layers', `[\n${saved.layers.map((l) => `  ${JSON.stringify(l)}`).join(',\n')}\n ]`],
    ['loss', JSON.stringify(saved.loss)],
    ['classNames', JSON.stringify(saved.classNames)],
    ['encoding', JSON.stringify(saved.encoding)],
    ['parameters', entries(Object.fromEntries(Object.entries(saved.parameters).map(([name, t]) => [name, tensorJson(t)])))],
    ['running', entries(Object.fromEntries(Object.entries(saved.running).map(([name, st]) => [name, { mean: tensorJson(st.mean), var: tensorJson(st.var) }])))],
    ['provenance', JSON.stringify(saved.provenance)],
  ];
  const json = `{\n${fields.map(([k, v]) => ` ${JSON.stringify(k)}: ${v}`).join(',\n')}\n}\n`;
  if (json.length > SAVED_NETWORK_MAX_BYTES) {
    throw new ParamError(OP, `this network's file would be ${megabytes(json.length)}, over the limit of ${SAVED_NETWORK_LIMIT_TEXT} a page reads back; use fewer or smaller layers`);
  }
  return json;
}

/** The file's text for a network (its parameters and batchnorm running averages) and what goes with it. */
export function serializeNetwork(net: Network, meta: SavedNetworkMeta): string {
  const saved = savedNetworkOf(net, meta);
  // The same checks a reader's file gets: a network that could not be read back is not written.
  validateSaved(saved);
  return stringifySavedNetwork(saved);
}

function megabytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

// ------------------------------------------------------------- reading

const FILE_KEYS = ['format', 'version', 'values', 'inputShape', 'layers', 'loss', 'classNames', 'encoding', 'parameters', 'running', 'provenance'];
const PROVENANCE_KEYS = ['savedAt', 'steps', 'epochs', 'validationAccuracy', 'validationLoss', 'seed'];
const LAYER_KEYS: Readonly<Record<string, readonly string[]>> = {
  conv: ['type', 'name', 'size', 'filters', 'stride', 'padding'],
  batchnorm: ['type', 'name', 'eps', 'momentum'],
  activation: ['type', 'kind'],
  pool: ['type', 'kind', 'window', 'stride'],
  flatten: ['type'],
  dense: ['type', 'name', 'units'],
};

function nullable<T>(value: unknown, read: (v: unknown) => T): T | null {
  return value === null ? null : read(value);
}

function readTensor(value: unknown, path: string): Tensor {
  const r = record(value, path);
  onlyKeys(r, ['shape', 'values'], path);
  const shape = list(r.shape, `${path}.shape`, 1, 8).map((s, i) => integer(s, `${path}.shape[${i}]`, 1, LIMITS.parameters));
  const n = sizeOf(shape);
  if (n > LIMITS.parameters) throw new ProtocolError(`${path} holds ${n} values, over the limit of ${LIMITS.parameters}`);
  if (typeof r.values !== 'string') throw new ProtocolError(`${path}.values must be the values as ${SAVED_VALUES_ENCODING} text, got ${describe(r.values)}`);
  const data = base64ToFloat64(r.values);
  if (!data) throw new ProtocolError(`${path}.values is not ${SAVED_VALUES_ENCODING} text (base64 of 8 bytes a value); the file may have been edited or cut short`);
  if (data.length !== n) throw new ProtocolError(`${path}.values holds ${data.length} values but its shape ${formatShape(shape)} needs ${n}`);
  const bad = data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new ProtocolError(`${path}.values holds ${data[bad]} at index ${bad}; every value must be a finite number`);
  return { shape, data };
}

function readLayer(value: unknown, path: string): LayerSpec {
  const r = record(value, path);
  const type = oneOf(r.type, `${path}.type`, Object.keys(LAYER_KEYS));
  onlyKeys(r, LAYER_KEYS[type]!, `${path} (${type})`);
  return r as unknown as LayerSpec;
}

function readProvenance(value: unknown, path: string): SavedProvenance {
  const r = record(value, path);
  onlyKeys(r, PROVENANCE_KEYS, path);
  const savedAt = text(r.savedAt, `${path}.savedAt`, 40);
  if (Number.isNaN(Date.parse(savedAt))) throw new ProtocolError(`${path}.savedAt must be a date and time (ISO 8601), got ${describe(savedAt)}`);
  return {
    savedAt,
    steps: integer(r.steps, `${path}.steps`, 0, LIMITS.steps),
    epochs: integer(r.epochs, `${path}.epochs`, 0, LIMITS.epochs),
    validationAccuracy: nullable(r.validationAccuracy, (v) => finite(v, `${path}.validationAccuracy`, 0, 1)),
    validationLoss: nullable(r.validationLoss, (v) => finite(v, `${path}.validationLoss`, 0)),
    seed: nullable(r.seed, (v) => integer(v, `${path}.seed`, 0, 2 ** 32 - 1)),
  };
}

/** The plan's checks on a decoded saved network: architecture, every parameter present with its planned shape, running statistics. */
function validateSaved(saved: SavedNetwork): NetworkPlan {
  let plan: NetworkPlan;
  try {
    plan = planNetwork(saved.layers, { inputShape: saved.inputShape, parameters: saved.parameters });
    for (const layer of plan.layers) {
      for (const p of layer.params) {
        if (!saved.parameters[p.name]) throw new ParamError('network', `layer ${layer.index} (${layer.label}) needs the parameter ${p.name} ${formatShape(p.shape)}, which the file does not hold`);
      }
      if (layer.spec.type === 'batchnorm' && !saved.running[layer.spec.name]) {
        throw new ParamError('network', `layer ${layer.index} (${layer.label}) needs its running mean and var, which the file does not hold`);
      }
    }
    checkRunning(plan, saved.running);
  } catch (e) {
    if (e instanceof AtlasError) throw new ParamError(OP, `the network it describes cannot be built: ${e.message}`);
    throw e;
  }
  const count = Object.values(saved.parameters).reduce((s, t) => s + t.data.length, 0);
  if (count > LIMITS.parameters) throw new ParamError(OP, `the network has ${count} parameters, over the limit of ${LIMITS.parameters} for the page`);
  const k = plan.outputShape.length === 1 ? plan.outputShape[0]! : null;
  if (saved.classNames && saved.classNames.length !== k) {
    throw new ParamError(OP, `it names ${saved.classNames.length} classes, but the network's output has ${k === null ? `shape ${formatShape(plan.outputShape)}` : `${k} values`}`);
  }
  if (saved.classNames && saved.loss !== 'cross_entropy') throw new ParamError(OP, `class names go with the cross_entropy loss, not ${saved.loss}`);
  return plan;
}

/**
 * Reads a network file. Throws ParamError ("network file: ...") saying what
 * is wrong: not JSON, another format, a newer version, a missing or unknown
 * field, an architecture eq. 2 refuses, a tensor of the wrong shape or with a
 * value that is not finite, a file over the size limit.
 */
export function parseSavedNetwork(source: string): SavedNetwork {
  if (typeof source !== 'string') throw new ParamError(OP, `expected the text of a file, got ${describe(source)}`);
  if (source.length > SAVED_NETWORK_MAX_BYTES) {
    throw new ParamError(OP, `the file is ${megabytes(source.length)}, over the limit of ${SAVED_NETWORK_LIMIT_TEXT}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch (e) {
    throw new ParamError(OP, `the file is not valid JSON (${e instanceof Error ? e.message : String(e)}); expected a network saved by CNN Atlas`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ParamError(OP, `expected a JSON object saved by CNN Atlas, got ${describe(json)}`);
  }
  const r = json as Record<string, unknown>;
  if (r.format !== SAVED_NETWORK_FORMAT) {
    throw new ParamError(OP, `this is not a CNN Atlas network (its "format" is ${r.format === undefined ? 'missing' : describe(r.format)}, expected "${SAVED_NETWORK_FORMAT}")`);
  }
  if (typeof r.version !== 'number' || !Number.isInteger(r.version) || r.version < 1) {
    throw new ParamError(OP, `"version" must be a whole number from 1, got ${describe(r.version)}`);
  }
  if (r.version > SAVED_NETWORK_VERSION) {
    throw new ParamError(OP, `the file is format version ${r.version}, written by a newer CNN Atlas; this page reads version ${SAVED_NETWORK_VERSION}`);
  }
  let saved: SavedNetwork;
  try {
    onlyKeys(r, FILE_KEYS, 'the file');
    if (r.values !== SAVED_VALUES_ENCODING) throw new ProtocolError(`values must be "${SAVED_VALUES_ENCODING}", got ${describe(r.values)}`);
    const inputShape = list(r.inputShape, 'inputShape', 1, 4).map((s, i) => integer(s, `inputShape[${i}]`, 1, LIMITS.tensorValues));
    const layers = list(r.layers, 'layers', 1, LIMITS.layers).map((l, i) => readLayer(l, `layers[${i}]`));
    const parameters = Object.fromEntries(Object.entries(record(r.parameters, 'parameters')).map(([name, t]) => [name, readTensor(t, `parameters[${JSON.stringify(name)}]`)]));
    const running = Object.fromEntries(
      Object.entries(record(r.running, 'running')).map(([name, s]) => {
        const path = `running[${JSON.stringify(name)}]`;
        const o = record(s, path);
        onlyKeys(o, ['mean', 'var'], path);
        return [name, { mean: readTensor(o.mean, `${path}.mean`), var: readTensor(o.var, `${path}.var`) }];
      }),
    );
    saved = {
      format: SAVED_NETWORK_FORMAT,
      version: SAVED_NETWORK_VERSION,
      inputShape,
      layers,
      loss: oneOf(r.loss, 'loss', LOSS_KINDS),
      classNames: nullable(r.classNames, (v) => list(v, 'classNames', 1, 1000).map((c, i) => text(c, `classNames[${i}]`, 100))),
      encoding: nullable(r.encoding, (v) => text(v, 'encoding', 40)),
      parameters,
      running,
      provenance: readProvenance(r.provenance, 'provenance'),
    };
  } catch (e) {
    if (e instanceof ProtocolError) throw new ParamError(OP, e.message);
    throw e;
  }
  const plan = validateSaved(saved);
  return { ...saved, layers: plan.layers.map((l) => l.spec) };
}

/** A network with the saved parameters and batchnorm statistics (copies). */
export function networkFromSaved(saved: SavedNetwork): Network {
  return createNetwork(saved.layers, { inputShape: saved.inputShape, parameters: saved.parameters, running: saved.running });
}

/**
 * A training job's network starting from a saved network: its architecture,
 * parameters and batchnorm running averages (copies). Put it in
 * `TrainingJob.network` to train on from there, or start the job paused to
 * look at the saved network and `predict` with it.
 */
export function networkDescriptionOf(saved: SavedNetwork): NetworkDescription {
  return {
    layers: saved.layers.map(structuredCloneSpec),
    inputShape: [...saved.inputShape],
    parameters: Object.fromEntries(Object.entries(saved.parameters).map(([name, t]) => [name, copy(t)])),
    running: Object.fromEntries(Object.entries(saved.running).map(([name, s]) => [name, { mean: copy(s.mean), var: copy(s.var) }])),
  };
}

/** A file name for a download: cnn-atlas-network-<run>-step<N>.json (letters, digits and dashes only). */
export function savedNetworkFileName(runId: string, step: number): string {
  const run = runId.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'run';
  return `cnn-atlas-network-${run}-step${step}.json`;
}
