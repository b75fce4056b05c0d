/**
 * What the diagram says about one layer when it is selected: its role in the
 * tutorial, how it is made, its shape and parameters, and the chapter that
 * explains it (when that chapter exists). Pure: text only, with inline math
 * as $...$ (rendered by the panel with KaTeX).
 */
import { findChapter, type ChapterEntry } from '../../src/notebook/chapters.ts';
import { FILTER_SIZE, POOL_SIZE, type Architecture } from './architecture.ts';
import { ACTIVATION_NAMES, formatCount, formatShape } from './format.ts';

export interface LayerDetails {
  readonly title: string;
  /** The layer's size: '16 × 16 × 1 × 8', '1,024 values'. */
  readonly size: string;
  readonly paragraphs: readonly string[];
  /** Chapters that explain this layer's parts, in reading order; only those that exist. */
  readonly chapters: readonly ChapterEntry[];
}

/** The chapter slugs that will explain each part (see src/notebook/chapters.ts). */
const EXPLAINED_IN = {
  conv: 'convolution',
  size: 'stride-padding',
  batchnorm: 'batch-normalization',
  activation: 'activation',
  pool: 'pooling',
  inference: 'inference-zone',
} as const;

function existing(slugs: readonly string[]): ChapterEntry[] {
  return slugs.map(findChapter).filter((c): c is ChapterEntry => c !== undefined);
}

const axesWord = (dims: 1 | 2 | 3): string => (dims === 1 ? 'along the hole' : dims === 2 ? 'across the map' : 'through the volume');

export function layerDetails(arch: Architecture, id: string): LayerDetails | undefined {
  const { config } = arch;
  const g = ACTIVATION_NAMES[config.activation];
  if (id === 'X') {
    return {
      title: 'Input $X$',
      size: formatShape(arch.input),
      paragraphs: [
        `The image the network receives, of fixed size $(in_x, in_y, in_z, in_d)$: ${config.size} cells ${axesWord(config.dims)} and ${config.depth > 1 ? `${config.depth} variables per cell (one indicator per rock type)` : 'one variable per cell (its rock type as a code)'}, its depth $in_d$.`,
        'It is $H^0$ in eq. 1: the first block convolves its filters over it.',
      ],
      chapters: [],
    };
  }
  const block = /^H(\d+)$/.exec(id);
  if (block) {
    const layer = arch.hidden[Number(block[1]) - 1];
    if (!layer) return undefined;
    const [wx, wy, wz, wd, wc] = layer.filter;
    const steps = [
      `$W^{${layer.m}}$ holds ${wc} filters of ${wx} × ${wy} × ${wz} × ${wd} (depth $w_d = ${wd}$, the depth of the layer before)`,
      `plus the bias $b^{${layer.m}}$`,
    ];
    if (config.batchNorm) steps.push('batch-normalized per feature map');
    steps.push(`passed through ${g}`);
    if (config.pooling) steps.push(`max-pooled over ${POOL_SIZE}-cell windows`);
    return {
      title: `Hidden layer $H^{${layer.m}}$`,
      size: formatShape(layer.shape),
      paragraphs: [
        `Block ${layer.m}: ${steps.join(', ')}. Each of the ${wc} filters makes one feature map, so the depth $h_d$ is ${layer.shape[3]}.`,
        `With ${FILTER_SIZE}-cell filters and padding ${config.padding}, eq. 2 gives the spatial size; ${config.pooling ? `pooling then halves it (rounding down)` : 'no pooling follows'}.`,
        `Parameters: ${formatCount(layer.parameterCount)} (${formatCount(wx! * wy! * wz! * wd! * wc!)} weights, ${formatCount(wc!)} biases${config.batchNorm ? `, ${formatCount(2 * wc!)} for BN's scale and shift` : ''}).`,
      ],
      chapters: existing([EXPLAINED_IN.conv, EXPLAINED_IN.size, ...(config.batchNorm ? [EXPLAINED_IN.batchnorm] : []), EXPLAINED_IN.activation, ...(config.pooling ? [EXPLAINED_IN.pool] : [])]),
    };
  }
  if (id === 'FC0') {
    const last = arch.hidden[arch.hidden.length - 1];
    return {
      title: `$FC_0 = \\mathrm{Vec}(H^{${arch.hidden.length}})$`,
      size: `${formatCount(arch.vectorLength)} values`,
      paragraphs: [
        `The last hidden layer${last ? `, ${formatShape(last.shape)},` : ''} laid out as one vector: the boundary between the two zones. Nothing is learnt here.`,
      ],
      chapters: existing([EXPLAINED_IN.inference]),
    };
  }
  const fc = /^FC(\d+)$/.exec(id);
  if (fc) {
    const layer = arch.dense[Number(fc[1]) - 1];
    if (!layer) return undefined;
    const [out, inputs] = layer.weights;
    return {
      title: `Fully connected layer $FC_{${layer.f}}$`,
      size: `${formatCount(layer.units)} ${layer.scores ? 'class scores' : 'units'}`,
      paragraphs: [
        `Every unit is connected to all ${formatCount(inputs!)} values of the layer before, through $W_{FC_{${layer.f}}}$ of ${formatCount(out!)} × ${formatCount(inputs!)} and the bias $b_{${layer.f}}$.`,
        layer.scores
          ? `As the last layer it has one unit per class ($K = ${config.classes}$); its values $s_k$ go to the softmax.`
          : `Its values pass through ${g} (eq. 7).`,
        `Parameters: ${formatCount(layer.parameterCount)}.`,
      ],
      chapters: existing([EXPLAINED_IN.inference]),
    };
  }
  if (id === 'p') {
    return {
      title: 'Softmax',
      size: `${config.classes} class probabilities`,
      paragraphs: [
        `Eq. 8 turns the ${config.classes} scores $s_k$ into probabilities $\\hat p(k)$ that are positive and sum to one: the network's prediction, for example of the rock type at the centre of the input.`,
      ],
      chapters: existing([EXPLAINED_IN.inference]),
    };
  }
  return undefined;
}
