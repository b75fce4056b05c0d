/**
 * A fully connected layer drawn by the matrix-vector chart (src/viz/charts),
 * linked to the page's terms: pointing at W_FC_f, b_f, FC_f or FC_(f-1) in an
 * equation or a code line outlines the figure, and pointing at the chart
 * marks W_FC_f. The chart is built on the first update, so a pass that
 * cannot be computed shows its message, never a made-up matrix.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { outlineOnTerms } from '../../src/notebook/term-outline.ts';
import { createMatrixVector, type MatrixVectorData, type MatrixVectorOptions, type MatrixVectorView } from '../../src/viz/charts/matrix-vector.ts';

export interface DenseView {
  readonly node: HTMLElement;
  show(data: MatrixVectorData): void;
  setColumn(col: number | null): void;
  dispose(): void;
}

export function denseView(container: HTMLElement, bus: TermBus, terms: readonly string[], options: MatrixVectorOptions): DenseView {
  const node = document.createElement('div');
  node.className = 'iz-view';
  container.append(node);
  const unlink = outlineOnTerms(node, bus, terms);
  let chart: MatrixVectorView | null = null;
  return {
    node,
    show(data) {
      if (chart) chart.update(data);
      else chart = createMatrixVector(node, data, options);
    },
    setColumn(col) {
      chart?.setColumn(col);
    },
    dispose() {
      unlink();
      chart?.dispose();
      node.remove();
    },
  };
}
