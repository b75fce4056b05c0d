/**
 * Small multiples: one D3 histogram per feature map (src/viz/charts), the map
 * the 3D views show outlined. Each bar counts values of the map over the
 * whole mini-batch; the rules mark the mean and one standard deviation.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { createHistogram, type Histogram } from '../../src/viz/charts/index.ts';
import { outlineOnTerms } from '../../src/notebook/term-outline.ts';
import type { HistogramPanel } from './view-data.ts';

export interface HistogramGrid {
  readonly node: HTMLElement;
  update(panels: readonly HistogramPanel[], selected: number): void;
  dispose(): void;
}

export function histogramGrid(container: HTMLElement, bus: TermBus, terms: readonly string[], xLabel: string): HistogramGrid {
  const grid = document.createElement('div');
  grid.className = 'bn-histograms';
  container.append(grid);
  const unlink = outlineOnTerms(grid, bus, terms);
  const cells: { cell: HTMLElement; chart: Histogram }[] = [];
  let drawn: readonly HistogramPanel[] | null = null;
  return {
    node: grid,
    update(panels, selected) {
      // The same panels with another map selected: only the outline moves, no chart is redrawn.
      const same = panels === drawn;
      drawn = panels;
      panels.forEach((panel, i) => {
        if (same && cells[i]) {
          cells[i]!.cell.classList.toggle('is-selected', panel.map === selected);
          return;
        }
        const data = { values: panel.values, domain: panel.domain, markers: panel.markers, name: panel.name };
        if (!cells[i]) {
          const cell = document.createElement('div');
          cell.className = 'bn-histograms__cell';
          grid.append(cell);
          cells[i] = { cell, chart: createHistogram(cell, data, { title: panel.title, xLabel, normalize: 'count' }) };
        } else {
          cells[i]!.chart.update(data);
        }
        cells[i]!.cell.classList.toggle('is-selected', panel.map === selected);
      });
    },
    dispose() {
      unlink();
      cells.forEach(({ chart }) => chart.dispose());
      grid.remove();
    },
  };
}
