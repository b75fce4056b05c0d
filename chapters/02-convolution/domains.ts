/** The colour domains a layer's views and its breakdown share, so a value has one colour everywhere. */
import { finiteExtent, niceDomainOf } from '../../src/viz/paint/domain.ts';
import type { ConvLayer } from './layer.ts';

export interface LayerDomains {
  readonly input: readonly [number, number];
  readonly weights: readonly [number, number];
  readonly output: readonly [number, number];
}

/** Input on a sequential scale (`input` fixes it, e.g. [0, 1] for logs); weights and output symmetric about 0. */
export function layerDomains(layer: ConvLayer, input?: readonly [number, number]): LayerDomains {
  return {
    input: input ?? niceDomainOf(finiteExtent(layer.x.data), 'sequential'),
    weights: niceDomainOf(finiteExtent(layer.w.data), 'diverging'),
    output: niceDomainOf(finiteExtent(layer.y.data), 'diverging'),
  };
}

/** Two colour domains are the same pair of numbers. */
export function sameDomain(a: readonly [number, number] | undefined, b: readonly [number, number]): boolean {
  return a !== undefined && a[0] === b[0] && a[1] === b[1];
}
