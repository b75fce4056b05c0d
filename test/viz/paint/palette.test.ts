import { describe, expect, it } from 'vitest';
import { SERIES_COLORS, seriesColor } from '../../../src/viz/paint/index.ts';

describe('seriesColor', () => {
  it('cycles through the Okabe-Ito colours, negative indices included', () => {
    expect(seriesColor(0)).toBe('#0072b2');
    expect(seriesColor(SERIES_COLORS.length)).toBe(seriesColor(0));
    expect(seriesColor(-1)).toBe(SERIES_COLORS[SERIES_COLORS.length - 1]);
  });
});
