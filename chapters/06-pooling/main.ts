/**
 * Chapter 6, Pooling (tutorial §2.1, eq. 6): max, average, min and L2
 * pooling of the same feature maps side by side, the window behind any
 * output cell, eq. 2 for the window and stride, and what pooling saves in
 * the next layer. The feature maps are eq. 6 up to pool(.), computed by the
 * core from a synthetic geological grid.
 */
import type { StructureKind } from '../../src/data/index.ts';
import { CLASS_NAMES, STRUCTURE_KINDS } from '../../src/data/index.ts';
import type { ActivationKind } from '../../src/nn/activation.ts';
import poolSource from '../../src/nn/pool.ts?raw';
import { startChapter } from '../../src/notebook/index.ts';
import outputSizeSource from '../../src/tensor/output-size.ts?raw';
import type { Triple } from '../../src/tensor/params.ts';
import { markUnusedAxes } from './axis-controls.ts';
import { costPanel } from './cost-panel.ts';
import { AXES_CAPTION, colourScales, describeGeology, describeInput, describeOutput } from './describe.ts';
import { EQ6, ERRATUM_EQ2 } from './equations.ts';
import featureMapsSource from './feature-maps.ts?raw';
import { SIZE_RANGE, blockBeforePooling, type Dims, type FeatureMaps } from './feature-maps.ts';
import poolingSource from './pooling.ts?raw';
import { POOL_KINDS, POOL_NAMES, poolEveryKind, poolGeometry, type PoolKind, type Pooled } from './pooling.ts';
import { sameCell, windowDetails, type OutputCell, type WindowDetails } from './selection.ts';
import { nextLayerCosts, poolSizes, type PoolSizes } from './sizes.ts';
import { sizesPanel } from './sizes-panel.ts';
import { createStore, observeValue } from '../../src/notebook/index.ts';
import { TERMS } from './terms.ts';
import { termVoxelView, type TermVoxelView } from '../../src/notebook/term-voxel-view.ts';
import { windowPanel } from './window-panel.ts';
import { OUTPUT_CAPTIONS, OUTPUT_FORMULAS, OUTPUT_TITLES, inputMarks } from './view-marks.ts';
import '../../assets/chapter.css';
import './pooling.css';

