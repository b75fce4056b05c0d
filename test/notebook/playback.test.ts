import { describe, expect, it } from 'vitest';
import { advance, clampPosition, MAX_FRAME_MS, playable, positionsPerMs, startPosition, stepPosition, type PlaySpan } from '../../src/notebook/controls/playback.ts';

const loop: PlaySpan = { first: 1, last: 9, end: 'loop' };
const stop: PlaySpan = { first: 0, last: 300, end: 'stop' };

describe('a player’s steps', () => {
  it('wrap round both ends of a looping span', () => {
    expect(stepPosition(1, 1, loop)).toBe(2);
    expect(stepPosition(9, 1, loop)).toBe(1);
    expect(stepPosition(1, -1, loop)).toBe(9);
    expect(stepPosition(5, -13, loop)).toBe(1);
  });

  it('hold at the ends of a stopping span', () => {
    expect(stepPosition(0, -1, stop)).toBe(0);
    expect(stepPosition(300, 1, stop)).toBe(300);
    expect(stepPosition(299, 1, stop)).toBe(300);
  });

  it('start from a value brought inside the span (a link may name one past the end)', () => {
    expect(clampPosition(2000, stop)).toBe(300);
    expect(clampPosition(-4, loop)).toBe(1);
    expect(stepPosition(2000, -1, stop)).toBe(299);
    expect(stepPosition(50, 1, loop)).toBe(1);
  });

  it('need two positions to go anywhere', () => {
    expect(playable({ first: 1, last: 1, end: 'loop' })).toBe(false);
    expect(playable({ first: 0, last: 1, end: 'stop' })).toBe(true);
    expect(stepPosition(1, 1, { first: 1, last: 1, end: 'loop' })).toBe(1);
  });
});

describe('playing', () => {
  it('starts where the position is, or from the first when a stopping span is at its end', () => {
    expect(startPosition(4, loop)).toBe(4);
    expect(startPosition(9, loop)).toBe(9);
    expect(startPosition(120, stop)).toBe(120);
    expect(startPosition(300, stop)).toBe(0);
    expect(startPosition(2000, stop)).toBe(0);
  });

  it('moves one step per stepMs, or the whole span in the given seconds whatever its length', () => {
    expect(positionsPerMs({ stepMs: 700 }, loop)).toBeCloseTo(1 / 700);
    expect(positionsPerMs({ seconds: 6 }, stop)).toBeCloseTo(300 / 6000);
    expect(positionsPerMs({ seconds: 6 }, { first: 0, last: 30, end: 'stop' })).toBeCloseTo(30 / 6000);
    let at = 3;
    for (let frame = 0; frame < 41; frame++) at = advance(at, 1000 / 60, { stepMs: 700 }, loop).position;
    expect(Math.floor(at)).toBe(3);
    at = advance(at, 2000 / 60, { stepMs: 700 }, loop).position;
    expect(Math.floor(at)).toBe(4);
  });

  it('wraps round a looping span and stops at the end of a stopping one', () => {
    expect(advance(9.9, 140, { stepMs: 700 }, loop)).toEqual({ position: expect.closeTo(1.1, 9), done: false });
    expect(advance(299.5, 100, { seconds: 6 }, stop)).toEqual({ position: 300, done: true });
    expect(advance(10, 100, { seconds: 6 }, stop)).toEqual({ position: 15, done: false });
  });

  it('moves no further in one long frame than a short frame or one whole step', () => {
    expect(advance(0, 5000, { seconds: 6 }, stop).position).toBeCloseTo(MAX_FRAME_MS * (300 / 6000));
    expect(advance(1, 5000, { stepMs: 700 }, loop).position).toBeCloseTo(2);
    expect(advance(1, 300, { stepMs: 700 }, loop).position).toBeCloseTo(1 + 300 / 700);
    expect(advance(4, -20, { stepMs: 700 }, loop).position).toBe(4);
  });
});
