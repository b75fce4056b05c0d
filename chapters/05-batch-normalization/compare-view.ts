/**
 * One feature map after BN in both modes, on one histogram: bars for train
 * mode (the batch's own statistics), a line for inference mode (the running
 * averages), over the same bins. Where the running averages have not caught
 * up with the batch, the line sits off the bars.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { createHistogram, type Histogram } from '../../src/viz/charts/index.ts';
import { outlineOnTerms } from '../../src/notebook/term-outline.ts';
import type { ComparePanel } from './view-data.ts';

export interface CompareView {
  readonly node: HTMLElement;
  update(panel: ComparePanel): void;
  dispose(): void;
}

export function compareView(container: HTMLElement, bus: TermBus): CompareView {
  const stage = document.createElement('div');
  stage.className = 'bn-compare';
  container.append(stage);
  const unlink = outlineOnTerms(stage, bus, ['runMean', 'runVar', 'BN']);
  let chart: Histogram | null = null;
  return {
    node: stage,
    update(panel) {
      const data = { values: panel.values, bins: panel.edges, domain: panel.domain, curve: panel.curve, name: panel.name };
      if (chart) chart.update(data);
      else chart = createHistogram(stage, data, { xLabel: 'value after BN', normalize: 'density' });
    },
    dispose() {
      unlink();
      chart?.dispose();
      stage.remove();
    },
  };
}
