/**
 * Chapter 1, Architecture (tutorial §2, Figures 1 and 2): the controls of a
 * small CNN, the network they describe (planned by the model), its diagram
 * and table, and the equations of both zones with their terms linked to the
 * diagram and to the code that builds the layer stack.
 */
import { startChapter } from '../../src/notebook/index.ts';
import outputSizeSource from '../../src/tensor/output-size.ts?raw';
import architectureSource from './architecture.ts?raw';
import { describeArchitecture, type ArchitectureConfig } from './architecture.ts';
import { describeForReaders, describeInput } from './describe.ts';
import { inputSample } from './input-sample.ts';
import { inputView } from './input-view.ts';
import { architectureDiagram } from './diagram.ts';
import { EQ1, EQ3, EQ5, EQ6, EQ7, EQ8, ERRATUM_BN, ERRATUM_DROPOUT, ERRATUM_EQ2 } from './equations.ts';
import { markBlockEquation } from './block-equation.ts';
import { shapeTable } from './shape-table.ts';
import { TERMS } from './terms.ts';
import '../../assets/chapter.css';
import './architecture.css';

startChapter({ terms: TERMS }, (nb) => {
  const features = { slot: 'controls-features' };
  nb.radio('dims', {
    ...features,
    label: 'Input grid',
    options: [
      { value: '1', label: '1D' },
      { value: '2', label: '2D' },
      { value: '3', label: '3D' },
    ],
    value: '2',
    description: 'A drill hole (1D), a map (2D) or a block model (3D).',
  });
  nb.range('size', { ...features, label: 'Cells per axis', min: 8, max: 64, step: 4, value: 32, unit: 'cells' });
  nb.radio('depth', {
    ...features,
    label: 'Input variables (depth)',
    options: [
      { value: '1', label: '1: facies code' },
      { value: '4', label: '4: one per facies' },
    ],
    value: '1',
    description: 'Each cell holds its rock type as one number, or as four indicators.',
  });
  nb.range('blocks', { ...features, label: 'Convolution blocks (M)', min: 1, max: 4, step: 1, value: 2 });
  nb.range('filters', { ...features, label: 'Filters in block 1', min: 2, max: 32, step: 2, value: 8, description: 'Each later block doubles them.' });
  nb.radio('padding', {
    ...features,
    label: 'Padding (p)',
    options: [
      { value: '0', label: '0 (valid)' },
      { value: '1', label: '1 (same)' },
    ],
    value: '1',
    description: 'Zeros around each side before a 3-cell convolution.',
  });
  nb.toggle('bn', { ...features, label: 'Batch normalization (eq. 5)', value: true });
  nb.toggle('pool', { ...features, label: 'Max pooling over 2 cells (eq. 6)', value: true });
  nb.select('g', {
    ...features,
    label: 'Activation (g)',
    options: [
      { value: 'relu', label: 'ReLU' },
      { value: 'tanh', label: 'TanH' },
      { value: 'sigmoid', label: 'Sigmoid' },
    ],
    value: 'relu',
  });
  const inference = { slot: 'controls-inference' };
  nb.range('dense', { ...inference, label: 'Fully connected layers (F)', min: 1, max: 3, step: 1, value: 2 });
  nb.range('units', { ...inference, label: 'Units per hidden FC layer', min: 8, max: 256, step: 8, value: 64 });
  nb.range('classes', { ...inference, label: 'Classes (K)', min: 2, max: 10, step: 1, value: 4, description: 'Rock types to tell apart, for example.' });
  nb.resetButton('controls-reset');

  nb.cell(
    'config',
    ['dims', 'size', 'depth', 'blocks', 'filters', 'padding', 'bn', 'pool', 'g', 'dense', 'units', 'classes'],
    (dims, size, depth, blocks, filters, padding, bn, pool, g, dense, units, classes): ArchitectureConfig => ({
      dims: Number(dims) as 1 | 2 | 3,
      size,
      depth: Number(depth),
      blocks,
      filters,
      padding: Number(padding) as 0 | 1,
      batchNorm: bn,
      pooling: pool,
      activation: g,
      dense,
      units,
      classes,
    }),
  );
  nb.cell('architecture', ['config'], describeArchitecture);

  nb.view('diagram', {
    inputs: ['architecture'],
    create: architectureDiagram,
    figure: {
      title: 'The network.',
      caption: 'Shapes give the cells along x, y and z, then the feature maps. Glyphs grow with log2 of the cells and stack one outline per feature map (up to six). Select a layer to read about it.',
      kind: 'diagram',
      describe: describeForReaders,
    },
  });
  nb.view('shapes', { inputs: ['architecture'], create: shapeTable });
  // The input reads only the grid settings: the network's other controls leave it (and its 3D view) as they are.
  nb.cell('sample', ['dims', 'size', 'depth'], (dims: string, size: number, depth: string) => inputSample({ dims: Number(dims) as 1 | 2 | 3, size, depth: Number(depth) }));
  nb.view('input', {
    inputs: ['sample'],
    create: inputView,
    figure: {
      title: 'The input X.',
      caption:
        'One synthetic folded sequence of shale, sandstone, siltstone and limestone, cut to the grid above. Colour: the facies code scaled to 0–1, or with four variables one indicator map per facies, side by side. Drag to turn it; arrow keys move the read-out.',
      kind: '3d',
      describe: describeInput,
    },
  });
  nb.display('block-equation', ['bn', 'pool'], (bn: boolean, pool: boolean) => markBlockEquation({ batchNorm: bn, pooling: pool }));

  nb.equation('eq-1', EQ1);
  nb.erratum('eq-2', ERRATUM_EQ2);
  nb.equation('eq-3', EQ3);
  nb.equation('eq-5', EQ5);
  nb.erratum('eq-5', ERRATUM_BN);
  nb.erratum('eq-5', ERRATUM_DROPOUT);
  nb.equation('eq-6', EQ6);
  nb.equation('eq-7', EQ7);
  nb.equation('eq-8', EQ8);
  nb.code('code-layers', {
    source: architectureSource,
    file: 'chapters/01-architecture/architecture.ts',
    fn: 'architectureLayers',
    caption: 'The layer stack the diagram and the table are planned from. Point at a marked line to find its term in the equations.',
  });
  nb.code('code-output-size', {
    source: outputSizeSource,
    file: 'src/tensor/output-size.ts',
    fn: 'outputSize',
    caption: 'Eq. 2, used by every convolution and pooling layer of the model.',
  });
});
