/**
 * Stepping the window: previous / play-pause / next buttons driving the
 * position slider, whose largest value follows the number of positions the
 * current layer has (its URL range stays fixed; a value past the end shows
 * the last position and is written back).
 *
 * Playing moves one position every STEP_MS and loops. With motion allowed
 * the player starts by itself the first time the explorer scrolls into
 * view, unless the link named a position; it pauses while the explorer is
 * out of view and stops for good once the reader steps, drags or presses
 * pause. With prefers-reduced-motion nothing moves until Play is pressed.
 */
import type { Control } from '../../src/notebook/index.ts';

export const STEP_MS = 700;

export interface Player {
  readonly node: HTMLElement;
  /** After the layer changed: the number of positions it has. */
  sync(count: number): void;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  dispose(): void;
}

export interface PlayerOptions {
  /** The element whose visibility starts and pauses autoplay. */
  readonly watch?: HTMLElement;
  /** Start by itself when watched element shows (ignored under prefers-reduced-motion). */
  readonly autoplay: boolean;
}

function rangeInput(control: Control<number>): HTMLInputElement | null {
  return control.element.querySelector<HTMLInputElement>('input[type=range]');
}

/** Makes a range control's largest value `max` (at most its spec's), moving its value inside. */
export function fitRange(control: Control<number>, max: number, unit = ''): void {
  const input = rangeInput(control);
  if (!input) return;
  if (input.max !== String(max)) input.max = String(max);
  const value = control.get();
  if (value > max) control.set(max);
  input.setAttribute('aria-valuetext', `${Math.min(value, max)} of ${max}${unit}`);
}

function button(label: string, text: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `button button--quiet player__button ${className}`;
  b.setAttribute('aria-label', label);
  b.textContent = text;
  return b;
}

export function createPlayer(control: Control<number>, options: PlayerOptions): Player {
  const node = document.createElement('div');
  node.className = 'player';
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', 'Move the window');
  const previous = button('Previous position', '◀ Back', 'player__previous');
  const toggle = button('Play', '▶ Play', 'player__toggle');
  const next = button('Next position', 'Next ▶', 'player__next');
  node.append(previous, toggle, next);

  let count = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let playing = false;
  let ours = false; // true while the player itself sets the position
  let touched = false; // the reader took over: no more autoplay
  let wasAutoplaying = false;

  const set = (value: number): void => {
    ours = true;
    try {
      control.set(value);
    } finally {
      ours = false;
    }
  };
  const step = (delta: number): void => {
    const p = Math.min(count, Math.max(1, control.get()));
    set(((p - 1 + delta + count) % count) + 1);
  };
  const render = (): void => {
    toggle.textContent = playing ? '❚❚ Pause' : '▶ Play';
    toggle.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    toggle.setAttribute('aria-pressed', String(playing));
    node.classList.toggle('is-playing', playing);
  };
  const tick = (): void => {
    step(1);
    timer = setTimeout(tick, STEP_MS);
  };
  const play = (): void => {
    if (playing || count < 2) return;
    playing = true;
    render();
    timer = setTimeout(tick, STEP_MS);
  };
  const pause = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!playing) return;
    playing = false;
    render();
  };
  const takeOver = (): void => {
    touched = true;
    wasAutoplaying = false;
    pause();
  };

  previous.addEventListener('click', () => {
    takeOver();
    step(-1);
  });
  next.addEventListener('click', () => {
    takeOver();
    step(1);
  });
  toggle.addEventListener('click', () => {
    const start = !playing;
    takeOver();
    if (start) play();
  });
  const unsubscribe = control.subscribe(() => {
    if (!ours) takeOver();
  });

  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  let observer: IntersectionObserver | undefined;
  if (options.autoplay && !reduced && options.watch && typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.some((e) => e.isIntersecting);
        if (visible && !touched && !playing) {
          wasAutoplaying = true;
          play();
        } else if (!visible && playing && wasAutoplaying) {
          pause();
        }
      },
      { threshold: 0.35 },
    );
    observer.observe(options.watch);
  }
  const onHidden = (): void => {
    if (document.hidden && wasAutoplaying) pause();
  };
  document.addEventListener('visibilitychange', onHidden);
  render();

  return {
    node,
    get playing() {
      return playing;
    },
    sync(n) {
      count = Math.max(1, n);
      ours = true;
      try {
        fitRange(control, count);
      } finally {
        ours = false;
      }
      previous.disabled = next.disabled = toggle.disabled = count < 2;
      if (count < 2) pause();
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
