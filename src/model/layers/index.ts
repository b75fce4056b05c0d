/** The layer kinds by spec type. */
import type { LayerSpec, LayerType } from '../spec.ts';
import { activationLayer } from './activation.ts';
import { batchnormLayer } from './batchnorm.ts';
import { convLayer } from './conv.ts';
import { denseLayer } from './dense.ts';
import { flattenLayer } from './flatten.ts';
import { poolLayer } from './pool.ts';
import type { LayerKind } from './types.ts';

export const LAYER_KINDS: { readonly [T in LayerType]: LayerKind<Extract<LayerSpec, { type: T }>> } = {
  conv: convLayer,
  batchnorm: batchnormLayer,
  activation: activationLayer,
  pool: poolLayer,
  flatten: flattenLayer,
  dense: denseLayer,
};

/** The layer kind of a spec (its type already validated). */
export function kindOf(spec: LayerSpec): LayerKind<LayerSpec> {
  return LAYER_KINDS[spec.type] as LayerKind<LayerSpec>;
}
