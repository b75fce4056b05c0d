/**
 * Chapter 3, Stride and padding (tutorial §2.1, eq. 2, Figures 4 and 5):
 * input size, filter size, stride and padding per axis; eq. 2 evaluated live
 * with those numbers; the padded input and every window position in 3D and
 * along each axis in 2D; the output and what each of its cells sees; the
 * cost in multiply-adds; and the paper's Figures 4 and 5 as presets.
 */
import { startChapter, type Control } from '../../src/notebook/index.ts';
import outputSizeSource from '../../src/tensor/output-size.ts?raw';
import strideSource from './stride-padding.ts?raw';
import { axisDiagram } from './axis-diagram.ts';
import { createWindowCursor } from './cursor.ts';
import { EQ2, ERRATUM_DEPTH, ERRATUM_EQ2, ERRATUM_SAME } from './equations.ts';
import { describeAxes, describeInput, describeOutput } from './describe.ts';
import { inputView } from './input-view.ts';
import { liveEquation } from './live-equation.ts';
import { outputView } from './output-view.ts';
import { axisControlsNote, numbersTable, sameList } from './panels.ts';
import { PRESETS, type Preset } from './presets.ts';
import { stepper } from './stepper.ts';
import { AXES, arithmetic, configure, strideScene, type AxisSettings, type Dims } from './stride-padding.ts';
import { TERMS } from './terms.ts';
import '../../assets/chapter.css';
import './stride-padding.css';

/** Default settings per axis: x as in Figure 4, y dropping one position, z kept its size by "same" padding. */
const DEFAULTS: Readonly<Record<'x' | 'y' | 'z', AxisSettings>> = {
  x: { input: 7, filter: 3, stride: 2, padding: 0 },
  y: { input: 6, filter: 3, stride: 2, padding: 1 },
  z: { input: 4, filter: 3, stride: 1, padding: 1 },
};

