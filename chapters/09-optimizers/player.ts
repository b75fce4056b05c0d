/**
 * Playing the race: Back / Play-Pause / Next buttons that drive the "update
 * shown, t" slider, whose largest value follows the number of updates run
 * (its URL range stays fixed; a t past the end is brought back to it).
 *
 * Play runs the race from update 0 (or from where it was paused) to the end
 * in about PLAY_SECONDS, whatever the number of updates, one frame at a time.
 * With motion allowed the race plays once by itself the first time it
 * scrolls into view, unless the link named an update; with
 * prefers-reduced-motion nothing moves until Play is pressed. Stepping,
 * dragging or pausing stops it for good.
 */
import type { Control } from '../../src/notebook/index.ts';

export const PLAY_SECONDS = 6;

export interface RacePlayer {
  readonly node: HTMLElement;
  /** The race now has `count` updates: the slider's end. */
  sync(count: number): void;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  dispose(): void;
}

function button(label: string, text: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `button button--quiet opt-player__button ${className}`;
  b.setAttribute('aria-label', label);
  b.textContent = text;
  return b;
}

export function createRacePlayer(control: Control<number>, options: { watch?: HTMLElement; autoplay: boolean }): RacePlayer {
  const node = document.createElement('div');
  node.className = 'opt-player';
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', 'Play the race');
  const previous = button('Previous update', '◀ Back', 'opt-player__previous');
  const toggle = button('Play', '▶ Play', 'opt-player__toggle');
  const next = button('Next update', 'Next ▶', 'opt-player__next');
  node.append(previous, toggle, next);

  const input = control.element.querySelector<HTMLInputElement>('input[type=range]');
  let count = 0;
  let frame = 0;
  let playing = false;
  let position = 0; // fractional t while playing
  let last = 0;
  let ours = false;
  let touched = false;

  const set = (t: number): void => {
    ours = true;
    try {
      control.set(t);
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
  const tick = (now: number): void => {
    const dt = Math.min(0.25, (now - last) / 1000);
    last = now;
    position = Math.min(count, position + (dt * count) / PLAY_SECONDS);
    const t = Math.floor(position);
    if (t !== control.get()) set(t);
    if (position >= count) {
      pause();
      return;
    }
    frame = requestAnimationFrame(tick);
  };
  const play = (): void => {
    if (playing || count < 1) return;
    const from = Math.min(control.get(), count);
    position = from >= count ? 0 : from;
    set(Math.floor(position));
    playing = true;
    render();
    last = performance.now();
    frame = requestAnimationFrame(tick);
  };
  const pause = (): void => {
    cancelAnimationFrame(frame);
    frame = 0;
    if (!playing) return;
    playing = false;
    render();
  };
  const takeOver = (): void => {
    touched = true;
    pause();
  };
  const step = (delta: number): void => set(Math.max(0, Math.min(count, Math.min(control.get(), count) + delta)));

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
        if (entries.some((e) => e.isIntersecting) && !touched) {
          touched = true;
          observer?.disconnect();
          set(0);
          play();
        }
      },
      { threshold: 0.5 },
    );
    observer.observe(options.watch);
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
    sync(n) {
      count = Math.max(0, n);
      if (input && input.max !== String(count)) input.max = String(count);
      if (control.get() > count) set(count);
      previous.disabled = next.disabled = toggle.disabled = count < 1;
      if (position > count) position = count;
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
