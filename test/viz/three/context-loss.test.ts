/** What the 3D views say through a WebGL context loss, a restore, and a restore that never comes. */
import { describe, expect, it } from 'vitest';
import { CONTEXT_GONE_TEXT, CONTEXT_LOST_TEXT, watchContext, type Timers } from '../../../src/viz/three/context-loss.ts';

/** Timers the test advances by hand. */
function manualTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; task: () => void }>();
  let next = 1;
  const timers: Timers = {
    set(task, ms) {
      const id = next++;
      pending.set(id, { at: now + ms, task });
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending]) {
      if (t.at <= now) {
        pending.delete(id);
        t.task();
      }
    }
  };
  return { timers, advance, pending };
}

describe('watchContext', () => {
  it('says the view is paused and restoring while lost, and nothing once restored', () => {
    const { timers, advance, pending } = manualTimers();
    const said: (string | null)[] = [];
    const watch = watchContext((m) => said.push(m), { timers, giveUpMs: 1000 });
    expect(watch.lost).toBe(false);
    expect(watch.message).toBeNull();
    watch.onLost();
    expect(watch.lost).toBe(true);
    expect(watch.message).toBe(CONTEXT_LOST_TEXT);
    expect(CONTEXT_LOST_TEXT).toMatch(/^3D view paused: the graphics context was lost, restoring…$/);
    advance(500);
    watch.onRestored();
    expect(watch.lost).toBe(false);
    expect(said).toEqual([CONTEXT_LOST_TEXT, null]);
    expect(pending.size).toBe(0);
    advance(5000);
    expect(said).toEqual([CONTEXT_LOST_TEXT, null]);
  });

  it('a second loss event before the restore changes nothing and starts no second timer', () => {
    const { timers, pending } = manualTimers();
    const said: (string | null)[] = [];
    const watch = watchContext((m) => said.push(m), { timers, giveUpMs: 1000 });
    watch.onLost();
    watch.onLost();
    expect(said).toEqual([CONTEXT_LOST_TEXT]);
    expect(pending.size).toBe(1);
  });

  it('when no restore comes, says in words that the page must be reloaded; a late restore still clears it', () => {
    const { timers, advance } = manualTimers();
    const said: (string | null)[] = [];
    const watch = watchContext((m) => said.push(m), { timers, giveUpMs: 1000 });
    watch.onLost();
    advance(999);
    expect(said).toEqual([CONTEXT_LOST_TEXT]);
    advance(1);
    expect(said).toEqual([CONTEXT_LOST_TEXT, CONTEXT_GONE_TEXT]);
    expect(watch.message).toMatch(/Reload the page/);
    expect(watch.message).toMatch(/2D charts and equations still work/);
    watch.onRestored();
    expect(said).toEqual([CONTEXT_LOST_TEXT, CONTEXT_GONE_TEXT, null]);
  });

  it('loses and restores again, each time from the first sentence', () => {
    const { timers } = manualTimers();
    const said: (string | null)[] = [];
    const watch = watchContext((m) => said.push(m), { timers });
    for (let i = 0; i < 3; i++) {
      watch.onLost();
      watch.onRestored();
    }
    expect(said).toEqual([CONTEXT_LOST_TEXT, null, CONTEXT_LOST_TEXT, null, CONTEXT_LOST_TEXT, null]);
  });

  it('a restore without a loss says nothing; dispose cancels the give-up timer', () => {
    const { timers, advance, pending } = manualTimers();
    const said: (string | null)[] = [];
    const watch = watchContext((m) => said.push(m), { timers, giveUpMs: 10 });
    watch.onRestored();
    expect(said).toEqual([]);
    watch.onLost();
    watch.dispose();
    expect(pending.size).toBe(0);
    advance(100);
    expect(said).toEqual([CONTEXT_LOST_TEXT]);
  });
});
