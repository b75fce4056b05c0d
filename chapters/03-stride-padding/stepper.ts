/**
 * Steps the filter through its positions: Previous, Play / Pause, Next, and
 * a sentence saying where the current window is and what it reads. Nothing
 * plays by itself (prefers-reduced-motion or not); Play steps once per
 * STEP_MS until Pause, wrapping at the end.
 */
import type { WindowCursor } from './cursor.ts';
import { stepCell, windowAt, type StrideScene } from './stride-padding.ts';

export const STEP_MS = 700;

export interface Stepper {
  readonly node: HTMLElement;
  update(scene: StrideScene): void;
  dispose(): void;
}

function button(label: string, action: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button button--quiet';
  b.dataset.action = action;
  b.textContent = label;
  return b;
}

const range = (from: number, to: number): string => (from === to ? `${from}` : `${from}–${to}`);

export function stepper(container: HTMLElement, cursor: WindowCursor): Stepper {
  const node = document.createElement('div');
  node.className = 'sp-stepper';
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', 'Filter position');
  const previous = button('◀ Previous', 'previous');
  const play = button('Play', 'play');
  play.setAttribute('aria-pressed', 'false');
  const next = button('Next ▶', 'next');
  const buttons = document.createElement('div');
  buttons.className = 'sp-stepper__buttons';
  buttons.append(previous, play, next);
  const text = document.createElement('p');
  text.className = 'sp-stepper__text';
  text.setAttribute('aria-live', 'polite');
  node.append(buttons, text);
  container.append(node);

  let scene: StrideScene | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const step = (delta: number): void => {
    if (scene) cursor.set(stepCell(scene, cursor.get(), delta));
  };

  function describe(): void {
    if (!scene) return;
    const w = windowAt(scene, cursor.get());
    const dims = scene.config.dims;
    const axes = ['x', 'y', 'z'].slice(0, dims);
    const where = axes.map((a, i) => `${a} ${range(w.from[i]!, w.to[i]!)}`).join(', ');
    const cell = w.output.slice(0, dims).join(', ');
    const zeros = w.cells.length - w.inputCells;
    text.textContent =
      `Window ${w.index + 1} of ${scene.positions.length} makes output cell (${cell}). ` +
      `It covers padded cells ${where}: ${w.inputCells} input cell${w.inputCells === 1 ? '' : 's'}` +
      (zeros > 0 ? ` and ${zeros} padding zero${zeros === 1 ? '' : 's'}.` : ', no padding.');
  }

  function setPlaying(on: boolean): void {
    clearInterval(timer);
    timer = on ? setInterval(() => step(1), STEP_MS) : undefined;
    play.textContent = on ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(on));
    // While playing, the sentence changes every step: not read aloud each time.
    text.setAttribute('aria-live', on ? 'off' : 'polite');
  }

  previous.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  play.addEventListener('click', () => setPlaying(timer === undefined));
  const unsubscribe = cursor.subscribe(describe);

  return {
    node,
    update(nextScene) {
      scene = nextScene;
      describe();
    },
    dispose() {
      setPlaying(false);
      unsubscribe();
      node.remove();
    },
  };
}
