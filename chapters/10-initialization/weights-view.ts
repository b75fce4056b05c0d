/** The drawn weights as a histogram, the truncated normal density over it and the cut-offs marked. */
import type { TermBus } from '../../src/notebook/index.ts';
import { createHistogram } from '../../src/viz/charts/histogram.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { densityCurve, type WeightSample } from './density.ts';

export function weightsView(container: HTMLElement, bus: TermBus) {
  const chart = createHistogram(container, { values: [] }, { xLabel: 'weight value w', yLabel: 'density (1 / unit of w)', normalize: 'density' });
  const unlink = linkTerm(chart.node as HTMLElement, 'W', bus);
  return {
    node: chart.node,
    update(sample: WeightSample, sigma: number, cut: number) {
      const span = (cut + 1) * sigma;
      const curve = densityCurve(0, sigma, cut, span);
      chart.update({
        values: sample.values,
        bins: 40,
        domain: [-span, span],
        curve: { x: curve.x, y: curve.y, label: 'truncated normal density' },
        markers: [
          { at: -cut * sigma, label: `−${cut}σ` },
          { at: cut * sigma, label: `+${cut}σ` },
        ],
        name: 'drawn weights',
      });
    },
    dispose() {
      unlink();
      chart.dispose();
    },
  };
}
