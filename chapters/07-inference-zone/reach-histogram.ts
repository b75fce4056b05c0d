/**
 * The targets of the regression head as a histogram (src/viz/charts' band
 * histogram), each bin split into the targets the chosen output activation g
 * can produce and those it cannot, over a band shading g's range. The x axis
 * is titled with the target and its scaling; when they change the chart is
 * built again with the new title (the chart's axis titles are fixed).
 */
import { createBandHistogram, type BandHistogram } from '../../src/viz/charts/band-histogram.ts';
import { seriesColor } from '../../src/viz/paint/palette.ts';
import { OUTPUT_NAMES, OUTPUT_RANGES, reachBins, type OutputKind, type TargetView } from './regression.ts';

export interface ReachHistogram {
  readonly node: HTMLElement;
  update(view: TargetView, output: OutputKind): void;
  dispose(): void;
}

export const REACH_CLASSES = [
  { name: 'g can produce them', color: seriesColor(0) },
  { name: 'out of reach of g', color: seriesColor(5) },
] as const;

export function reachHistogram(container: HTMLElement): ReachHistogram {
  const node = document.createElement('div');
  node.className = 'iz-view';
  container.append(node);
  let chart: BandHistogram | null = null;
  let label = '';
  return {
    node,
    update(view, output) {
      const range = OUTPUT_RANGES[output];
      const data = {
        bins: reachBins(view.values, output).map((b) => ({ x0: b.x0, x1: b.x1, counts: [...b.counts] })),
        classes: REACH_CLASSES.map((c) => ({ ...c })),
        band: { from: range.lo, to: range.hi, label: `${OUTPUT_NAMES[output]}: ${range.text}` },
        name: `targets, ${view.label}`,
      };
      if (!chart || label !== view.label) {
        chart?.dispose();
        label = view.label;
        chart = createBandHistogram(node, data, { xLabel: view.label, yLabel: 'models' });
      } else {
        chart.update(data);
      }
    },
    dispose() {
      chart?.dispose();
      node.remove();
    },
  };
}
