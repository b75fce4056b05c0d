/**
 * Seed derivation. Every sample gets its own seed from (data-set seed, sample
 * index), and every sample draws its structure, its flipped cells and its
 * measurement noise from separate streams of that seed. So sample i is the same
 * geological model whatever the count, the dimensionality, the grid size or the
 * noise level: the 2D section and the 1D column of sample i cut the very model
 * that the 3D grid of sample i shows. Integer arithmetic only (Math.imul), so
 * the derivation is identical on every engine.
 */

/** The murmur3 finaliser: a bijective avalanche on 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit seed from a seed and a sequence of integer tags. */
export function mixSeed(seed: number, ...tags: readonly number[]): number {
  let h = fmix32((seed >>> 0) ^ 0x2545f491);
  for (const t of tags) h = fmix32((h ^ Math.imul((t >>> 0) + 0x9e3779b9, 0x27d4eb2d)) >>> 0);
  return h;
}

/** Streams of one sample's seed. */
export const STREAM = { structure: 1, flips: 2, measurement: 3 } as const;

/** Tag of the stream that orders the classes within each block of K samples. */
export const ORDER_STREAM = 0x0c1a55;
