/** Shape checks shared by the layer kinds: feature-extraction layers take [x, y, z, d], inference-zone layers [k]. */
import { ShapeError, formatShape } from '../../tensor/index.ts';

export function spatial(op: string, inShape: readonly number[]): readonly [number, number, number, number] {
  if (inShape.length !== 4) {
    throw new ShapeError(op, `needs a sample [x, y, z, d] of the feature extraction zone, got ${formatShape(inShape)} (flat, after flatten)`);
  }
  return [inShape[0]!, inShape[1]!, inShape[2]!, inShape[3]!];
}

export function flat(op: string, inShape: readonly number[]): number {
  if (inShape.length !== 1) {
    throw new ShapeError(op, `needs a flat sample [k]; put a flatten layer (Vec, eq. 7) before it (input ${formatShape(inShape)})`);
  }
  return inShape[0]!;
}
