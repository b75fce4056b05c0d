/**
 * Figure 6 of the tutorial, live: Sigmoid, TanH and ReLU side by side, each
 * with its derivative and its active zone shaded, on the same axes so they
 * can be compared. The chosen g is framed. Every plotted value comes from
 * src/nn/activation.ts (see curves.ts). Each panel answers to its eq. 4 term;
 * the chosen one to g as well.
 */
import { ACTIVATION_KINDS, type ActivationKind } from '../../src/nn/activation.ts';
import type { TermBus } from '../../src/notebook/index.ts';
import { createLineChart, type LineChart } from '../../src/viz/charts/index.ts';
import { seriesColor } from '../../src/viz/paint/palette.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { activationCurves } from './curves.ts';
import { Z_RANGE } from './histogram.ts';
import { ACTIVATION_NAMES } from './names.ts';
import { activeZone } from './zone.ts';

/** Shared y range: Sigmoid and TanH fit, ReLU runs off the top above 1.6. */
export const Y_RANGE: readonly [number, number] = [-1.2, 1.6];

export interface FunctionPanels {
  readonly node: HTMLElement;
  update(chosen: ActivationKind): void;
  dispose(): void;
}

/** Points above the plotted range are left out (the line stops at the top edge). */
function clipped(values: readonly { y: number }[]): number[] {
  return values.map((p) => (p.y <= Y_RANGE[1] ? p.y : Number.NaN));
}

export function functionPanels(container: HTMLElement, bus: TermBus): FunctionPanels {
  const node = document.createElement('div');
  node.className = 'act-functions';
  container.append(node);
  const disposers: Array<() => void> = [];
  let chosen: ActivationKind | null = null;
  const panels = ACTIVATION_KINDS.map((kind) => {
    const panel = document.createElement('div');
    panel.className = 'act-functions__panel';
    panel.dataset.kind = kind;
    node.append(panel);
    const curves = activationCurves(kind, Z_RANGE);
    const name = ACTIVATION_NAMES[kind];
    const zone = activeZone(kind);
    const chart: LineChart = createLineChart(
      panel,
      {
        series: [
          { name: `${name}(x)`, x: curves.value.map((p) => p.x), y: clipped(curves.value), color: seriesColor(0) },
          { name: `${name}′(x)`, x: curves.slope.map((p) => p.x), y: clipped(curves.slope), color: seriesColor(2), dashed: true },
        ],
        // The chart scales the band's ends: ReLU's zone (0, Infinity) is cut at the plotted range.
        band: { from: Math.max(zone.lo, Z_RANGE[0]), to: Math.min(zone.hi, Z_RANGE[1]), label: 'active zone' },
      },
      { title: name, xLabel: 'x, the pre-activation', yLabel: 'g(x), g′(x)', xDomain: Z_RANGE, yDomain: Y_RANGE, description: `${name} and its derivative` },
    );
    disposers.push(() => chart.dispose());
    disposers.push(linkTerm(panel, kind, bus));
    return { kind, panel };
  });
  // The chosen panel also answers to g.
  disposers.push(
    bus.subscribe((term) => {
      for (const { kind, panel } of panels) panel.classList.toggle('is-term-active', term === kind || (term === 'g' && kind === chosen));
    }),
  );

  return {
    node,
    update(next) {
      chosen = next;
      for (const { kind, panel } of panels) {
        const on = kind === next;
        panel.classList.toggle('is-chosen', on);
        const title = panel.querySelector('.viz-chart__title');
        if (title) title.textContent = on ? `${ACTIVATION_NAMES[kind]}, the chosen g` : ACTIVATION_NAMES[kind];
      }
    },
    dispose() {
      disposers.forEach((dispose) => dispose());
      node.remove();
    },
  };
}
