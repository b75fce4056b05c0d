/**
 * Which block equation the network follows (3, 5 or 6): the matching
 * equation on the page is marked as current, and a sentence under the diagram
 * says so. The sentence is the cell's value; the marks are set on the
 * equation elements the page already holds.
 */
import { prose } from '../../src/viz/tex/tex.ts';
import { blockEquation, type ArchitectureConfig } from './architecture.ts';

const BADGE = 'equation__badge';

export function markBlockEquation(config: Pick<ArchitectureConfig, 'batchNorm' | 'pooling'>): HTMLElement {
  const current = blockEquation(config);
  const number = current === '6-without-bn' ? 6 : current;
  for (const element of document.querySelectorAll<HTMLElement>('.equation[data-equation]')) {
    const isCurrent = ['3', '5', '6'].includes(element.dataset.equation!) && Number(element.dataset.equation) === number;
    element.classList.toggle('is-current', isCurrent);
    element.querySelector(`.${BADGE}`)?.remove();
    if (isCurrent) {
      const badge = document.createElement('p');
      badge.className = BADGE;
      badge.textContent = current === '6-without-bn' ? 'The network above uses this, without BN.' : 'The network above uses this.';
      element.append(badge);
    }
  }
  const sentence = document.createElement('span');
  prose(
    sentence,
    current === '6-without-bn'
      ? String.raw`Each block computes eq. (6) without its batch normalization: $\mathrm{pool}(g(W^m H^{m-1} + b^m))$.`
      : `Each block computes eq. (${number}).`,
  );
  return sentence;
}
