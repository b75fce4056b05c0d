/** The views' text alternatives: what each shows right now, its shape and value range. Pure. */
import type { Tensor } from '../../src/tensor/index.ts';
import { FEATURE_MAPS } from './filters.ts';
import { formatNumber as formatValue } from './format.ts';
import type { RunningHistory } from './running.ts';
import type { BatchSummary, InputPanels, VoxelPanel } from './view-data.ts';

function range(t: Tensor): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of t.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === hi ? `every value ${formatValue(lo)}` : `values from ${formatValue(lo)} to ${formatValue(hi)}`;
}

const shape = (t: Tensor): string => t.shape.join(' × ');

export function describeInput(panels: InputPanels): string {
  const spatial = panels.before.tensor.shape.map((s) => s + 2).join(' × ');
  return `Sample ${panels.pick.sample} (${panels.kind}): ${spatial} cells × 4 facies, one map per facies (shale, sandstone, siltstone, limestone), 1 where the cell holds that facies, else 0.`;
}

export function describePanel(panel: VoxelPanel): string {
  return `${panel.name.replace(/,$/, '')}: ${shape(panel.tensor)} cells, ${range(panel.tensor)}; colour scale from ${formatValue(panel.domain[0])} to ${formatValue(panel.domain[1])}, white at 0.`;
}

export function describeBefore(summary: Pick<BatchSummary, 'before'>): string {
  const parts = FEATURE_MAPS.map((m, c) => `map ${c} (${m.name}) mean ${formatValue(summary.before.mean[c]!)}, standard deviation ${formatValue(summary.before.std[c]!)}`);
  return `Four histograms of the pre-activations over the whole mini-batch, each on its own range: ${parts.join('; ')}.`;
}

export function describeAfter(summary: BatchSummary): string {
  const parts = FEATURE_MAPS.map((_m, c) => `map ${c} mean ${formatValue(summary.after.mean[c]!)}, standard deviation ${formatValue(summary.after.std[c]!)}`);
  return `Four histograms after batch normalization in train mode, on one common range: ${parts.join('; ')}.`;
}

export function describeCompare(summary: BatchSummary, map: number): string {
  return `Map ${map} (${FEATURE_MAPS[map]!.name}) after BN: train mode mean ${formatValue(summary.after.mean[map]!)} and standard deviation ${formatValue(summary.after.std[map]!)} (bars); inference mode mean ${formatValue(summary.inference.mean[map]!)} and standard deviation ${formatValue(summary.inference.std[map]!)} (line); largest difference between the two outputs ${formatValue(summary.difference[map]!)}.`;
}

export function describeRunning(history: RunningHistory, map: number): string {
  const last = history.running[history.running.length - 1]!;
  const t = history.running.length - 1;
  return `Map ${map} (${FEATURE_MAPS[map]!.name}): after ${t} training batch${t === 1 ? '' : 'es'} with momentum ${formatValue(history.momentum)}, running mean ${formatValue(last.mean.data[map]!)} and running variance ${formatValue(last.var.data[map]!)}, starting from 0 and 1.`;
}
