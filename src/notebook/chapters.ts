/**
 * The chapter registry: the one list, in reading order, of the chapters that
 * exist. The home page's table of contents, every page's previous/next links
 * and the end-to-end tests are all built from it, so adding a chapter means
 * adding its folder under chapters/ and one entry here (a unit test checks
 * that the two agree).
 *
 * Plain data with no DOM: the Vite config and the Node test runner read it too.
 */
export interface ChapterEntry {
  /** Reading order, from 1; also the folder prefix (chapters/01-architecture). */
  readonly number: number;
  /** Stable identifier in URLs and links between chapters. */
  readonly slug: string;
  readonly title: string;
  /** One or two sentences for the table of contents and the page's meta description. */
  readonly description: string;
  /** Where in the tutorial the chapter's material comes from. */
  readonly source: string;
  /** Equation numbers as printed in the paper. */
  readonly equations: readonly number[];
}

export const CHAPTERS: readonly ChapterEntry[] = [
  {
    number: 1,
    slug: 'architecture',
    title: 'Architecture',
    description:
      'The two zones of every CNN: a feature extraction zone of convolution blocks that turns a 1D, 2D or 3D grid into a stack of hidden layers, and an inference zone of fully connected layers that turns the last of them into a prediction.',
    source: '§2, Figures 1 and 2',
    equations: [1, 2, 3, 5, 6, 7, 8],
  },
  {
    number: 2,
    slug: 'convolution',
    title: 'Convolution',
    description:
      'A filter bank sliding over a drill hole, a section or a block model, one position at a time: the window, the filters and the feature maps in 3D, every product and the sum written out and checked against the code, equations 1 and 3 beside the kernel, and the tutorial\'s Figure 3 reproduced.',
    source: '§2.1, eq. 1 and 3, Figures 2 and 3',
    equations: [1, 3],
  },
  {
    number: 3,
    slug: 'stride-padding',
    title: 'Stride and padding',
    description:
      'How big is the layer a convolution makes? Eq. 2 evaluated live per axis, with every position of the filter drawn over the padded input in 3D and along each axis, the paper\'s Figures 4 and 5, "same" padding and the positions a stride drops.',
    source: '§2.1, Figures 4 and 5',
    equations: [2],
  },
  {
    number: 4,
    slug: 'activation',
    title: 'Activation functions',
    description:
      'Sigmoid, TanH and ReLU with their slopes and active zones, and a real convolution of a geological model passed through them in 3D: scale and shift the pre-activations to watch units saturate and die, counted live, and see why that starves training of gradient.',
    source: '§2.1, eq. 3 and 4, Figure 6',
    equations: [3, 4],
  },
  {
    number: 5,
    slug: 'batch-normalization',
    title: 'Batch normalization',
    description:
      'A mini-batch of geological models through a convolution, then normalized per feature map over the batch and every cell: the mean and spread of each map before and after, the learnt scale and shift, running averages for inference against the batch statistics of training, and why a batch of one breaks it.',
    source: '§2.1, eq. 5, Figure 7',
    equations: [5],
  },
  {
    number: 6,
    slug: 'pooling',
    title: 'Pooling',
    description:
      'Max, average, min and L2-norm pooling of the same 3D feature maps side by side: the window behind every output value, window and stride per axis with eq. 2, and what the smaller layer saves in the next one.',
    source: '§2.1, eq. 6',
    equations: [2, 6],
  },
  {
    number: 7,
    slug: 'inference-zone',
    title: 'The inference zone',
    description:
      'One geological model through a small trained CNN: the last hidden layer unrolled into a vector in the order the code reads it, the fully connected layers as weight matrices times vectors, the softmax on scores you set (shift them by 1000 and nothing breaks), and what each output activation of a regression head can and cannot produce.',
    source: '§2.2, eqs. 7, 8 and 9, Figure 8',
    equations: [7, 8, 9],
  },
  {
    number: 8,
    slug: 'losses-gradient-descent',
    title: 'Loss functions and gradient descent',
    description:
      'Cross-entropy and mean squared error computed live for a prediction you set, term by term with the gradient backpropagation starts from, and full-batch, stochastic and mini-batch gradient descent training the same small CNN side by side, with the learning rate and batch size in your hands.',
    source: '§2.3, eqs. 10 and 11',
    equations: [10, 11],
  },
  {
    number: 9,
    slug: 'optimizers',
    title: 'Optimizers',
    description:
      'SGD, Momentum, AdaGrad, RMSProp and Adam racing from one start on four loss surfaces, on a contour map and in 3D, with every optimizer\'s state read out update by update: Momentum\'s overshoot measured, AdaGrad\'s shrinking rate, Adam\'s bias correction, eq. 15 as printed run against the corrected rule (it does not blow up), ε inside or outside the root, and the same race on a small CNN.',
    source: '§2.3, eqs. 11–15',
    equations: [11, 12, 13, 14, 15],
  },
  {
    number: 10,
    slug: 'initialization',
    title: 'Initialization',
    description:
      'Weights drawn from the tutorial\'s 2σ-truncated normal, as a histogram against its density; biases at one against zero; and a deep stack of layers showing, layer by layer, how a too small or too large σ makes activations and gradients vanish or explode, with the Glorot and He values a click away.',
    source: '§2.3, last paragraph',
    equations: [],
  },
  {
    number: 11,
    slug: 'geology-training',
    title: 'Training a CNN on geological grids',
    description:
      'The tutorial\'s summary made real: browse synthetic block models, sections and wells of four structures, build a CNN in the page with every layer\'s size and parameter count live, train it in your browser with the optimizer and batch size you choose, watch the loss, accuracy and confusion matrix, open every hidden layer, filter, gradient and softmax at any update, save and load the trained network, and classify a grid of your own.',
    source: '§3, Figures 1 and 2',
    equations: [2, 6, 7, 8, 10, 11],
  },
];

/** The folder (and URL path segment) of a chapter: `01-architecture`. */
export function chapterDir(entry: ChapterEntry): string {
  return `${String(entry.number).padStart(2, '0')}-${entry.slug}`;
}

export function findChapter(slug: string): ChapterEntry | undefined {
  return CHAPTERS.find((c) => c.slug === slug);
}

/** The chapter whose folder is `dir` (`01-architecture`), if it is registered. */
export function chapterByDir(dir: string): ChapterEntry | undefined {
  return CHAPTERS.find((c) => chapterDir(c) === dir);
}

/** Previous and next chapters in reading order (undefined at either end). */
export function neighbours(entry: ChapterEntry): { previous?: ChapterEntry; next?: ChapterEntry } {
  const i = CHAPTERS.indexOf(entry);
  return { previous: CHAPTERS[i - 1], next: CHAPTERS[i + 1] };
}

/** The paper, cited on every page; the title is kept apart so pages can set it in <cite>. */
export const PAPER = {
  authors: 'Avalos S, Ortiz JM (2019)',
  title: 'Convolutional neural networks architecture: A tutorial',
  venue: "Predictive Geometallurgy and Geostatistics Lab, Queen's University, Annual Report 2019, paper 2019-12, 159-168.",
} as const;

export const CITATION = `${PAPER.authors} ${PAPER.title}, ${PAPER.venue}`;

export const SITE_TITLE = 'CNN Atlas';
