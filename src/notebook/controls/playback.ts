/**
 * The arithmetic of a player (player.ts), without the DOM: where a step from a
 * position lands, where Play starts, and how far a frame of playing moves.
 *
 * Positions are whole numbers from `first` to `last`. A span that loops wraps
 * round at both ends (stepping and playing); one that stops holds at its ends,
 * and Play from the last position starts again at the first. Playing moves a
 * fractional position, shown as its whole part, at a pace given either as one
 * step every `stepMs` or as the whole span in `seconds`, whatever its length.
 */

export interface PlaySpan {
  readonly first: number;
  readonly last: number;
  /** 'loop': wrap round at the ends and play on; 'stop': hold at the ends, playing stops at the last. */
  readonly end: 'loop' | 'stop';
}

export type PlayPace = { readonly stepMs: number } | { readonly seconds: number };

/**
 * A frame longer than this (a busy machine, a tab brought back) moves no further
 * than one this long, or than one whole step where a step takes longer.
 */
export const MAX_FRAME_MS = 250;

/** Whether the span has anywhere to go: at least two positions. */
export function playable(span: PlaySpan): boolean {
  return span.last > span.first;
}

/** The position brought inside the span. */
export function clampPosition(value: number, span: PlaySpan): number {
  return Math.min(Math.max(span.first, value), Math.max(span.first, span.last));
}

/** Where `delta` steps from `value` land: wrapping round a looping span, held at the ends of a stopping one. */
export function stepPosition(value: number, delta: number, span: PlaySpan): number {
  const from = clampPosition(value, span);
  if (span.end === 'stop') return clampPosition(from + delta, span);
  const n = Math.max(1, span.last - span.first + 1);
  return span.first + ((((from - span.first + delta) % n) + n) % n);
}

/** Where Play starts from `value`: there, or at the first position when a stopping span is at its end. */
export function startPosition(value: number, span: PlaySpan): number {
  const from = clampPosition(value, span);
  return span.end === 'stop' && from >= span.last ? span.first : from;
}

/** Positions per millisecond at this pace over this span. */
export function positionsPerMs(pace: PlayPace, span: PlaySpan): number {
  if ('stepMs' in pace) return 1 / pace.stepMs;
  return Math.max(0, span.last - span.first) / (pace.seconds * 1000);
}

/**
 * One frame of playing: the fractional position `ms` later (see MAX_FRAME_MS)
 * and whether playing has reached the end of a stopping span.
 */
export function advance(position: number, ms: number, pace: PlayPace, span: PlaySpan): { position: number; done: boolean } {
  const rate = positionsPerMs(pace, span);
  const next = position + Math.min(Math.max(0, ms), Math.max(MAX_FRAME_MS, rate > 0 ? 1 / rate : 0)) * rate;
  if (span.end === 'stop') return next >= span.last ? { position: span.last, done: true } : { position: next, done: false };
  const n = span.last - span.first + 1;
  return { position: next >= span.last + 1 ? span.first + ((next - span.first) % n) : next, done: false };
}
