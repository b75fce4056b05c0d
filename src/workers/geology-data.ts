/**
 * The 'geology' data generator of the training worker: synthetic geological
 * grids (src/data) made inside the worker, where generating a few hundred 3D
 * blocks does not hold up the page, then split into training and validation
 * sets with the same share of every structure class.
 *
 *   data: { kind: 'generated', generator: 'geology', options: GeologyDataOptions }
 */
import { createDataset, createTargetScaler, normalizeTargets, splitDataset, type Dataset, type DatasetOptions } from '../data/index.ts';
import { finite, integer, oneOf, onlyKeys, optional, record } from '../model/protocol-checks.ts';
import type { PreparedData } from '../model/training-data.ts';

export interface GeologyDataOptions {
  /** Passed to createDataset, which checks it. */
  readonly dataset: DatasetOptions;
  /** Share of each class held out for validation, in [0, 1); 0 for none. Default 0.2. */
  readonly validationFraction?: number;
  /** Seeds the split; default the data set's seed. */
  readonly splitSeed?: number;
  /**
   * 'classes' (default): one-hot rows of the structure type, for cross-entropy.
   * 'properties': the regression targets (net-to-gross, dip) mapped onto [0, 1]
   * by their documented ranges, for MSE.
   */
  readonly target?: 'classes' | 'properties';
}

function toSet(ds: Dataset, target: 'classes' | 'properties') {
  return { x: ds.inputs, target: target === 'classes' ? ds.oneHot : normalizeTargets(ds.targets, createTargetScaler('range')) };
}

export function geologyData(options: unknown): PreparedData {
  const path = 'data.options';
  const o = record(options, path);
  onlyKeys(o, ['dataset', 'validationFraction', 'splitSeed', 'target'], path);
  const fraction = optional(o.validationFraction, (v) => finite(v, `${path}.validationFraction`, 0, 0.99), 0.2);
  const target = optional(o.target, (v) => oneOf(v, `${path}.target`, ['classes', 'properties'] as const), 'classes' as const);
  const datasetOptions = record(o.dataset, `${path}.dataset`) as unknown as DatasetOptions;
  const dataset = createDataset(datasetOptions); // checks every option, seed included
  const splitSeed = optional(o.splitSeed, (v) => integer(v, `${path}.splitSeed`, 0, 2 ** 32 - 1), datasetOptions.seed);
  const classNames = target === 'classes' ? dataset.classNames : null;
  const encoding = dataset.encoding;
  if (fraction === 0) return { train: toSet(dataset, target), validation: null, classNames, encoding };
  const parts = splitDataset(dataset, { validationFraction: fraction, seed: splitSeed });
  return { train: toSet(parts.train, target), validation: toSet(parts.validation, target), classNames, encoding };
}
