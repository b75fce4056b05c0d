/**
 * What each view of chapter 5 draws, computed from the cells' values: the
 * histogram panels (values, bins' range, mean and spread markers), the voxel
 * grids of one sample and one map with their colour domains, the series of
 * the running-average charts and the rows of the tables. Views only draw
 * these. No DOM.
 */
import type { Dims } from '../../src/data/index.ts';
import type { ActivationKind } from '../../src/nn/activation.ts';
import { niceDomainOf, niceExtent } from '../../src/viz/paint/domain.ts';
import type { Tensor } from '../../src/tensor/index.ts';
import type { MiniBatch } from './batch.ts';
import type { Normalized } from './block.ts';
import { FEATURE_MAPS, MAP_COUNT } from './filters.ts';
import type { BatchStatistics, RunningHistory } from './running.ts';
import { activeShare, checkSample, largestDifference, mapMoments, mapValues, sampleMap, sampleOf, type MapMoments } from './statistics.ts';

/** Which sample and feature map the 3D views show. */
export interface Pick {
  readonly sample: number;
  readonly map: number;
}

/** Everything the tables and histograms say about the shown batch, per map. */
export interface BatchSummary {
  readonly before: MapMoments;
  /** Train mode (batch statistics). */
  readonly after: MapMoments;
  /** Inference mode (running averages). */
  readonly inference: MapMoments;
  /** Share of values in g's active zone without BN (g applied to W H + b) and with it (train mode). */
  readonly activeBefore: Float64Array;
  readonly activeAfter: Float64Array;
  /** Largest |train − inference| output per map. */
  readonly difference: Float64Array;
  readonly g: ActivationKind;
}

export function summarize(pre: Tensor, normalized: Normalized, g: ActivationKind): BatchSummary {
  return {
    before: mapMoments(pre),
    after: mapMoments(normalized.train.y),
    inference: mapMoments(normalized.inference.y),
    activeBefore: activeShare(pre, g),
    activeAfter: activeShare(normalized.train.y, g),
    difference: largestDifference(normalized.train.y, normalized.inference.y),
    g,
  };
}

export interface Marker {
  readonly at: number;
  readonly label: string;
}

export interface HistogramPanel {
  readonly map: number;
  readonly title: string;
  readonly values: Float64Array;
  readonly domain: readonly [number, number];
  readonly markers: readonly Marker[];
  readonly name: string;
}

/** A bins' range that never collapses: all-equal values (one value per map) get a unit-wide range around them. */
function rangeOf(lo: number, hi: number): [number, number] {
  if (!(hi - lo > 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi)))) return [lo - 1, hi + 1];
  return niceExtent(lo, hi);
}

function extentOf(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < lo) lo = values[i]!;
    if (values[i]! > hi) hi = values[i]!;
  }
  return [lo, hi];
}

function spreadMarkers(mean: number, std: number, centre: string, spread: string): Marker[] {
  if (!(std > 1e-12)) return [{ at: mean, label: centre }];
  return [
    { at: mean - std, label: `−${spread}` },
    { at: mean, label: centre },
    { at: mean + std, label: `+${spread}` },
  ];
}

/** Before BN: each map on its own range, marked at its mean and one standard deviation either side (only `before` of the summary is read). */
export function beforePanels(pre: Tensor, summary: { readonly before: MapMoments }): HistogramPanel[] {
  return FEATURE_MAPS.map((info, c) => {
    const values = mapValues(pre, c);
    const [lo, hi] = extentOf(values);
    return {
      map: c,
      title: `Map ${c}, ${info.name}`,
      values,
      domain: rangeOf(lo, hi),
      markers: spreadMarkers(summary.before.mean[c]!, summary.before.std[c]!, 'μ', 'σ'),
      name: `values of map ${c} (${info.name}) before BN`,
    };
  });
}

/** After BN (train mode): every map on one common range, marked at its mean (beta) and spread (about |gamma|). */
export function afterPanels(post: Tensor, summary: BatchSummary): HistogramPanel[] {
  const [lo, hi] = extentOf(post.data);
  const domain = rangeOf(lo, hi);
  return FEATURE_MAPS.map((info, c) => ({
    map: c,
    title: `Map ${c}, ${info.name}`,
    values: mapValues(post, c),
    domain,
    markers: spreadMarkers(summary.after.mean[c]!, summary.after.std[c]!, 'β', 'sd'),
    name: `values of map ${c} (${info.name}) after BN`,
  }));
}

