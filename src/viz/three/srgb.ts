/**
 * sRGB -> linear conversion for colours written straight into GPU buffers.
 * three.js works in linear sRGB and encodes to sRGB on output, so colour-map
 * values (which are sRGB) must be linearised or every cell looks washed out.
 * A 4096-entry table keeps repainting 32 768 cells per tick cheap.
 */
const SIZE = 4096;
const TABLE = new Float32Array(SIZE + 1);
for (let i = 0; i <= SIZE; i++) {
  const c = i / SIZE;
  TABLE[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function srgbToLinear(c: number): number {
  const s = (c <= 0 ? 0 : c >= 1 ? 1 : c) * SIZE;
  const i = Math.floor(s);
  return i >= SIZE ? TABLE[SIZE]! : TABLE[i]! + (TABLE[i + 1]! - TABLE[i]!) * (s - i);
}
