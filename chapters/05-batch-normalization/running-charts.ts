/**
 * How the running averages of one feature map move as training batches are
 * fed: the running mean and variance after each batch (solid), each batch's
 * own statistics (dashed), and the shown batch's (dotted line, the value the
 * train mode divides by). Two D3 line charts from src/viz/charts.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { createLineChart, type LineChart, type LineSeries } from '../../src/viz/charts/index.ts';
import { seriesColor } from '../../src/viz/paint/palette.ts';
import { MAX_STEPS } from './running.ts';
import { outlineOnTerms } from '../../src/notebook/term-outline.ts';
import type { RunningSeries } from './view-data.ts';

export interface RunningCharts {
  readonly node: HTMLElement;
  update(series: RunningSeries): void;
  dispose(): void;
}

const RUNNING = seriesColor(0);
const BATCH = seriesColor(1);
const SHOWN = seriesColor(2);

function meanSeries(s: RunningSeries): LineSeries[] {
  return [
    { name: 'running mean μ̂', x: s.x, y: s.runMean, color: RUNNING },
    { name: 'each training batch μ', x: s.x, y: s.batchMean, color: BATCH, dashed: true },
    { name: 'shown batch μ', x: s.x, y: s.shownMean, color: SHOWN, dashed: true },
  ];
}

function varSeries(s: RunningSeries): LineSeries[] {
  return [
    { name: 'running variance σ̂²', x: s.x, y: s.runVar, color: RUNNING },
    { name: 'each training batch, unbiased', x: s.x, y: s.batchVar, color: BATCH, dashed: true },
    { name: 'shown batch, unbiased', x: s.x, y: s.shownVar, color: SHOWN, dashed: true },
  ];
}

export function runningCharts(container: HTMLElement, bus: TermBus): RunningCharts {
  const grid = document.createElement('div');
  grid.className = 'bn-charts';
  const left = document.createElement('div');
  const right = document.createElement('div');
  grid.append(left, right);
  container.append(grid);
  const unlinkLeft = outlineOnTerms(left, bus, ['runMean', 'momentum']);
  const unlinkRight = outlineOnTerms(right, bus, ['runVar', 'momentum']);
  let mean: LineChart | null = null;
  let variance: LineChart | null = null;
  const xDomain = [0, MAX_STEPS] as const;
  return {
    node: grid,
    update(series) {
      if (!mean || !variance) {
        mean = createLineChart(left, { series: meanSeries(series) }, { title: 'Mean', xLabel: 'training batches fed, k', yLabel: 'mean', xDomain, description: 'Running mean of the shown feature map after each training batch' });
        variance = createLineChart(right, { series: varSeries(series) }, { title: 'Variance', xLabel: 'training batches fed, k', yLabel: 'variance', xDomain, description: 'Running variance of the shown feature map after each training batch' });
      } else {
        mean.update({ series: meanSeries(series) });
        variance.update({ series: varSeries(series) });
      }
    },
    dispose() {
      unlinkLeft();
      unlinkRight();
      mean?.dispose();
      variance?.dispose();
      grid.remove();
    },
  };
}
