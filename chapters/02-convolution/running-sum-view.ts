/**
 * The kernel's running sum at the current position as a line chart: the
 * value of `sum` in convForwardReference after each term, from the bias
 * alone (0 terms) to H^m (all terms), and the value conv.ts computed as a
 * dashed line the curve must end on.
 */
import { createLineChart, type LineChart } from '../../src/viz/charts/line-chart.ts';
import type { Breakdown } from './breakdown.ts';
import { superscript } from './format.ts';

export interface RunningSumView {
  readonly node: HTMLElement;
  update(breakdown: Breakdown, m: number): void;
  dispose(): void;
}

export function runningSumView(container: HTMLElement): RunningSumView {
  let chart: LineChart | null = null;
  const data = (bd: Breakdown, m: number) => ({
    series: [
      { name: 'sum after each term', y: bd.running },
      { name: `H${superscript(m)} from conv.ts`, y: bd.running.map(() => bd.computed), dashed: true },
    ],
  });
  return {
    get node() {
      return chart?.node ?? container;
    },
    update(bd, m) {
      if (chart) chart.update(data(bd, m));
      else
        chart = createLineChart(container, data(bd, m), {
          xLabel: 'terms added (0: the bias alone)',
          yLabel: 'sum',
          description: 'The running sum of the products at this position',
        });
    },
    dispose() {
      chart?.dispose();
    },
  };
}
