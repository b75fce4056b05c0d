/**
 * Keyboard map shared by the 3D views, so the same keys do the same thing
 * everywhere (and so it can be tested without a browser):
 *   arrows            orbit (15° a press)
 *   + / -             zoom in / out
 *   Shift + arrows    move the read-out cursor along x (←→) and y (↑↓)
 *   Page Up / Down    move the cursor along z
 *   [ / ]             previous / next feature map
 *   N / P             next / previous drawn cell
 *   Enter or Space    select the cell under the cursor
 *   Escape            hide the cursor
 *   Home              reset the camera
 */
import type { CursorMove } from './cursor.ts';

export const KEY_HELP =
  'Drag or use the arrow keys to rotate; + and − zoom (or Ctrl + scroll). Shift + arrows, Page Up/Down, [ and ] move the read-out cursor; N and P step through cells; Enter selects; Home resets the view.';

export type ViewAction =
  | { kind: 'rotate'; left: number; up: number }
  | { kind: 'zoom'; factor: number }
  | { kind: 'cursor'; move: CursorMove }
  | { kind: 'select' }
  | { kind: 'clear' }
  | { kind: 'reset' };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const STEP = Math.PI / 12;

export function keyAction(e: KeyLike): ViewAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const shift = e.shiftKey;
  switch (e.key) {
    case 'ArrowLeft':
      return shift ? { kind: 'cursor', move: { axis: 0, delta: -1 } } : { kind: 'rotate', left: STEP, up: 0 };
    case 'ArrowRight':
      return shift ? { kind: 'cursor', move: { axis: 0, delta: 1 } } : { kind: 'rotate', left: -STEP, up: 0 };
    case 'ArrowUp':
      return shift ? { kind: 'cursor', move: { axis: 1, delta: 1 } } : { kind: 'rotate', left: 0, up: STEP };
    case 'ArrowDown':
      return shift ? { kind: 'cursor', move: { axis: 1, delta: -1 } } : { kind: 'rotate', left: 0, up: -STEP };
    case 'PageUp':
      return { kind: 'cursor', move: { axis: 2, delta: 1 } };
    case 'PageDown':
      return { kind: 'cursor', move: { axis: 2, delta: -1 } };
    case ']':
      return { kind: 'cursor', move: { axis: 3, delta: 1 } };
    case '[':
      return { kind: 'cursor', move: { axis: 3, delta: -1 } };
    case 'n':
    case 'N':
      return { kind: 'cursor', move: 'next' };
    case 'p':
    case 'P':
      return { kind: 'cursor', move: 'previous' };
    case '+':
    case '=':
      return { kind: 'zoom', factor: 0.8 };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1.25 };
    case 'Enter':
    case ' ':
      return { kind: 'select' };
    case 'Escape':
      return { kind: 'clear' };
    case 'Home':
      return { kind: 'reset' };
    default:
      return null;
  }
}
