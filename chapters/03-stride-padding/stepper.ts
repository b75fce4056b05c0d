/**
 * Steps the filter through its positions: the platform's player (Back,
 * Play / Pause, Next) over the windows in the core's order, and a sentence
 * saying where the current window is and what it reads. The position is the
 * window cursor's cell, numbered as the core numbers output cells. Nothing
 * plays by itself (prefers-reduced-motion or not); Play steps once per
 * STEP_MS, wrapping round at the end, until Pause or until the reader moves
 * the window some other way.
 */
import { createPlayer, type PlayerPosition } from '../../src/notebook/controls/index.ts';
import type { WindowCursor } from './cursor.ts';
import { clampCell, positionCell, positionIndex, windowAt, type StrideScene } from './stride-padding.ts';

export const STEP_MS = 700;

export interface Stepper {
  readonly node: HTMLElement;
  update(scene: StrideScene): void;
  dispose(): void;
}

const range = (from: number, to: number): string => (from === to ? `${from}` : `${from}–${to}`);

export function stepper(container: HTMLElement, cursor: WindowCursor): Stepper {
  let scene: StrideScene | null = null;
  const index = (): number => (scene ? positionIndex(scene, clampCell(scene, cursor.get())) : 0);
  const position: PlayerPosition = {
    get: index,
    set: (i) => {
      if (scene) cursor.set(positionCell(scene, i));
    },
    subscribe: (listener) => cursor.subscribe(() => listener(index())),
  };

  const node = document.createElement('div');
  node.className = 'sp-stepper';
  const text = document.createElement('p');
  text.className = 'sp-stepper__text';
  text.setAttribute('aria-live', 'polite');
  const player = createPlayer(position, {
    label: 'Filter position',
    noun: 'window',
    end: 'loop',
    pace: { stepMs: STEP_MS },
    // While playing, the sentence changes every step: not read aloud each time.
    onPlayingChange: (playing) => text.setAttribute('aria-live', playing ? 'off' : 'polite'),
  });
  node.append(player.node, text);
  container.append(node);

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
  const unsubscribe = cursor.subscribe(describe);

  return {
    node,
    update(nextScene) {
      scene = nextScene;
      player.sync(nextScene.positions.length - 1);
      describe();
    },
    dispose() {
      player.dispose();
      unsubscribe();
      node.remove();
    },
  };
}
