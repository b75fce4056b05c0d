/**
 * The stack's per-layer line charts: the spread of the activations, the
 * share of dead or saturated units (biases at ones and at zeros together),
 * and the size of the weight gradients. Log scales where values span
 * decades; views only draw what stack.ts measured.
 */
import { createLineChart } from '../../src/viz/charts/line-chart.ts';
import { ACTIVATION_NAMES, inactiveWord } from './describe.ts';
import type { StackResult } from './stack.ts';

const layersOf = (r: StackResult) => Float64Array.from(r.layers.map((l) => l.layer));
const positive = (v: number | null) => (v !== null && v > 0 && Number.isFinite(v) ? v : NaN);

export function spreadView(container: HTMLElement) {
  const chart = createLineChart(container, { series: [] }, { xLabel: 'layer m', yLabel: 'std of Hᵐ', yScale: 'log', description: 'spread of the activations per layer' });
  return {
    node: chart.node,
    update(result: StackResult, other: StackResult) {
      chart.update({
        series: [
          { name: `biases at ${result.settings.bias}`, x: layersOf(result), y: Float64Array.from(result.layers.map((l) => positive(l.std))) },
          { name: `biases at ${other.settings.bias}`, x: layersOf(other), y: Float64Array.from(other.layers.map((l) => positive(l.std))), dashed: true },
        ],
      });
    },
    dispose: () => chart.dispose(),
  };
}

export function inactiveView(container: HTMLElement) {
  const chart = createLineChart(container, { series: [] }, { xLabel: 'layer m', yLabel: 'units (%)', yDomain: [0, 100], description: 'share of dead or saturated units per layer' });
  return {
    node: chart.node,
    update(result: StackResult, other: StackResult) {
      const word = `${inactiveWord(result.settings.kind)} (${ACTIVATION_NAMES[result.settings.kind]})`;
      chart.update({
        series: [
          { name: `${word}, biases at ${result.settings.bias}`, x: layersOf(result), y: Float64Array.from(result.layers.map((l) => l.inactive * 100)) },
          { name: `biases at ${other.settings.bias}`, x: layersOf(other), y: Float64Array.from(other.layers.map((l) => l.inactive * 100)), dashed: true },
        ],
      });
    },
    dispose: () => chart.dispose(),
  };
}

export function gradView(container: HTMLElement) {
  const chart = createLineChart(container, { series: [] }, { xLabel: 'layer m', yLabel: 'rms of ∂L/∂Wᵐ', yScale: 'log', description: 'size of the weight gradient per layer' });
  return {
    node: chart.node,
    update(result: StackResult) {
      chart.update({
        series: [{ name: `gradient, biases at ${result.settings.bias}`, x: layersOf(result), y: Float64Array.from(result.layers.map((l) => positive(l.gradRms))) }],
      });
    },
    dispose: () => chart.dispose(),
  };
}
