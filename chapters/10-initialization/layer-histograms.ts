/**
 * The activations of every layer of the stack as small multiples: one
 * histogram of Hᵐ per layer, so a collapse (all values in one bar), an
 * explosion (the axis running to ever larger numbers) or saturation (values
 * piled at the ends of Sigmoid and TanH) is seen layer by layer. Sigmoid and
 * TanH layers share their function's whole range as the x-axis so the layers
 * compare directly; ReLU has no upper end, so each layer gets its own.
 * Views only draw what stack.ts measured.
 */
import type { ActivationKind } from '../../src/nn/activation.ts';
import { createHistogram, type Histogram } from '../../src/viz/charts/histogram.ts';
import { niceExtent } from '../../src/viz/paint/domain.ts';
import { superscript } from '../../src/viz/paint/format.ts';
import './layer-histograms.css';
import type { LayerStats, StackResult } from './stack.ts';

const BINS = 24;

/** Where the layer's values are binned: the activation's range where it has one. */
export function layerDomain(kind: ActivationKind, layer: LayerStats): [number, number] {
  if (kind === 'sigmoid') return [0, 1];
  if (kind === 'tanh') return [-1, 1];
  // ReLU: from 0 to the layer's largest value; a layer of zeros still gets a readable axis.
  return layer.maxAbs > 0 ? niceExtent(0, layer.maxAbs) : [0, 1];
}

export function layerHistogramsView(container: HTMLElement) {
  const node = document.createElement('div');
  node.className = 'init-layer-grid';
  container.append(node);
  const charts: Histogram[] = [];
  return {
    node,
    update(result: StackResult) {
      const { layers, settings } = result;
      while (charts.length > layers.length) charts.pop()!.dispose();
      while (charts.length < layers.length) {
        const cell = document.createElement('div');
        cell.className = 'init-layer-grid__cell';
        node.append(cell);
        const m = charts.length + 1;
        charts.push(createHistogram(cell, { values: [] }, { title: `Layer ${m}`, xLabel: `H${superscript(m)} value`, yLabel: 'units × inputs', normalize: 'count', hint: '' }));
      }
      // A chart removed above leaves its cell behind: drop empty cells.
      for (const cell of [...node.children]) if (!cell.firstElementChild) cell.remove();
      layers.forEach((layer, i) => {
        charts[i]!.update({ values: layer.values, bins: BINS, domain: layerDomain(settings.kind, layer), name: `activations of layer ${layer.layer}` });
      });
    },
    dispose() {
      for (const chart of charts.splice(0)) chart.dispose();
      node.remove();
    },
  };
}
