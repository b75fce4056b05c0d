/** The figures' text alternatives: what each view shows now, its shape and value range. */
import { formatCount } from './explain.ts';
import type { StrideScene } from './stride-padding.ts';

const shape = (s: readonly number[], dims: number): string => s.slice(0, dims).join(' × ');

function extent(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

export function describeInput(scene: StrideScene): string {
  const d = scene.config.dims;
  const [lo, hi] = extent(scene.coverage.data);
  const p = scene.geometry.padding.slice(0, d).join(' × ');
  return (
    `Padded input ${shape(scene.padded, d)} cells: the input, ${shape(scene.geometry.input, d)} cells, with padding ${p} on each side. ` +
    `${formatCount(scene.positions.length)} window positions of ${shape(scene.geometry.window, d)} cells; each cell is read by ${lo} to ${hi} of them` +
    (scene.counts.unreadInput > 0 ? `, and ${formatCount(scene.counts.unreadInput)} input cells by none.` : '.')
  );
}

export function describeOutput(scene: StrideScene): string {
  const d = scene.config.dims;
  const { seenMin, seenMax, taps, outputCells } = scene.counts;
  return `Output H ${shape(scene.geometry.output, d)} × 1: ${formatCount(outputCells)} cells, each seeing ${seenMin === seenMax ? seenMax : `${seenMin} to ${seenMax}`} input cells of its ${taps}-cell window.`;
}

export function describeAxes(scene: StrideScene): string {
  const d = scene.config.dims;
  return scene.lines
    .slice(0, d)
    .map((l) => `Along ${l.axis}: ${l.padded} padded cells, windows starting at ${l.starts.join(', ')}, ${l.starts.length} outputs, ${l.dropped} dropped.`)
    .join(' ');
}
