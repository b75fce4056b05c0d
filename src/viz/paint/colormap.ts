/**
 * Named colour maps and `colorAt`, the one lookup every view uses.
 *
 * A map is a table of sRGB stops in [0, 1]; `colorAt` interpolates linearly
 * between neighbouring stops. Sequential maps run low -> high; the diverging
 * map is centred: t = 0.5 is the neutral colour, reserved for the value 0
 * (see `normalizeValue`).
 */
import { CIVIDIS_HEX, DIVERGING_HEX, VIRIDIS_HEX } from './colormap-data.ts';

export type ColormapName = 'viridis' | 'cividis' | 'diverging';
export type ColormapKind = 'sequential' | 'diverging';
export type RGB = [number, number, number];

export interface Colormap {
  readonly name: ColormapName;
  readonly kind: ColormapKind;
  /** Human name for legends and aria text. */
  readonly label: string;
  /** Stops as r, g, b triples in [0, 1], evenly spaced over t in [0, 1]. */
  readonly stops: Float32Array;
}

/** Colour of a value that is not a finite number: a neutral grey, never a map colour. */
export const NON_FINITE_RGB: readonly [number, number, number] = [0.55, 0.55, 0.55];

function decodeHex(hex: string): Float32Array {
  const n = hex.length / 6;
  const stops = new Float32Array(n * 3);
  for (let i = 0; i < n * 3; i++) stops[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16) / 255;
  return stops;
}

const MAPS: Record<ColormapName, Colormap> = {
  viridis: { name: 'viridis', kind: 'sequential', label: 'viridis', stops: decodeHex(VIRIDIS_HEX) },
  cividis: { name: 'cividis', kind: 'sequential', label: 'cividis', stops: decodeHex(CIVIDIS_HEX) },
  diverging: { name: 'diverging', kind: 'diverging', label: 'blue-white-orange', stops: decodeHex(DIVERGING_HEX) },
};

export const COLORMAP_NAMES: readonly ColormapName[] = ['viridis', 'cividis', 'diverging'];

/** The map of that name (a map object passes through). */
export function colormap(map: ColormapName | Colormap): Colormap {
  if (typeof map !== 'string') return map;
  const found = MAPS[map];
  if (!found) throw new Error(`colormap: unknown map "${String(map)}" (known: ${COLORMAP_NAMES.join(', ')})`);
  return found;
}

/**
 * The colour at position t in [0, 1] (clamped) as [r, g, b] in [0, 1].
 * A non-finite t gives NON_FINITE_RGB. Pass `out` to reuse an array in hot loops.
 */
export function colorAt(map: ColormapName | Colormap, t: number, out: RGB = [0, 0, 0]): RGB {
  const stops = colormap(map).stops;
  if (!Number.isFinite(t)) {
    out[0] = NON_FINITE_RGB[0];
    out[1] = NON_FINITE_RGB[1];
    out[2] = NON_FINITE_RGB[2];
    return out;
  }
  const last = stops.length / 3 - 1;
  const s = (t <= 0 ? 0 : t >= 1 ? 1 : t) * last;
  const i = Math.min(Math.floor(s), last - 1);
  const f = s - i;
  const a = i * 3;
  out[0] = stops[a]! + (stops[a + 3]! - stops[a]!) * f;
  out[1] = stops[a + 1]! + (stops[a + 4]! - stops[a + 1]!) * f;
  out[2] = stops[a + 2]! + (stops[a + 5]! - stops[a + 2]!) * f;
  return out;
}

/**
 * Position in [0, 1] of a value on a map over `domain`. Sequential maps stretch
 * the domain linearly; the diverging map always puts 0 at the centre and scales
 * by the largest magnitude in the domain, so equal |value| gets equal intensity
 * on both sides. A degenerate domain maps to the middle.
 */
export function normalizeValue(value: number, domain: readonly [number, number], kind: ColormapKind): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const [lo, hi] = domain;
  if (kind === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    return m > 0 ? 0.5 + (0.5 * value) / m : 0.5;
  }
  return hi > lo ? (value - lo) / (hi - lo) : 0.5;
}

/** Relative luminance (WCAG) of an sRGB colour in [0, 1]; picks legible text on a cell. */
export function luminance(rgb: readonly [number, number, number]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
}

/** Black or white, whichever contrasts more with the given background colour. */
export function textColorOn(rgb: readonly [number, number, number]): '#000000' | '#ffffff' {
  const l = luminance(rgb);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** `rgb(r, g, b)` CSS text for a colour in [0, 1]. */
export function rgbCss(rgb: readonly [number, number, number]): string {
  const c = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 255);
  return `rgb(${c(rgb[0])}, ${c(rgb[1])}, ${c(rgb[2])})`;
}
