/**
 * Walking Vec(H^M) in order: the platform's player (Back, Play/Pause, Next)
 * on the position slider, whose largest value follows the length of the
 * vector, and a sentence under it saying how long the vector is. A larger
 * value, from a link or left by a longer vector, shows the last position, is
 * written back, and is said so. Playing moves one position every STEP_MS and
 * stops at the end. Nothing plays by itself: the reader presses Play.
 */
import { createPlayer, type Control } from '../../src/notebook/controls/index.ts';

export const STEP_MS = 320;

export interface Walker {
  readonly node: HTMLElement;
  /** After the layer changed: the length of the vector. */
  sync(length: number): void;
  dispose(): void;
}

export function createWalker(control: Control<number>): Walker {
  const node = document.createElement('div');
  node.className = 'walker';
  const player = createPlayer(control, { label: 'Walk the vector', noun: 'position', end: 'stop', pace: { stepMs: STEP_MS } });
  const note = document.createElement('p');
  note.className = 'walker__note';
  note.setAttribute('aria-live', 'polite');
  node.append(player.node, note);

  return {
    node,
    sync(n) {
      const length = Math.max(1, n);
      const asked = control.get();
      player.sync(length - 1);
      note.textContent =
        asked > length - 1
          ? `Position ${asked} is past the end of this vector, which has ${length} values: showing the last, ${length - 1}.`
          : `This vector has ${length} values: p runs from 0 to ${length - 1}.`;
    },
    dispose() {
      player.dispose();
      node.remove();
    },
  };
}
