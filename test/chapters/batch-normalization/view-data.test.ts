/** What chapter 5's views are given to draw: histogram panels, voxel grids, chart series and table rows. */
import { describe, expect, it } from 'vitest';
import { miniBatchOf } from '../../../chapters/05-batch-normalization/batch.ts';
import { normalize } from '../../../chapters/05-batch-normalization/block.ts';
import { batchStatistics, runningHistory, trainingStream } from '../../../chapters/05-batch-normalization/running.ts';
import { geology, nativeSize, trainingSet } from '../../../chapters/05-batch-normalization/batch.ts';
import {
  afterPanels,
  beforePanels,
  comparePanel,
  inputPanels,
  mapRows,
  modeRows,
  outputPanels,
  runningSeries,
  summarize,
} from '../../../chapters/05-batch-normalization/view-data.ts';
import { initialRunningStats } from '../../../src/nn/batchnorm.ts';
import { ShapeError } from '../../../src/tensor/index.ts';

const batch = miniBatchOf({ dims: 2, size: 6, batch: 4 });
const bn = { gamma: 2, beta: -0.5, eps: 1e-5 };
const normalized = normalize(batch.pre, bn, initialRunningStats(4));
const summary = summarize(batch.pre, normalized, 'tanh');

describe('histogram panels', () => {
  it('before BN: each map on its own range, marked at its mean and one standard deviation', () => {
    const panels = beforePanels(batch.pre, summary);
    expect(panels).toHaveLength(4);
    for (const [c, p] of panels.entries()) {
      expect(p.values).toHaveLength(4 * 6 * 6);
      expect(Math.min(...p.values)).toBeGreaterThanOrEqual(p.domain[0]);
      expect(Math.max(...p.values)).toBeLessThanOrEqual(p.domain[1]);
      expect(p.markers.map((m) => m.label)).toEqual(['−σ', 'μ', '+σ']);
      expect(p.markers[1]!.at).toBeCloseTo(summary.before.mean[c]!, 12);
    }
    expect(panels[0]!.domain).not.toEqual(panels[2]!.domain);
  });

  it('after BN: one common range, marked at beta and beta ± |gamma|', () => {
    const panels = afterPanels(normalized.train.y, summary);
    expect(new Set(panels.map((p) => p.domain.join()))).toHaveProperty('size', 1);
    for (const p of panels) {
      expect(p.markers[1]!.at).toBeCloseTo(-0.5, 10);
      // |gamma| sigma / sqrt(sigma^2 + eps): a little under 2 for the porosity map, whose variance is near eps.
      expect(p.markers[2]!.at - p.markers[1]!.at).toBeCloseTo(2, 1);
    }
  });

  it('a map that does not vary keeps a usable range and a single marker', () => {
    const single = miniBatchOf({ dims: 3, size: 1, batch: 1 });
    const n = normalize(single.pre, bn, initialRunningStats(4));
    const s = summarize(single.pre, n, 'relu');
    const [panel] = afterPanels(n.train.y, s);
    expect(panel!.domain).toEqual([-1.5, 0.5]);
    expect(panel!.markers).toEqual([{ at: -0.5, label: 'β' }]);
  });

  it('train against inference: the line is a density over the same bins', () => {
    const panel = comparePanel(normalized, 1);
    const width = panel.edges[1]! - panel.edges[0]!;
    const area = panel.curve.y.reduce((a, b) => a + b * width, 0);
    expect(area).toBeCloseTo(1, 10);
    expect(panel.curve.x).toHaveLength(panel.edges.length - 1);
  });
});

describe('voxel panels', () => {
  it('show one sample: the four facies side by side, one map before and after, outputs on one symmetric domain', () => {
    const pick = { sample: 2, map: 3 };
    const input = inputPanels(2, batch, pick);
    expect(input.input.shape).toEqual([8, 8, 1, 4]);
    expect(input.before.tensor.shape).toEqual([6, 6]);
    const out = outputPanels(2, normalized, pick);
    expect(out.train.domain).toEqual(out.inference.domain);
    expect(out.train.domain[0]).toBe(-out.train.domain[1]);
    expect(out.train.tensor.data[0]).toBe(normalized.train.y.data[2 * 36 * 4 + 3]);
  });

  it('refuse a sample past the end of the batch', () => {
    expect(() => inputPanels(2, batch, { sample: 4, map: 0 })).toThrow(ShapeError);
    expect(() => outputPanels(2, normalized, { sample: 4, map: 0 })).toThrow(ShapeError);
  });
});

describe('running series and tables', () => {
  it('follow the running averages batch by batch, with the shown batch as a flat reference', () => {
    const set = trainingSet(geology(2, nativeSize({ dims: 2, size: 6 })), 6);
    const history = runningHistory(trainingStream(set, 4), 4, 0.5, 3);
    const shown = batchStatistics(batch.pre);
    const series = runningSeries(history, shown, 0);
    expect([...series.x]).toEqual([0, 1, 2, 3]);
    expect(series.runMean[0]).toBe(0);
    expect(series.runVar[0]).toBe(1);
    expect(Number.isNaN(series.batchMean[0]!)).toBe(true);
    expect(series.runMean[1]).toBeCloseTo(0.5 * series.batchMean[1]!, 12);
    expect(new Set(series.shownMean).size).toBe(1);
    expect(series.shownVar[0]).toBeCloseTo((shown.var.data[0]! * shown.count) / (shown.count - 1), 12);
  });

  it('give one row per map with the numbers the views show', () => {
    const rows = mapRows(summary);
    expect(rows.map((r) => r.name)).toEqual(['sand count', 'sand above − below', 'mean porosity', 'random filter']);
    expect(rows[0]!.afterMean).toBeCloseTo(-0.5, 10);
    const modes = modeRows(normalized, summary);
    expect(modes[0]!.runMean).toBe(0);
    expect(modes[0]!.runVar).toBe(1);
    expect(modes[0]!.difference).toBe(summary.difference[0]);
  });
});
