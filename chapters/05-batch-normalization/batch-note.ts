/**
 * What the page says about the number of values behind each map's
 * statistics, m = n·h_x·h_y·h_z (valuesPerMap in src/nn/batchnorm.ts), and
 * what goes wrong when it is small: with one value per map (a batch of one
 * 1 x 1 x 1 map) the variance is 0, every normalized value is 0 and the
 * output is beta whatever the input. Pure: text with inline $...$ math.
 */
import { oneValuePerMap, valuesPerMap } from '../../src/nn/batchnorm.ts';
import { formatCount } from '../../src/viz/paint/format.ts';

export type NoteLevel = 'info' | 'caution' | 'broken';

export interface BatchNote {
  readonly level: NoteLevel;
  readonly m: number;
  readonly paragraphs: readonly string[];
}

/** The note for pre-activations of shape [n, x, y, z, d] and the shared beta. */
export function batchNote(preShape: readonly number[], beta: number): BatchNote {
  const m = valuesPerMap(preShape);
  const [n, x, y, z] = preShape as [number, number, number, number];
  const product = `$m = n\\,h_x h_y h_z = ${n} \\cdot ${x} \\cdot ${y} \\cdot ${z} = ${m}$`;
  const counted = `${product}: each feature map's mean and variance are taken over ${formatCount(m)} value${m === 1 ? '' : 's'}.`;
  if (oneValuePerMap(preShape)) {
    return {
      level: 'broken',
      m,
      paragraphs: [
        counted,
        `With a single value the mean is that value and the variance is 0, so every normalized value $\\hat{x} = (x - \\mu)/\\sqrt{0 + \\epsilon}$ is exactly 0 and the output is $\\beta = ${Number(beta.toFixed(3))}$ whatever the input: the layer erases its input, and no gradient reaches $W^m$. PyTorch refuses to train in this case ("Expected more than 1 value per channel when training").`,
        'In inference mode the running averages are used instead, and the same input is normalized as usual: see the inference-mode view and table under “Training and inference”.',
      ],
    };
  }
  if (m === 2) {
    return {
      level: 'caution',
      m,
      paragraphs: [
        counted,
        'With two values per map each one sits one standard deviation from their mean: every normalized value is −1 or +1 (a little less when the two are close, because of ε). The batch statistics tell the network almost nothing.',
      ],
    };
  }
  if (n === 1) {
    return {
      level: 'caution',
      m,
      paragraphs: [
        counted,
        "A batch of one: the statistics come from the cells of a single sample, so normalizing removes that sample's own mean and spread. A drill hole that is all sandstone and one that is all shale come out alike, and the running averages, fed one sample at a time, wander more from batch to batch.",
      ],
    };
  }
  return { level: 'info', m, paragraphs: [counted] };
}
