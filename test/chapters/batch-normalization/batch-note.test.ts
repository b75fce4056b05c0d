/** What chapter 5 says about m, the number of values behind each map's statistics. */
import { describe, expect, it } from 'vitest';
import { batchNote } from '../../../chapters/05-batch-normalization/batch-note.ts';

describe('the note on m = n h_x h_y h_z', () => {
  it('states m for an ordinary batch', () => {
    const note = batchNote([8, 6, 6, 6, 4], 0);
    expect(note.level).toBe('info');
    expect(note.m).toBe(1728);
    expect(note.paragraphs[0]).toContain('8 \\cdot 6 \\cdot 6 \\cdot 6 = 1728');
  });

  it('says the output is beta when a batch of one has 1 x 1 x 1 maps', () => {
    const note = batchNote([1, 1, 1, 1, 4], -0.5);
    expect(note.level).toBe('broken');
    expect(note.paragraphs.join(' ')).toContain('\\beta = -0.5');
    expect(note.paragraphs.join(' ')).toMatch(/variance is 0/);
  });

  it('warns that two values normalize to -1 and +1, and that a batch of one is a single sample', () => {
    expect(batchNote([2, 1, 1, 1, 4], 0).paragraphs[1]).toMatch(/−1 or \+1/);
    const one = batchNote([1, 6, 6, 1, 4], 0);
    expect(one.level).toBe('caution');
    expect(one.paragraphs[1]).toMatch(/single sample/);
  });
});
