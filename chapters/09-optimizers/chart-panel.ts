/**
 * A line chart with a sentence under it that says what it shows now (an
 * overshoot measured, a ratio checked), linked to the equation terms it
 * draws: pointing at the term outlines the figure, pointing at the figure
 * marks the term.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { outlineOnTerms } from '../../src/notebook/term-outline.ts';
import { createLineChart, type LineChartData, type LineChartOptions } from '../../src/viz/charts/index.ts';

export interface ChartPanel {
  readonly node: HTMLElement;
  update(data: LineChartData, note?: string): void;
  dispose(): void;
}

export function chartPanel(container: HTMLElement, bus: TermBus, options: LineChartOptions, terms: readonly string[] = []): ChartPanel {
  const node = document.createElement('div');
  node.className = 'opt-chart';
  container.append(node);
  const chart = createLineChart(node, { series: [] }, options);
  const note = document.createElement('p');
  note.className = 'opt-chart__note';
  note.hidden = true;
  node.append(note);
  const unlink = outlineOnTerms(node, bus, terms);
  return {
    node,
    update(data, text = '') {
      chart.update(data);
      if (note.textContent !== text) note.textContent = text;
      note.hidden = text === '';
    },
    dispose() {
      unlink();
      chart.dispose();
      node.remove();
    },
  };
}