startChapter({ terms: TERMS }, (nb) => {
  const dims = nb.radio('dims', {
    slot: 'controls-main',
    label: 'Input grid',
    options: [
      { value: '1', label: '1D' },
      { value: '2', label: '2D' },
      { value: '3', label: '3D' },
    ],
    value: '3',
    description: 'A drill hole (1D), a section or map (2D), a block model (3D).',
  });

  const sliders: Record<string, Control<number>> = {};
  for (const a of AXES) {
    const slot = `controls-${a}`;
    const d = DEFAULTS[a];
    sliders[`in-${a}`] = nb.range(`in-${a}`, { slot, label: `Input size, in_${a}`, min: 1, max: 16, step: 1, value: d.input });
    sliders[`w-${a}`] = nb.range(`w-${a}`, { slot, label: `Filter size, w_${a}`, min: 1, max: 7, step: 1, value: d.filter });
    sliders[`st-${a}`] = nb.range(`st-${a}`, { slot, label: `Stride, st_${a}`, min: 1, max: 4, step: 1, value: d.stride });
    sliders[`p-${a}`] = nb.range(`p-${a}`, { slot, label: `Padding, p_${a}`, min: 0, max: 3, step: 1, value: d.padding });
  }

  const apply = (preset: Preset): void => {
    const current = Number(dims.get()) as Dims;
    const { dims: nextDims, axes } = preset.settings(current, (a) => ({
      input: sliders[`in-${a}`]!.get(),
      filter: sliders[`w-${a}`]!.get(),
      stride: sliders[`st-${a}`]!.get(),
      padding: sliders[`p-${a}`]!.get(),
    }));
    dims.set(String(nextDims));
    for (const [a, s] of Object.entries(axes)) {
      sliders[`in-${a}`]!.set(s.input);
      sliders[`w-${a}`]!.set(s.filter);
      sliders[`st-${a}`]!.set(s.stride);
      sliders[`p-${a}`]!.set(s.padding);
    }
  };
  for (const preset of PRESETS) {
    nb.button(`preset-${preset.key}`, { slot: 'presets', label: preset.label, description: preset.description }).subscribe(() => apply(preset));
  }
  nb.resetButton('controls-reset');

  nb.radio('mark', {
    slot: 'controls-view',
    label: 'Marked in the padded input',
    options: [
      { value: 'corners', label: 'First cell of every window' },
      { value: 'window', label: 'Cells of the current window' },
    ],
    value: 'corners',
  });

  const axisInputs = AXES.flatMap((a) => [`in-${a}`, `w-${a}`, `st-${a}`, `p-${a}`]);
  nb.cell('config', ['dims', ...axisInputs], (d: string, ...v: number[]) => {
    const settings = [0, 1, 2].map((a) => ({ input: v[a * 4]!, filter: v[a * 4 + 1]!, stride: v[a * 4 + 2]!, padding: v[a * 4 + 3]! }));
    return configure(Number(d) as Dims, settings as unknown as [AxisSettings, AxisSettings, AxisSettings]);
  });
  nb.cell('arithmetic', ['config'], arithmetic);
  nb.cell('scene', ['config'], strideScene);

  const groups = AXES.map((a) => nb.slot(`controls-${a}`).closest<HTMLElement>('.sp-axis-group')!);
  nb.display('axes-note', ['dims'], (d: string) => axisControlsNote(Number(d), groups));

  nb.equation('eq-2', EQ2);
  nb.erratum('eq-2-erratum', ERRATUM_EQ2);
  nb.view('live-equation', { inputs: ['arithmetic'], create: liveEquation });
  nb.code('code-arithmetic', {
    source: strideSource,
    file: 'chapters/03-stride-padding/stride-padding.ts',
    fn: 'axisArithmetic',
    caption: "The numbers in the equation above, from the core's outputLength and droppedPositions. Point at a marked line to find its term.",
  });
  nb.code('code-output-size', {
    source: outputSizeSource,
    file: 'src/tensor/output-size.ts',
    fn: 'outputSize',
    caption: 'Eq. 2 as every convolution and pooling layer of the model computes it, refusing a window larger than the padded input.',
  });

  const cursor = createWindowCursor();
  nb.view('stepper', { inputs: ['scene'], create: (el) => stepper(el, cursor) });
  nb.view('input-3d', {
    inputs: ['scene', 'mark'],
    create: (el, bus) => inputView(el, bus, cursor),
    figure: {
      title: 'The padded input and the filter positions.',
      caption:
        'Cells along x (east), y (north) and z (up); padding cells small and grey. Colour: how many window positions read each cell (viridis, dark = never read). Box: the current window. A volume is cut open at the top of the current window.',
      kind: '3d',
      describe: describeInput,
    },
  });
  nb.view('output-3d', {
    inputs: ['scene'],
    create: (el, bus) => outputView(el, bus, cursor),
    figure: {
      title: 'The output feature map H.',
      caption: 'One cell per window position, along the same axes. Colour: how many input cells (not padding) the window sees (cividis). Box: the current cell; point at a cell to move the window.',
      kind: '3d',
      describe: describeOutput,
    },
  });
  nb.view('axes-2d', {
    inputs: ['scene'],
    create: (el, bus) => axisDiagram(el, bus, cursor),
    figure: {
      title: 'Eq. 2 along each axis.',
      caption:
        'Each row of squares is the padded input along one axis (grey: padding zeros; coloured and numbered: how many windows read the cell; input cell numbers underneath). Brackets: every window position; the thick one is current. Squares at the bottom: the output cells.',
      kind: '2d',
      describe: describeAxes,
    },
  });
  nb.display('numbers', ['scene'], numbersTable);

  nb.display('same', ['arithmetic'], sameList);
  nb.erratum('erratum-same', ERRATUM_SAME);
  nb.erratum('erratum-depth', ERRATUM_DEPTH);
  nb.code('code-coverage', {
    source: strideSource,
    file: 'chapters/03-stride-padding/stride-padding.ts',
    fn: 'axisLine',
    caption: 'What the colours count, along one axis: every window adds one to the cells it covers, and counts the input cells it sees. The 3D views multiply the three axes.',
  });
});
