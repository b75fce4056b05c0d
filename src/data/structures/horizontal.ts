/**
 * Class 0, horizontal layering: a layer cake of beds, tilted only by the small
 * regional dip (with a zero regional dip every horizontal plane is one facies).
 */
import { drawRegionalDip, regionalShift, type RegionalDip } from '../regional-dip.ts';
import { drawStack, type LayerStack } from '../stack.ts';
import { fillShifted, layeredWeights, regionalSlope } from './layered.ts';
import type { Structure } from './structure.ts';

export interface HorizontalModel {
  readonly kind: 'horizontal';
  readonly regional: RegionalDip;
  readonly stack: LayerStack;
}

export const horizontal: Structure<HorizontalModel> = {
  kind: 'horizontal',
  draw(rng, options) {
    const regional = drawRegionalDip(rng, options.maxRegionalDip);
    const stack = drawStack(rng, layeredWeights(rng));
    return { kind: 'horizontal', regional, stack };
  },
  fillColumn(model, x, y, nz, out, start) {
    fillShifted(model.stack, regionalShift(model.regional, x, y), nz, out, start);
  },
  slope(model) {
    return regionalSlope(model.regional);
  },
};
