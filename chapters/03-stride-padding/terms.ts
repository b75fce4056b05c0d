/** The terms chapter 3's equations, code and views name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  h: { label: 'h^(m)_a, cells of the output along axis a' },
  hprev: { label: 'h^(m-1)_a, cells of the input along axis a' },
  w: { label: 'w^(m)_a, cells of the filter along axis a' },
  p: { label: 'p^(m)_a, zero cells of padding on each side along axis a' },
  st: { label: 'st^(m)_a, the stride: cells the filter moves between positions along axis a' },
};