startChapter({ terms: TERMS }, (nb) => {
  const maps = { slot: 'controls-maps' };
  nb.radio('dims', {
    ...maps,
    label: 'Grid',
    options: [
      { value: '1', label: '1D' },
      { value: '2', label: '2D' },
      { value: '3', label: '3D' },
    ],
    value: '3',
    description: 'A well column (1D), a cross-section (2D) or a block model (3D).',
  });
  nb.range('size', { ...maps, label: 'Cells per axis of the grid', min: SIZE_RANGE.min, max: SIZE_RANGE.max, step: 1, value: 10, unit: 'cells' });
  nb.select('structure', {
    ...maps,
    label: 'Geology',
    options: STRUCTURE_KINDS.map((kind) => ({ value: kind, label: CLASS_NAMES[kind].replace(/^./, (c) => c.toUpperCase()) })),
    value: 'folded',
  });
  nb.range('model', { ...maps, label: 'Model number', min: 1, max: 20, step: 1, value: 2, description: 'Another random model of the same geology.' });
  nb.toggle('bn', { ...maps, label: 'Batch normalization, BN', value: true });
  nb.select('g', {
    ...maps,
    label: 'Activation, g',
    options: [
      { value: 'relu', label: 'ReLU' },
      { value: 'tanh', label: 'TanH' },
      { value: 'sigmoid', label: 'Sigmoid' },
    ],
    value: 'relu',
  });
  const pool = { slot: 'controls-pool' };
  // Window and stride side by side, one row per axis.
  const axisControls = {
    wx: nb.range('wx', { ...pool, label: 'Window w_x', min: 1, max: 8, step: 1, value: 2 }),
    sx: nb.range('sx', { ...pool, label: 'Stride st_x', min: 1, max: 8, step: 1, value: 2 }),
    wy: nb.range('wy', { ...pool, label: 'Window w_y', min: 1, max: 8, step: 1, value: 2 }),
    sy: nb.range('sy', { ...pool, label: 'Stride st_y', min: 1, max: 8, step: 1, value: 2 }),
    wz: nb.range('wz', { ...pool, label: 'Window w_z', min: 1, max: 8, step: 1, value: 2 }),
    sz: nb.range('sz', { ...pool, label: 'Stride st_z', min: 1, max: 8, step: 1, value: 2 }),
  };
  nb.resetButton('controls-reset');
  nb.range('units', { slot: 'controls-next', label: 'Units of the next fully connected layer, n', min: 8, max: 256, step: 8, value: 64 });

  nb.cell('d', ['dims'], (dims: string): Dims => Number(dims) as Dims);
  nb.display('axis-note', ['d'], (dims: Dims) => markUnusedAxes(axisControls, dims));
  nb.cell('block', ['d', 'size', 'structure', 'model', 'bn', 'g'], (dims: Dims, size: number, structure: StructureKind, model: number, batchNorm: boolean, activation: ActivationKind) =>
    blockBeforePooling({ dims, size, structure, model, batchNorm, activation }),
  );
  nb.cell('geometry', ['d', 'wx', 'wy', 'wz', 'sx', 'sy', 'sz'], (dims: Dims, wx: number, wy: number, wz: number, sx: number, sy: number, sz: number) =>
    poolGeometry(dims, [wx, wy, wz] as Triple, [sx, sy, sz] as Triple),
  );
  // Throws the core's ShapeError when a window is larger than the feature maps: every view below shows it.
  nb.cell('sizes', ['block', 'geometry', 'd'], (block: FeatureMaps, geometry: ReturnType<typeof poolGeometry>, dims: Dims) =>
    poolSizes(block.activated.shape, geometry, dims),
  );
  nb.cell('pooled', ['block', 'geometry', 'sizes'], (block: FeatureMaps, geometry: ReturnType<typeof poolGeometry>) => poolEveryKind(block.activated, geometry));
  nb.cell('scales', ['pooled'], colourScales);

  // The output cell the reader points at (any output view, pointer or keyboard); null until then.
  const selection = createStore<OutputCell | null>(null, sameCell);
  nb.cell('selected', [], () => observeValue(selection));
  nb.cell('details', ['pooled', 'selected'], windowDetails);

  nb.view('geology', {
    inputs: ['block', 'd', 'structure'],
    create: (el, bus) => termVoxelView(el, bus, { formula: String.raw`\term{Hprev}{H^{m-1}}`, terms: ['Hprev'], options: { legendLabel: 'sandstone (1) or not (0)' } }),
    update: (view: TermVoxelView, block: FeatureMaps) => {
      view.show({ tensor: block.hPrev, colormap: 'cividis', domain: [0, 1], name: 'Hᵐ⁻¹, the sandstone indicator' });
    },
    figure: {
      title: 'The grid the block starts from.',
      caption: 'Sandstone indicator: 1 (light) where the cell is sandstone, 0 (dark) for shale, siltstone or limestone.',
      kind: '3d',
      describe: (block: FeatureMaps, dims: Dims, structure: StructureKind) => `${describeGeology(block.hPrev, dims, structure)} ${AXES_CAPTION[dims]}`,
    },
  });

  let inputTensor: unknown = null;
  nb.view('input-view', {
    inputs: ['pooled', 'scales', 'details', 'd'],
    create: (el, bus) =>
      termVoxelView(el, bus, {
        formula: String.raw`\term{g}{g}\!\left(\term{BN}{\mathrm{BN}}\!\left(\term{W}{W^m}\,\term{Hprev}{H^{m-1}} + \term{b}{b^m}\right)\right)`,
        terms: ['g', 'BN', 'W', 'b'],
        options: { legendLabel: 'value' },
      }),
    update: (view: TermVoxelView, pooled: Pooled, scales: ReturnType<typeof colourScales>, details: WindowDetails, dims: Dims) => {
      const voxel = view.voxel;
      if (!voxel || inputTensor !== pooled.x) {
        view.show({ tensor: pooled.x, ...scales.shared, name: 'g(BN(Wᵐ Hᵐ⁻¹ + bᵐ))' });
        inputTensor = pooled.x;
      }
      const marks = inputMarks(details, dims);
      view.voxel!.setSlice(marks.slice);
      view.voxel!.setHighlight(marks.highlight);
      view.voxel!.setBox(marks.boxes);
    },
    figure: {
      title: 'What pooling reads: the feature maps of the block.',
      caption:
        'Map d = 0, "sand top", is high where sand lies under a cell without sand; map d = 1, "sand-rich", where most of the neighbourhood is sand. Each map is 2 cells shorter than the grid along each axis: a 3-cell filter fits that many times without padding (eq. 2). The outlined window produced the selected output cell; the small outlines mark the cells max and min pooling kept. In 3D the block is cut open at the top of the window.',
      kind: '3d',
      describe: (pooled: Pooled, _scales: unknown, details: WindowDetails, dims: Dims) => `${describeInput(pooled.x, dims, details)} ${AXES_CAPTION[dims]}`,
    },
  });

  const outputs: Partial<Record<PoolKind, TermVoxelView>> = {};
  const shown = new Map<PoolKind, unknown>();
  let lastDetails: WindowDetails | null = null;
  const follow = (kind: PoolKind) => (cell: { x: number; y: number; z: number; d: number } | null) => {
    if (cell) selection.set([cell.x, cell.y, cell.z, cell.d]);
    else {
      // The pointer left: the selection stays, and every output view keeps showing it.
      const details = lastDetails;
      if (details) outputs[kind]?.voxel?.setCursor([...details.cell]);
    }
  };
  for (const kind of POOL_KINDS) {
    nb.view(`output-${kind}`, {
      inputs: ['pooled', 'scales', 'details', 'd'],
      create: (el, bus) => {
        const view = termVoxelView(el, bus, { formula: OUTPUT_FORMULAS[kind], terms: ['pool', 'H'], options: { legendLabel: kind === 'l2' ? 'value (own scale)' : 'value' }, onHover: follow(kind) });
        outputs[kind] = view;
        return view;
      },
      update: (view: TermVoxelView, pooled: Pooled, scales: ReturnType<typeof colourScales>, details: WindowDetails) => {
        lastDetails = details;
        const y = pooled.results[kind].y;
        if (!view.voxel || shown.get(kind) !== y) {
          view.show({ tensor: y, ...(kind === 'l2' ? scales.l2 : scales.shared), name: `${POOL_NAMES[kind]}, Hᵐ` });
          shown.set(kind, y);
        }
        view.voxel!.setCursor([...details.cell]);
      },
      figure: {
        title: OUTPUT_TITLES[kind],
        caption: OUTPUT_CAPTIONS[kind],
        kind: '3d',
        describe: (pooled: Pooled, _scales: unknown, details: WindowDetails, dims: Dims) => describeOutput(kind, pooled, dims, details),
      },
    });
  }

  nb.view('window', { inputs: ['details', 'd'], create: windowPanel });
  nb.view('sizes-view', { slot: 'sizes', inputs: ['sizes', 'd'], create: sizesPanel });
  nb.cell('costs', ['sizes', 'd', 'units'], (sizes: PoolSizes, dims: Dims, units: number) => nextLayerCosts(sizes, dims, units));
  nb.display('costs-panel', ['sizes', 'costs', 'd'], costPanel(), { slot: 'costs' });

  nb.equation('eq-6', EQ6);
  nb.erratum('eq-2', ERRATUM_EQ2);
  nb.code('code-block', {
    source: featureMapsSource,
    file: 'chapters/06-pooling/feature-maps.ts',
    fn: 'blockBeforePooling',
    caption: 'Eq. 6 up to pool: the feature maps the four poolings read, computed by the core. Point at a marked line to find its term.',
  });
  nb.code('code-pool-every', {
    source: poolingSource,
    file: 'chapters/06-pooling/pooling.ts',
    fn: 'poolEveryKind',
    caption: 'The same feature maps, the same window and stride, four pooling functions.',
  });
  nb.code('code-pool', {
    source: poolSource,
    file: 'src/nn/pool.ts',
    fn: 'forward',
    caption: 'pool(·) itself: x is g(BN(Wᵐ Hᵐ⁻¹ + bᵐ)); extremum and windowSums, above it in the same file, loop over each window.',
  });
  nb.code('code-pool', { source: poolSource, file: 'src/nn/pool.ts', fn: 'extremum', exported: false, caption: 'Max and min pooling: the largest (or smallest) value of each window, and which cell won, the only cell the gradient flows back to.' });
  nb.code('code-output-size', {
    source: outputSizeSource,
    file: 'src/tensor/output-size.ts',
    fn: 'outputSize',
    caption: 'Eq. 2, which pool.ts calls with padding 0 for every size above, once it has refused a window wider than its input.',
  });
});
