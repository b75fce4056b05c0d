/**
 * The histogram of the pre-activations z over a fixed range, the chosen g's
 * active zone shaded behind it, each bar split into active units and units
 * outside the zone. Drag the shift and the bars slide out of the band; drag
 * the scale and they spread beyond it.
 */
import type { ActivationKind } from '../../src/nn/activation.ts';
import type { TermBus } from '../../src/notebook/index.ts';
import { createBandHistogram, type BandHistogram } from '../../src/viz/charts/band-histogram.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import type { ZHistogram } from './histogram.ts';
import { ACTIVATION_NAMES, STATE_COLORS, inactiveWord } from './names.ts';
import { activeZone } from './zone.ts';

export interface ZoneHistogram {
  readonly node: HTMLElement;
  update(hist: ZHistogram, kind: ActivationKind): void;
  dispose(): void;
}

export function zoneHistogram(container: HTMLElement, bus: TermBus): ZoneHistogram {
  const chart: BandHistogram = createBandHistogram(container, { bins: [], classes: [] }, { xLabel: 'z = Wᵐ Hᵐ⁻¹ + bᵐ', yLabel: 'units', aspect: 1.3 });
  const unlink = linkTerm(chart.node as HTMLElement, 'b', bus);
  return {
    node: chart.node,
    update(hist, kind) {
      const zone = activeZone(kind);
      chart.update({
        bins: hist.bins.map((b) => ({ x0: b.x0, x1: b.x1, counts: [b.active, b.inactive] })),
        classes: [
          { name: 'active', color: STATE_COLORS.active },
          { name: inactiveWord(kind), color: STATE_COLORS.inactive },
        ],
        band: { from: zone.lo, to: zone.hi, label: `active zone of ${ACTIVATION_NAMES[kind]}` },
        under: hist.under,
        over: hist.over,
        name: 'pre-activations',
      });
    },
    dispose() {
      unlink();
      chart.dispose();
    },
  };
}
