/**
 * Facies codes of the categorical grids. The code is the integer stored in a
 * cell; one-hot encoding gives one feature map per code, in this order.
 */
export const FACIES = ['shale', 'sandstone', 'siltstone', 'limestone'] as const;
export type FaciesName = (typeof FACIES)[number];

export const SHALE = 0;
export const SAND = 1;
export const SILT = 2;
export const LIMESTONE = 3;

/** Number of facies F (the depth d of one-hot inputs). */
export const FACIES_COUNT = FACIES.length;

/** "0 shale, 1 sandstone, 2 siltstone, 3 limestone", for messages. */
export function faciesLegend(): string {
  return FACIES.map((name, code) => `${code} ${name}`).join(', ');
}
