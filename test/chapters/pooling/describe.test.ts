import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/tensor/tensor.ts';
import { blockBeforePooling } from '../../../chapters/06-pooling/feature-maps.ts';
import { colourScales, describeGeology, describeInput, describeOutput } from '../../../chapters/06-pooling/describe.ts';
import { poolEveryKind, poolGeometry } from '../../../chapters/06-pooling/pooling.ts';
import { windowDetails } from '../../../chapters/06-pooling/selection.ts';
import { overlapNote } from '../../../chapters/06-pooling/window-panel.ts';

describe('text alternatives of the views', () => {
  it('say what the grid is, its shape and how much of it is sandstone', () => {
    const well = tensor([1, 12, 1, 1, 1], [1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(describeGeology(well, 1, 'horizontal')).toBe(
      'Hᵐ⁻¹: the sandstone indicator of a 12-cell well column of horizontal layering, 1 for sandstone and 0 for any other facies; 3 of 12 cells are sandstone.',
    );
    expect(describeGeology(tensor([1, 4, 4, 1, 1]), 2, 'faulted')).toMatch(/^Hᵐ⁻¹: the sandstone indicator of a 4 × 4 cross-section of faulted layers/);
  });

  it('state the shape, the value range and the selected window and cell', () => {
    const x = tensor([1, 4, 1, 1, 2], [0, 1, 2, -1, 3, 0.5, 4, 2]);
    const pooled = poolEveryKind(x, poolGeometry(1, [2, 1, 1], [2, 1, 1]));
    const details = windowDetails(pooled, [1, 0, 0, 1]);
    expect(describeInput(x, 1, details)).toBe(
      'g(BN(Wᵐ Hᵐ⁻¹ + bᵐ)): 4 cells, 2 feature maps (sand top and sand-rich), values from −1 to 4. The window of the selected output cell covers x 2–3 of feature map d = 1.',
    );
    expect(describeOutput('min', pooled, 1, details)).toBe(
      'Min pooling, Hᵐ: 2 cells, 2 feature maps, values from −1 to 3. Selected cell x 1 of feature map d = 1: 0.5.',
    );
    expect(describeOutput('max', pooled, 1, null)).toBe('Max pooling, Hᵐ: 2 cells, 2 feature maps, values from 1 to 4.');
  });
});

describe('colour scales', () => {
  it('share one sequential scale for input, max, average and min after ReLU, and give L2 its own', () => {
    const maps = blockBeforePooling({ dims: 3, size: 10, structure: 'folded', model: 2, batchNorm: true, activation: 'relu' }).activated;
    const pooled = poolEveryKind(maps, poolGeometry(3, [2, 2, 2], [2, 2, 2]));
    const { shared, l2 } = colourScales(pooled);
    expect(shared.colormap).toBe('viridis');
    expect(shared.domain[0]).toBe(0);
    for (const kind of ['max', 'avg', 'min'] as const) expect(Math.max(...pooled.results[kind].y.data)).toBeLessThanOrEqual(shared.domain[1]);
    expect(Math.max(...pooled.results.l2.y.data)).toBeGreaterThan(shared.domain[1]);
    expect(Math.max(...pooled.results.l2.y.data)).toBeLessThanOrEqual(l2.domain[1]);
  });

  it('turn diverging, centred on 0, when the activation gives negative values', () => {
    const maps = blockBeforePooling({ dims: 2, size: 12, structure: 'channels', model: 3, batchNorm: true, activation: 'tanh' }).activated;
    const { shared } = colourScales(poolEveryKind(maps, poolGeometry(2, [2, 2, 1], [2, 2, 1])));
    expect(shared.colormap).toBe('diverging');
    expect(shared.domain[0]).toBe(-shared.domain[1]);
  });
});

describe('overlapping windows in words', () => {
  it('name the axes where the next window shares cells, and nothing when windows tile or skip', () => {
    const x = tensor([1, 6, 6, 1, 1]);
    const details = (window: [number, number, number], stride: [number, number, number]) =>
      windowDetails(poolEveryKind(x, poolGeometry(2, window, stride)), [0, 0, 0, 0]);
    expect(overlapNote(details([3, 2, 1], [1, 2, 1]), 2)).toMatch(/^Windows overlap: this one shares 2 cells along x with the next window/);
    expect(overlapNote(details([3, 3, 1], [2, 1, 1]), 2)).toMatch(/shares 1 cell along x and 2 cells along y/);
    expect(overlapNote(details([2, 2, 1], [2, 3, 1]), 2)).toBeNull();
  });
});
