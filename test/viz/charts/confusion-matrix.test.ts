/** The confusion matrix's arithmetic and text alternative (the drawing is checked in Chromium by the chapter 11 e2e spec). */
import { describe, expect, it } from 'vitest';
import { confusionStats, describeConfusion } from '../../../src/viz/charts/confusion-matrix.ts';

const classes = ['horizontal', 'folded', 'faulted', 'channels'];
// rows: true class; columns: predicted
const counts = [
  10, 0, 0, 0,
  1, 7, 2, 0,
  0, 3, 7, 0,
  0, 0, 0, 0,
];

describe('confusionStats', () => {
  it('sums rows, columns and the diagonal', () => {
    const s = confusionStats({ counts, classes });
    expect(s.total).toBe(30);
    expect(s.correct).toBe(24);
    expect(s.accuracy).toBeCloseTo(0.8, 12);
    expect(s.support).toEqual([10, 10, 10, 0]);
    expect(s.recall).toEqual([1, 0.7, 0.7, null]);
    expect(s.precision[0]).toBeCloseTo(10 / 11, 12);
    expect(s.precision[1]).toBeCloseTo(0.7, 12);
    expect(s.precision[3]).toBeNull();
    expect(s.shares[4]).toBeCloseTo(0.1, 12);
    expect(s.shares[15]).toBeNull();
    expect(s.worst).toEqual([2, 1, 3]);
  });

  it('has no worst confusion when every answer is right, and no accuracy without samples', () => {
    expect(confusionStats({ counts: [2, 0, 0, 3], classes: ['a', 'b'] }).worst).toBeNull();
    const empty = confusionStats({ counts: [0, 0, 0, 0], classes: ['a', 'b'] });
    expect(empty.accuracy).toBeNull();
    expect(empty.recall).toEqual([null, null]);
  });

  it('refuses counts that do not fill K x K or are not whole numbers', () => {
    expect(() => confusionStats({ counts: [1, 2, 3], classes: ['a', 'b'] })).toThrow(/3 counts do not fill 2 x 2/);
    expect(() => confusionStats({ counts: [1, 0.5, 0, 1], classes: ['a', 'b'] })).toThrow(/whole numbers/);
    expect(() => confusionStats({ counts: [1, Number.NaN, 0, 1], classes: ['a', 'b'] })).toThrow(/whole numbers/);
    expect(() => confusionStats({ counts: [1, -1, 0, 1], classes: ['a', 'b'] })).toThrow(/whole numbers/);
    expect(() => confusionStats({ counts: [], classes: [] })).toThrow(/at least one class/);
  });
});

describe('describeConfusion', () => {
  it('states size, accuracy, recalls and the most frequent confusion', () => {
    const text = describeConfusion({ counts, classes }, 'the validation set');
    expect(text).toContain('A 4 by 4 confusion matrix of 30 samples of the validation set');
    expect(text).toContain('24 correct, accuracy 80 %');
    expect(text).toContain('folded 70 %');
    expect(text).toContain('channels no samples');
    expect(text).toContain('3 faulted taken for folded');
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('says when nothing is counted yet and when all is right', () => {
    expect(describeConfusion({ counts: [0, 0, 0, 0], classes: ['a', 'b'] })).toContain('no samples counted yet');
    expect(describeConfusion({ counts: [1, 0, 0, 1], classes: ['a', 'b'] })).toContain('Every sample is classified correctly');
  });
});
