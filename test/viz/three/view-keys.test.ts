import { describe, expect, it } from 'vitest';
import { keyAction } from '../../../src/viz/three/view-keys.ts';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  keyAction({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyAction', () => {
  it('orbits with the arrow keys, in opposite directions for opposite keys', () => {
    const l = key('ArrowLeft');
    const r = key('ArrowRight');
    expect(l?.kind).toBe('rotate');
    expect(l && r && l.kind === 'rotate' && r.kind === 'rotate' && l.left === -r.left).toBe(true);
    expect(key('ArrowUp')).toMatchObject({ kind: 'rotate', left: 0 });
  });

  it('moves the cursor along x and y with Shift + arrows, z with Page keys, d with brackets', () => {
    expect(key('ArrowRight', { shiftKey: true })).toEqual({ kind: 'cursor', move: { axis: 0, delta: 1 } });
    expect(key('ArrowUp', { shiftKey: true })).toEqual({ kind: 'cursor', move: { axis: 1, delta: 1 } });
    expect(key('PageDown')).toEqual({ kind: 'cursor', move: { axis: 2, delta: -1 } });
    expect(key(']')).toEqual({ kind: 'cursor', move: { axis: 3, delta: 1 } });
    expect(key('n')).toEqual({ kind: 'cursor', move: 'next' });
  });

  it('zooms in with + and out with -', () => {
    const zin = key('+');
    const zout = key('-');
    expect(zin?.kind === 'zoom' && zin.factor < 1).toBe(true);
    expect(zout?.kind === 'zoom' && zout.factor > 1).toBe(true);
  });

  it('leaves browser shortcuts and unknown keys alone', () => {
    expect(key('ArrowLeft', { ctrlKey: true })).toBeNull();
    expect(key('+', { metaKey: true })).toBeNull();
    expect(key('q')).toBeNull();
    expect(key('Tab')).toBeNull();
  });
});
