/**
 * Does an input fit a network? A reader's own grid (src/data parseUserGrid,
 * then encodeFacies) must have exactly the network's input shape: the conv
 * and dense layers were sized for it through eq. 2. When it does not, the
 * message says which axis differs and by how much, e.g.
 *   input: the input [1, 16, 16, 8, 1] does not fit the network, which takes
 *   [1, 12, 12, 12, 4]: x has 16 cells, not 12; z has 8 cells, not 12;
 *   d (channels) is 1, not 4
 * The page calls checkNetworkInput before sending (predict), and the worker
 * calls assertNetworkInput again on what it receives.
 */
import { ShapeError, formatShape } from '../tensor/index.ts';

const AXES = ['x', 'y', 'z'] as const;

/**
 * Why an input of shape `given` (one sample, with or without a leading batch
 * axis of 1) does not fit a network taking samples of `inputShape`; null when it fits.
 */
export function checkNetworkInput(inputShape: readonly number[], given: readonly number[]): string | null {
  const expected = [1, ...inputShape];
  const sample = given.length === inputShape.length + 1 ? given.slice(1) : given;
  if (given.length === inputShape.length + 1 && given[0] !== 1) {
    return `the input ${formatShape(given)} holds ${given[0]} samples; a prediction takes one, shaped ${formatShape(expected)}`;
  }
  if (sample.length !== inputShape.length) {
    const rank = inputShape.length === 4 ? 'one sample [x, y, z, d]' : 'one flat sample [k]';
    return `the input ${formatShape(given)} does not fit the network, which takes ${rank} = ${formatShape(inputShape)} (or ${formatShape(expected)} with the batch axis)`;
  }
  const reasons: string[] = [];
  if (inputShape.length === 4) {
    for (let a = 0; a < 3; a++) {
      if (sample[a] !== inputShape[a]) reasons.push(`${AXES[a]} has ${sample[a]} ${sample[a] === 1 ? 'cell' : 'cells'}, not ${inputShape[a]}`);
    }
    if (sample[3] !== inputShape[3]) reasons.push(`d (channels) is ${sample[3]}, not ${inputShape[3]}`);
  } else if (sample[0] !== inputShape[0]) {
    reasons.push(`k is ${sample[0]}, not ${inputShape[0]}`);
  }
  if (reasons.length === 0) return null;
  return `the input ${formatShape([1, ...sample])} does not fit the network, which takes ${formatShape(expected)}: ${reasons.join('; ')}`;
}

/** Throws a ShapeError ("input: ...") with checkNetworkInput's reason when the shape does not fit. */
export function assertNetworkInput(inputShape: readonly number[], given: readonly number[]): void {
  const reason = checkNetworkInput(inputShape, given);
  if (reason !== null) throw new ShapeError('input', reason);
}
