/**
 * Eq. 2 (lost in the paper's text extraction; the relation the text describes):
 *   h_a = floor((h_prev_a - w_a + 2 p_a) / st_a) + 1   for each axis a in {x, y, z}
 * A stride that does not divide evenly drops the last positions (the floor).
 * A filter (or pooling window) larger than the padded input is refused.
 */
import { ShapeError, formatShape } from './errors.ts';
import { assertTriple, type Triple } from './params.ts';

export interface OutputSizeParams {
  in: readonly number[];
  w: readonly number[];
  stride: readonly number[];
  padding: readonly number[];
}

const AXES = ['x', 'y', 'z'] as const;

/** Output size along one axis; NaN-free, may be < 1 (the caller decides how to refuse). */
export function outputLength(inLength: number, w: number, stride: number, padding: number): number {
  return Math.floor((inLength + 2 * padding - w) / stride) + 1;
}

/**
 * Eq. 2 per spatial axis. Throws ParamError for bad strides/padding/sizes and
 * ShapeError, with the numbers of the equation, when the window does not fit.
 */
export function outputSize(params: OutputSizeParams, op = 'output_size'): Triple {
  const input = assertTriple(op, 'input size', params.in, 1);
  const w = assertTriple(op, 'filter size', params.w, 1);
  const st = assertTriple(op, 'stride', params.stride, 1);
  const p = assertTriple(op, 'padding', params.padding, 0);
  const out = AXES.map((axis, i) => {
    const padded = input[i]! + 2 * p[i]!;
    if (w[i]! > padded) {
      throw new ShapeError(
        op,
        `the ${w[i]}-wide window along ${axis} is larger than the padded input ${input[i]} + 2*${p[i]} = ${padded} ` +
          `(input ${formatShape(input)}, window ${formatShape(w)}, padding ${formatShape(p)})`,
      );
    }
    return outputLength(input[i]!, w[i]!, st[i]!, p[i]!);
  });
  return [out[0]!, out[1]!, out[2]!];
}

/** Positions dropped at the end of an axis because the stride does not divide evenly (eq. 2's floor). */
export function droppedPositions(inLength: number, w: number, stride: number, padding: number): number {
  return (inLength + 2 * padding - w) % stride;
}
