/**
 * Walking Vec(H^M) in order: Back, Play/Pause and Next buttons driving the
 * position slider, whose largest value follows the length of the vector (its
 * URL range stays fixed; a larger value, from a link or left by a longer
 * vector, shows the last position, is written back, and is said so). Playing moves one position every STEP_MS and stops
 * at the end. Nothing plays by itself: the reader presses Play, so
 * prefers-reduced-motion never meets an animation it did not ask for.
 */
import type { Control } from '../../src/notebook/index.ts';

export const STEP_MS = 320;

export interface Walker {
  readonly node: HTMLElement;
  /** After the layer changed: the length of the vector. */
  sync(length: number): void;
  readonly playing: boolean;
  dispose(): void;
}

function button(label: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button button--quiet walker__button';
  b.setAttribute('aria-label', label);
  b.textContent = text;
  return b;
}

export function createWalker(control: Control<number>): Walker {
  const node = document.createElement('div');
  node.className = 'walker';
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', 'Walk the vector');
  const back = button('Previous position', '◀ Back');
  const toggle = button('Play', '▶ Play');
  const next = button('Next position', 'Next ▶');
  const buttons = document.createElement('div');
  buttons.className = 'walker__buttons';
  buttons.append(back, toggle, next);
  const note = document.createElement('p');
  note.className = 'walker__note';
  note.setAttribute('aria-live', 'polite');
  node.append(buttons, note);
  const input = control.element.querySelector<HTMLInputElement>('input[type=range]');

  let length = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let playing = false;
  let ours = false;

  const set = (value: number): void => {
    ours = true;
    try {
      control.set(value);
    } finally {
      ours = false;
    }
  };
  const render = (): void => {
    toggle.textContent = playing ? '❚❚ Pause' : '▶ Play';
    toggle.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    toggle.setAttribute('aria-pressed', String(playing));
  };
  const pause = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!playing) return;
    playing = false;
    render();
  };
  const tick = (): void => {
    const p = control.get();
    if (p >= length - 1) return pause();
    set(p + 1);
    timer = setTimeout(tick, STEP_MS);
  };
  const play = (): void => {
    if (playing || length < 2) return;
    // From the end, start again at the beginning.
    if (control.get() >= length - 1) set(0);
    playing = true;
    render();
    timer = setTimeout(tick, STEP_MS);
  };

  back.addEventListener('click', () => {
    pause();
    set(Math.max(0, Math.min(length - 1, control.get()) - 1));
  });
  next.addEventListener('click', () => {
    pause();
    set(Math.min(length - 1, control.get() + 1));
  });
  toggle.addEventListener('click', () => (playing ? pause() : play()));
  const unsubscribe = control.subscribe(() => {
    if (!ours) pause();
  });
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
      length = Math.max(1, n);
      if (input && input.max !== String(length - 1)) input.max = String(length - 1);
      const asked = control.get();
      if (asked > length - 1) set(length - 1);
      note.textContent =
        asked > length - 1
          ? `Position ${asked} is past the end of this vector, which has ${length} values: showing the last, ${length - 1}.`
          : `This vector has ${length} values: p runs from 0 to ${length - 1}.`;
      back.disabled = next.disabled = toggle.disabled = length < 2;
    },
    dispose() {
      pause();
      unsubscribe();
      document.removeEventListener('visibilitychange', onHidden);
      node.remove();
    },
  };
}