export interface ComparePanel {
  readonly values: Float64Array;
  readonly domain: readonly [number, number];
  readonly edges: number[];
  /** Inference-mode output of the same map as a density over the same bins (bin centres, densities). */
  readonly curve: { x: Float64Array; y: Float64Array; label: string };
  readonly name: string;
}

const COMPARE_BINS = 24;

/** Map c after BN in train mode (bars) and in inference mode (a density line over the same bins). */
export function comparePanel(normalized: Normalized, c: number): ComparePanel {
  const train = mapValues(normalized.train.y, c);
  const inference = mapValues(normalized.inference.y, c);
  const [a0, a1] = extentOf(train);
  const [b0, b1] = extentOf(inference);
  const domain = rangeOf(Math.min(a0, b0), Math.max(a1, b1));
  const width = (domain[1] - domain[0]) / COMPARE_BINS;
  const edges = Array.from({ length: COMPARE_BINS + 1 }, (_, i) => domain[0] + i * width);
  const counts = new Float64Array(COMPARE_BINS);
  for (const v of inference) counts[Math.min(COMPARE_BINS - 1, Math.max(0, Math.floor((v - domain[0]) / width)))]! += 1;
  const x = Float64Array.from({ length: COMPARE_BINS }, (_, i) => domain[0] + (i + 0.5) * width);
  const y = counts.map((n) => n / (inference.length * width));
  return { values: train, domain, edges, curve: { x, y, label: 'inference mode (running averages)' }, name: `values of map ${c} after BN in train mode` };
}

export interface VoxelPanel {
  readonly tensor: Tensor;
  readonly domain: readonly [number, number];
  readonly name: string;
}

/** A [x, y, z] grid as [x], [x, y] or [x, y, z] for the input's dims, so the view draws a row, a map or a volume. */
function trimmed(t: Tensor, dims: Dims, extra: readonly number[] = []): Tensor {
  return { shape: [...t.shape.slice(0, dims), ...extra], data: t.data };
}

/** What the input and pre-activation views show: they change with the batch and the pick, not with BN's settings. */
export interface InputPanels {
  /** Sample i's one-hot facies [x, y, z, 4] (y = z = 1 in 1D, z = 1 in 2D). */
  readonly input: Tensor;
  readonly before: VoxelPanel;
  readonly pick: Pick;
  readonly kind: string;
}

/** What the two output views show, on one colour domain so train and inference compare. */
export interface OutputPanels {
  readonly train: VoxelPanel;
  readonly inference: VoxelPanel;
  readonly pick: Pick;
}

const spread = (...ts: Tensor[]): [number, number] => niceDomainOf(extentOf(ts.flatMap((t) => [...extentOf(t.data)])), 'diverging');
const pickLabel = (pick: Pick): string => `map ${pick.map} (${FEATURE_MAPS[pick.map]!.name}) of sample ${pick.sample}`;

/** Sample i's input and sample i's map c of the pre-activations (colours on the map's range over the whole batch). */
export function inputPanels(dims: Dims, batch: MiniBatch, pick: Pick): InputPanels {
  const [n, x, y, z] = batch.x.shape as [number, number, number, number];
  checkSample(pick.sample, n);
  const input = sampleOf(batch.x, pick.sample);
  const before = sampleMap(batch.pre, pick.sample, pick.map);
  return {
    // Rank 4 [x, y, z, d] so the view lays the four facies maps side by side whatever the dims.
    input: { shape: [x, y, z, input.shape[3]!], data: input.data },
    before: { tensor: trimmed(before, dims), domain: spread(mapTensor(batch.pre, pick.map)), name: `W H + b, ${pickLabel(pick)},` },
    pick,
    kind: batch.kinds[pick.sample]!,
  };
}

