/**
 * Values -> colours in bulk: the bridge from a tensor's data to GPU instance
 * colours (RGB floats) and to canvas pixels (RGBA bytes). Non-finite values
 * get NON_FINITE_RGB so a NaN is visible as "not on the scale" rather than
 * silently taking an end colour.
 */
import { colorAt, colormap, normalizeValue, NON_FINITE_RGB } from './colormap.ts';
import type { Colormap, ColormapName, RGB } from './colormap.ts';

const scratch: RGB = [0, 0, 0];

/**
 * RGB floats in [0, 1], three per value. `out` (length >= 3 * values.length)
 * is reused when given, so a view repainting every tick allocates nothing.
 */
export function paintValues(
  values: ArrayLike<number>,
  domain: readonly [number, number],
  map: ColormapName | Colormap,
  out?: Float32Array,
): Float32Array {
  const cm = colormap(map);
  const n = values.length;
  const rgb = out && out.length >= n * 3 ? out : new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const t = normalizeValue(values[i]!, domain, cm.kind);
    const c = Number.isNaN(t) ? NON_FINITE_RGB : colorAt(cm, t, scratch);
    rgb[i * 3] = c[0];
    rgb[i * 3 + 1] = c[1];
    rgb[i * 3 + 2] = c[2];
  }
  return rgb;
}

/**
 * RGBA bytes, four per value, ready for `new ImageData(...)`. Alpha is 255
 * except for non-finite values, which are drawn half transparent grey.
 */
export function paintRGBA(
  values: ArrayLike<number>,
  domain: readonly [number, number],
  map: ColormapName | Colormap,
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  const cm = colormap(map);
  const n = values.length;
  const rgba = out && out.length >= n * 4 ? out : new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const t = normalizeValue(values[i]!, domain, cm.kind);
    const finite = !Number.isNaN(t);
    const c = finite ? colorAt(cm, t, scratch) : NON_FINITE_RGB;
    rgba[i * 4] = Math.round(c[0] * 255);
    rgba[i * 4 + 1] = Math.round(c[1] * 255);
    rgba[i * 4 + 2] = Math.round(c[2] * 255);
    rgba[i * 4 + 3] = finite ? 255 : 128;
  }
  return rgba;
}

/**
 * CSS `linear-gradient(...)` of a map for a DOM colour bar. `direction` is any
 * CSS gradient direction ('to right', 'to top', ...); 17 stops are plenty for
 * a bar a few hundred pixels long.
 */
export function cssGradient(map: ColormapName | Colormap, direction = 'to right', stops = 17): string {
  const cm = colormap(map);
  const parts: string[] = [];
  for (let i = 0; i < stops; i++) {
    const t = i / (stops - 1);
    const c = colorAt(cm, t, scratch);
    parts.push(`rgb(${Math.round(c[0] * 255)} ${Math.round(c[1] * 255)} ${Math.round(c[2] * 255)}) ${(t * 100).toFixed(1)}%`);
  }
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}
