/**
 * A PNG decoder for the screenshots Chromium takes (8 bits per channel,
 * grey / grey+alpha / RGB / RGBA, not interlaced), so pixel checks need no
 * image library: chunks, inflate, then undo each row's filter.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  readonly rgba: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Uint8Array): Image {
  if (!SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let colourType = -1;
  const data: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const depth = body[8]!;
      colourType = body[9]!;
      if (depth !== 8 || !(colourType in CHANNELS) || body[12] !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${body[12]}`);
      }
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colourType]!;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? out[i - channels]! : 0;
      const upLeft = i >= channels ? up[i - channels]! : 0;
      const value = src[i]!;
      switch (filter) {
        case 0: out[i] = value; break;
        case 1: out[i] = value + left; break;
        case 2: out[i] = value + up[i]!; break;
        case 3: out[i] = value + ((left + up[i]!) >> 1); break;
        case 4: out[i] = value + paeth(left, up[i]!, upLeft); break;
        default: throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const grey = channels <= 2;
    rgba[p * 4] = rows[s]!;
    rgba[p * 4 + 1] = grey ? rows[s]! : rows[s + 1]!;
    rgba[p * 4 + 2] = grey ? rows[s]! : rows[s + 2]!;
    rgba[p * 4 + 3] = channels === 2 ? rows[s + 1]! : channels === 4 ? rows[s + 3]! : 255;
  }
  return { width, height, rgba };
}

/**
 * Pixels that differ from the image's most common colour (its background) by
 * more than `tolerance` in any channel, as a fraction of all pixels.
 */
export function foregroundFraction(image: Image, tolerance = 24): number {
  const counts = new Map<number, number>();
  const { rgba } = image;
  for (let i = 0; i < rgba.length; i += 4) {
    const key = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let background = 0;
  let most = -1;
  for (const [key, count] of counts) if (count > most) [background, most] = [key, count];
  const [br, bg, bb] = [(background >> 16) & 255, (background >> 8) & 255, background & 255];
  let differing = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (Math.abs(rgba[i]! - br) > tolerance || Math.abs(rgba[i + 1]! - bg) > tolerance || Math.abs(rgba[i + 2]! - bb) > tolerance) differing++;
  }
  return differing / (rgba.length / 4);
}