/** Sample i's map c after BN in both modes, on one colour domain. */
export function outputPanels(dims: Dims, normalized: Normalized, pick: Pick): OutputPanels {
  checkSample(pick.sample, normalized.train.y.shape[0]!);
  const c = pick.map;
  const domain = spread(mapTensor(normalized.train.y, c), mapTensor(normalized.inference.y, c));
  return {
    train: { tensor: trimmed(sampleMap(normalized.train.y, pick.sample, c), dims), domain, name: `BN in train mode, ${pickLabel(pick)},` },
    inference: { tensor: trimmed(sampleMap(normalized.inference.y, pick.sample, c), dims), domain, name: `BN in inference mode, ${pickLabel(pick)},` },
    pick,
  };
}

/** Map c over the whole batch as a flat tensor (for colour domains shared by every sample). */
function mapTensor(t: Tensor, c: number): Tensor {
  const values = mapValues(t, c);
  return { shape: [values.length], data: values };
}

export interface RunningSeries {
  readonly x: Float64Array;
  /** Running mean after k batches, k = 0..t. */
  readonly runMean: Float64Array;
  /** Mean of training batch k (NaN at k = 0). */
  readonly batchMean: Float64Array;
  /** The shown batch's mean, for reference. */
  readonly shownMean: Float64Array;
  readonly runVar: Float64Array;
  readonly batchVar: Float64Array;
  readonly shownVar: Float64Array;
}

/** The running mean and variance of map c batch by batch, beside each batch's own and the shown batch's (`shown`: its BN statistics). */
export function runningSeries(history: RunningHistory, shown: BatchStatistics, c: number): RunningSeries {
  const t = history.running.length;
  const x = Float64Array.from({ length: t }, (_, k) => k);
  const pick = (f: (k: number) => number) => Float64Array.from({ length: t }, (_, k) => f(k));
  // The running variance is unbiased (m / (m - 1)); so are the references drawn beside it.
  const unbiased = (v: number, m: number) => (m > 1 ? (v * m) / (m - 1) : v);
  return {
    x,
    runMean: pick((k) => history.running[k]!.mean.data[c]!),
    batchMean: pick((k) => (k === 0 ? Number.NaN : history.batches[k - 1]!.mean.data[c]!)),
    shownMean: pick(() => shown.mean.data[c]!),
    runVar: pick((k) => history.running[k]!.var.data[c]!),
    batchVar: pick((k) => (k === 0 ? Number.NaN : unbiased(history.batches[k - 1]!.var.data[c]!, history.batches[k - 1]!.count))),
    shownVar: pick(() => unbiased(shown.var.data[c]!, shown.count)),
  };
}

export interface MapRow {
  readonly map: number;
  readonly name: string;
  readonly mean: number;
  readonly std: number;
  readonly afterMean: number;
  readonly afterStd: number;
  readonly activeBefore: number;
  readonly activeAfter: number;
}

export function mapRows(summary: BatchSummary): MapRow[] {
  return Array.from({ length: MAP_COUNT }, (_, c) => ({
    map: c,
    name: FEATURE_MAPS[c]!.name,
    mean: summary.before.mean[c]!,
    std: summary.before.std[c]!,
    afterMean: summary.after.mean[c]!,
    afterStd: summary.after.std[c]!,
    activeBefore: summary.activeBefore[c]!,
    activeAfter: summary.activeAfter[c]!,
  }));
}

export interface ModeRow {
  readonly map: number;
  readonly name: string;
  readonly batchMean: number;
  readonly runMean: number;
  readonly batchVar: number;
  readonly runVar: number;
  readonly inferenceMean: number;
  readonly inferenceStd: number;
  readonly difference: number;
}

/** Train against inference, per map: the statistics each mode divides by, and how far their outputs are apart. */
export function modeRows(normalized: Normalized, summary: BatchSummary): ModeRow[] {
  return Array.from({ length: MAP_COUNT }, (_, c) => ({
    map: c,
    name: FEATURE_MAPS[c]!.name,
    batchMean: normalized.train.mean.data[c]!,
    runMean: normalized.inference.mean.data[c]!,
    batchVar: normalized.train.var.data[c]!,
    runVar: normalized.inference.var.data[c]!,
    inferenceMean: summary.inference.mean[c]!,
    inferenceStd: summary.inference.std[c]!,
    difference: summary.difference[c]!,
  }));
}
