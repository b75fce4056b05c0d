/**
 * The filter bank W^m of the convolution whose output chapter 5 normalizes:
 * four 3-cell filters (3, 3 x 3 or 3 x 3 x 3 cells, by dims) over the one-hot
 * facies input (depth w_d = 4: shale, sandstone, siltstone, limestone), one per
 * feature map. They are chosen so the maps live on very different scales, as
 * the maps of a trained network do, which is what batch normalization evens
 * out. No DOM here.
 */
import { SAND, SHALE, SILT, LIMESTONE, FACIES_COUNT, type Dims } from '../../src/data/index.ts';
import { createRng, truncatedNormal, type Tensor } from '../../src/tensor/index.ts';

/** Cells of every filter along each used axis. */
export const FILTER_SIZE = 3;
/** Feature maps (filters w_c) of the convolution. */
export const MAP_COUNT = 4;

export interface FeatureMapInfo {
  /** Short name for controls and table rows. */
  readonly name: string;
  /** What the map measures, one sentence. */
  readonly about: string;
}

export const FEATURE_MAPS: readonly FeatureMapInfo[] = [
  { name: 'sand count', about: 'the number of sandstone cells under the filter' },
  { name: 'sand above − below', about: 'sandstone in the shallower layer of the window minus sandstone in the deeper one: positive at the base of a sand body seen from above' },
  { name: 'mean porosity', about: 'the mean of a typical porosity per facies over the window (shale 0.05, sandstone 0.25, siltstone 0.12, limestone 0.08), a fraction' },
  { name: 'random filter', about: "weights drawn as the tutorial initializes them (normal, σ = 0.1, truncated at 2σ) and the tutorial's bias of one" },
];

/** Typical porosity of each facies code (fraction), for the porosity filter. */
const POROSITY: Readonly<Record<number, number>> = { [SHALE]: 0.05, [SAND]: 0.25, [SILT]: 0.12, [LIMESTONE]: 0.08 };
const RANDOM_FILTER_SEED = 5;

export interface FilterBank {
  /** [wx, wy, wz, 4, 4] */
  readonly w: Tensor;
  /** [4] */
  readonly b: Tensor;
}

/** Filter extent along x, y, z: 3 along the used axes, 1 along the others. */
export function filterExtent(dims: Dims): [number, number, number] {
  return [FILTER_SIZE, dims >= 2 ? FILTER_SIZE : 1, dims === 3 ? FILTER_SIZE : 1];
}

/** The four filters of the page for a 1D, 2D or 3D input. Depth runs along the last used spatial axis (z, y or x). */
export function filterBank(dims: Dims): FilterBank {
  const [wx, wy, wz] = filterExtent(dims);
  const d = FACIES_COUNT;
  const c = MAP_COUNT;
  const w = new Float64Array(wx * wy * wz * d * c);
  const cells = wx * wy * wz;
  const rng = createRng(RANDOM_FILTER_SEED);
  const at = (ix: number, iy: number, iz: number, facies: number, map: number): number => (((ix * wy + iy) * wz + iz) * d + facies) * c + map;
  for (let ix = 0; ix < wx; ix++) {
    for (let iy = 0; iy < wy; iy++) {
      for (let iz = 0; iz < wz; iz++) {
        // Position along the depth axis of the data: z in 3D, the tensor's y in 2D, x in 1D.
        const depth = dims === 3 ? iz : dims === 2 ? iy : ix;
        w[at(ix, iy, iz, SAND, 0)] = 1;
        w[at(ix, iy, iz, SAND, 1)] = depth === 0 ? 1 : depth === FILTER_SIZE - 1 ? -1 : 0;
        for (let f = 0; f < d; f++) {
          w[at(ix, iy, iz, f, 2)] = POROSITY[f]! / cells;
          w[at(ix, iy, iz, f, 3)] = truncatedNormal(rng);
        }
      }
    }
  }
  return { w: { shape: [wx, wy, wz, d, c], data: w }, b: { shape: [c], data: Float64Array.from([0, 0, 0, 1]) } };
}
