/** The sentence over Figure 3: what the numbers are and, for the conformance case, that H¹ meets its expected values. */
import type { Figure3 } from './figure3.ts';
import { FIGURE3_FIRST_CASE } from './figure3.ts';
import { formatExact, formatNumber } from './format.ts';

export function figure3Check(f: Figure3): HTMLElement {
  const p = document.createElement('p');
  p.className = 'fig3-check';
  const h2 = [...f.second.y.data].map((v) => formatNumber(v, 6)).join(' and ');
  if (!f.check) {
    p.textContent = `Computed by src/nn/conv.ts: H² holds ${h2}. Check them by hand from the breakdowns below.`;
    return p;
  }
  const { atol, rtol } = FIGURE3_FIRST_CASE.tolerance;
  const n = FIGURE3_FIRST_CASE.expected.data.length;
  p.classList.add(f.check.withinTolerance ? 'is-ok' : 'is-wrong');
  p.textContent = f.check.withinTolerance
    ? `✓ H¹ matches the expected output stored in the shared conformance case ${FIGURE3_FIRST_CASE.name}: all ${n} values, the largest difference ${f.check.maxDifference === 0 ? '0' : formatExact(f.check.maxDifference)} (the case allows ${atol} + ${rtol} × |value|). The second step is not part of the case; its filters are the whole-number ones. H² holds ${h2}.`
    : `✗ H¹ differs from the expected output of ${FIGURE3_FIRST_CASE.name} by up to ${formatExact(f.check.maxDifference)}, more than the case allows.`;
  return p;
}
