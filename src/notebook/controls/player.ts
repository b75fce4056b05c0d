/**
 * A player for a position: Back, Play / Pause and Next buttons that move a
 * whole-number position, usually a range control with URL state (its largest
 * value then follows the span the page has now, while its URL range stays
 * fixed: a value past the end shows the last position and is written back).
 *
 * The reader takes over by stepping, pressing Pause or moving the position any
 * other way (dragging the slider, Home/End, a click in a view): playing stops
 * and never starts again by itself. Nothing starts by itself unless the page
 * asks for autoplay, and never under prefers-reduced-motion (Play still works).
 * Playing pauses when the tab is hidden. Steps, starts and pace: playback.ts.
 * Styles: assets/player.css.
 */
import '../../../assets/player.css';
import type { Control } from './control.ts';
import { advance, clampPosition, playable, startPosition, stepPosition, type PlayPace, type PlaySpan } from './playback.ts';

export type { PlayPace } from './playback.ts';

/** What a player moves: a range control is one; so is any store of a whole number. */
export interface PlayerPosition {
  get(): number;
  set(value: number): void;
  subscribe(listener: (value: number) => void): () => void;
  /** A range control's field: the player keeps its slider's largest value and spoken value up to date. */
  readonly element?: HTMLElement;
}

export interface PlayerOptions {
  /** The group's accessible name, e.g. 'Move the window'. */
  readonly label: string;
  /** What one step moves, for the step buttons' names: 'position' gives "Previous position", "Next position". */
  readonly noun: string;
  /** The first position (default 0); the last comes with sync. */
  readonly first?: number;
  /** 'loop' wraps round at the ends and plays on; 'stop' holds at the ends and stops playing at the last. */
  readonly end: 'loop' | 'stop';
  /** One step every stepMs, or the whole way in seconds. */
  readonly pace: PlayPace;
  /**
   * Play by itself when `watch` is at least `threshold` visible, with motion allowed and
   * until the reader takes over: each time it comes into view (pausing out of view), or
   * `once`, from the first position.
   */
  readonly autoplay?: { readonly watch: HTMLElement; readonly threshold: number; readonly once?: boolean };
  /** Hears the player start and stop. */
  readonly onPlayingChange?: (playing: boolean) => void;
}

export interface Player {
  readonly node: HTMLElement;
  /** The span now ends at `last` (for a slider: its largest value). */
  sync(last: number): void;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  dispose(): void;
}

function rangeInput(element: HTMLElement | undefined): HTMLInputElement | null {
  return element?.querySelector<HTMLInputElement>('input[type=range]') ?? null;
}

/** Speaks a slider's value with its end: "3 of 49". */
function speakValue(input: HTMLInputElement, value: number, max: number, unit: string): void {
  input.setAttribute('aria-valuetext', `${Math.min(value, max)} of ${max}${unit}`);
}

/** Makes a range control's largest value `max` (its URL range stays its spec's), moving its value inside. */
export function fitRange(control: Control<number>, max: number, unit = ''): void {
  const input = rangeInput(control.element);
  if (!input) return;
  if (input.max !== String(max)) input.max = String(max);
  const value = control.get();
  if (value > max) control.set(max);
  speakValue(input, value, max, unit);
}

function button(action: string, label: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `button button--quiet player__button player__${action === 'play' ? 'toggle' : action}`;
  b.dataset.action = action;
  b.setAttribute('aria-label', label);
  b.textContent = text;
  return b;
}

export function createPlayer(position: PlayerPosition, options: PlayerOptions): Player {
  const node = document.createElement('div');
  node.className = 'player';
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', options.label);
  const previous = button('previous', `Previous ${options.noun}`, '◀ Back');
  const toggle = button('play', 'Play', '▶ Play');
  const next = button('next', `Next ${options.noun}`, 'Next ▶');
  node.append(previous, toggle, next);

  const input = rangeInput(position.element);
  const first = options.first ?? 0;
  let span: PlaySpan = { first, last: first, end: options.end };
  let playing = false;
  let frame = 0;
  let at = 0; // the fractional position while playing
  let then = 0;
  let ours = false; // true while the player itself moves the position
  let touched = false; // the reader took over: no more autoplay
  let autoplaying = false;

  const set = (value: number): void => {
    if (value === position.get()) return;
    ours = true;
    try {
      position.set(value);
    } finally {
      ours = false;
    }
  };
  const render = (): void => {
    toggle.textContent = playing ? '❚❚ Pause' : '▶ Play';
    toggle.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    toggle.setAttribute('aria-pressed', String(playing));
    node.classList.toggle('is-playing', playing);
  };
  const pause = (): void => {
    cancelAnimationFrame(frame);
    frame = 0;
    autoplaying = false;
    if (!playing) return;
    playing = false;
    render();
    options.onPlayingChange?.(false);
  };
  const tick = (now: number): void => {
    const moved = advance(at, now - then, options.pace, span);
    then = now;
    at = moved.position;
    set(Math.floor(at));
    if (moved.done) return pause();
    frame = requestAnimationFrame(tick);
  };
  const play = (): void => {
    if (playing || !playable(span)) return;
    at = startPosition(position.get(), span);
    set(at);
    playing = true;
    render();
    options.onPlayingChange?.(true);
    then = performance.now();
    frame = requestAnimationFrame(tick);
  };
  const takeOver = (): void => {
    touched = true;
    pause();
  };

  previous.addEventListener('click', () => {
    takeOver();
    set(stepPosition(position.get(), -1, span));
  });
  next.addEventListener('click', () => {
    takeOver();
    set(stepPosition(position.get(), 1, span));
  });
  toggle.addEventListener('click', () => {
    const start = !playing;
    takeOver();
    if (start) play();
  });
  const unsubscribe = position.subscribe((value) => {
    if (input) speakValue(input, value, span.last, '');
    if (!ours) takeOver();
  });

  const auto = options.autoplay;
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  let observer: IntersectionObserver | undefined;
  if (auto && !reduced && typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.some((e) => e.isIntersecting);
        if (visible && !touched && !playing) {
          if (auto.once) {
            touched = true;
            observer?.disconnect();
            set(first);
          }
          play();
          autoplaying = !auto.once;
        } else if (!visible && autoplaying) {
          pause();
        }
      },
      { threshold: auto.threshold },
    );
    observer.observe(auto.watch);
  }
  const onHidden = (): void => {
    if (document.hidden) pause();
  };
  document.addEventListener('visibilitychange', onHidden);
  render();

  return {
    node,
    get playing() {
      return playing;
    },
    sync(last) {
      span = { first, last: Math.max(first, last), end: options.end };
      ours = true;
      try {
        if (input && input.max !== String(span.last)) input.max = String(span.last);
        const value = position.get();
        if (value !== clampPosition(value, span)) position.set(clampPosition(value, span));
        if (input) speakValue(input, position.get(), span.last, '');
      } finally {
        ours = false;
      }
      at = Math.min(at, span.last);
      previous.disabled = next.disabled = toggle.disabled = !playable(span);
      if (!playable(span)) pause();
    },
    play,
    pause,
    dispose() {
      pause();
      unsubscribe();
      observer?.disconnect();
      document.removeEventListener('visibilitychange', onHidden);
      node.remove();
    },
  };
}
