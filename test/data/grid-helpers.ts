/** Reading the facies grids of samples in tests: cells, columns, beds, lateral contacts, alignments. */
import type { StructureKind } from '../../src/data/classes.ts';
import { nativeGeometry, type Dims } from '../../src/data/geometry.ts';
import { generateSample, type Sample } from '../../src/data/sample.ts';
import { mixSeed } from '../../src/data/seed.ts';

/** Column-grid dimensions of a sample (columns of nz cells, for every dims). */
export function columnsOf(s: Sample): { nx: number; ny: number; nz: number } {
  return { nx: s.geometry.xs.length, ny: s.geometry.ys.length, nz: s.geometry.nz };
}

export function column(cells: Uint8Array, s: Sample, i: number, j: number): Uint8Array {
  const { ny, nz } = columnsOf(s);
  const c = i * ny + j;
  return cells.slice(c * nz, (c + 1) * nz);
}

/** Facies of the successive beds (runs of equal cells) of a column. */
export function runs(col: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < col.length; k++) if (k === 0 || col[k] !== col[k - 1]) out.push(col[k]!);
  return out;
}

/** True when `part` appears as consecutive entries of `whole`. */
export function isContiguousSlice(part: readonly number[], whole: readonly number[]): boolean {
  for (let b = 0; b + part.length <= whole.length; b++) {
    if (part.every((f, i) => whole[b + i] === f)) return true;
  }
  return false;
}

/** Depth of cell k of nz, as the generator places it. */
export function depthOf(k: number, nz: number): number {
  return (k + 0.5) / nz;
}

/**
 * The integer shift sigma (cells, positive down) that best maps column b onto
 * column a: a[k] = b[k - sigma] over the cells both masks keep.
 */
export function bestShift(
  a: Uint8Array,
  b: Uint8Array,
  range: number,
  keepA: (k: number) => boolean = () => true,
  keepB: (k: number) => boolean = () => true,
  minOverlap = 8,
): { shift: number; mismatch: number } {
  let best = { shift: 0, mismatch: Infinity };
  for (let sigma = -range; sigma <= range; sigma++) {
    let n = 0;
    let bad = 0;
    for (let k = 0; k < a.length; k++) {
      const kb = k - sigma;
      if (kb < 0 || kb >= b.length || !keepA(k) || !keepB(kb)) continue;
      n++;
      if (a[k] !== b[kb]) bad++;
    }
    if (n >= minOverlap && bad / n < best.mismatch) best = { shift: sigma, mismatch: bad / n };
  }
  return best;
}

/** Every pair of horizontally adjacent cells (x or y neighbours at one depth) with different facies. */
export function lateralContacts(cells: Uint8Array, s: Sample): { i: number; j: number; i2: number; j2: number; k: number }[] {
  const { nx, ny, nz } = columnsOf(s);
  const at = (i: number, j: number, k: number) => cells[(i * ny + j) * nz + k];
  const out: { i: number; j: number; i2: number; j2: number; k: number }[] = [];
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      for (let k = 0; k < nz; k++) {
        if (i + 1 < nx && at(i, j, k) !== at(i + 1, j, k)) out.push({ i, j, i2: i + 1, j2: j, k });
        if (j + 1 < ny && at(i, j, k) !== at(i, j + 1, k)) out.push({ i, j, i2: i, j2: j + 1, k });
      }
    }
  }
  return out;
}

/** `count` noise-free samples of one structure type. */
export function samplesOf(kind: StructureKind, seed: number, dims: Dims, size: readonly number[], regionalDip = 0, count = 12): Sample[] {
  const g = nativeGeometry(dims, size);
  return Array.from({ length: count }, (_, i) => generateSample(kind, mixSeed(seed, i), g, { maxRegionalDip: regionalDip, flip: 0 }));
}
