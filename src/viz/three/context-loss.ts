/**
 * What the 3D views say while the page's one WebGL context is lost, and when
 * to stop promising that it comes back.
 *
 * A context is lost when the GPU driver resets, the browser reclaims memory,
 * or a test forces it (WEBGL_lose_context). The browser gives it back with
 * 'webglcontextrestored' if the page called preventDefault on
 * 'webglcontextlost'; it may also refuse (too many losses on this page), and
 * then no event ever comes: after `giveUpMs` the views say so and how to get
 * the pictures back. Timers are injected so the sequence is unit-tested.
 */

export const CONTEXT_LOST_TEXT = '3D view paused: the graphics context was lost, restoring…';
export const CONTEXT_GONE_TEXT =
  '3D view paused: the graphics context was lost and the browser has not given it back. Reload the page to see the 3D views again; the 2D charts and equations still work.';
export const GIVE_UP_MS = 10_000;

export interface Timers {
  set(task: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (task, ms) => setTimeout(task, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ContextWatch {
  /** True between a loss and the restore. */
  readonly lost: boolean;
  /** The sentence the views show, or null while the context is there. */
  readonly message: string | null;
  onLost(): void;
  onRestored(): void;
  dispose(): void;
}

/**
 * `notify(message)` runs when the sentence changes: CONTEXT_LOST_TEXT at the
 * loss, CONTEXT_GONE_TEXT if no restore came within `giveUpMs`, null at the
 * restore. A second loss event before a restore changes nothing.
 */
export function watchContext(notify: (message: string | null) => void, options: { giveUpMs?: number; timers?: Timers } = {}): ContextWatch {
  const giveUpMs = options.giveUpMs ?? GIVE_UP_MS;
  const timers = options.timers ?? realTimers;
  let message: string | null = null;
  let timer: unknown = null;
  const stopTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const say = (next: string | null) => {
    if (next === message) return;
    message = next;
    notify(next);
  };
  return {
    get lost() {
      return message !== null;
    },
    get message() {
      return message;
    },
    onLost() {
      if (message !== null) return;
      say(CONTEXT_LOST_TEXT);
      timer = timers.set(() => {
        timer = null;
        say(CONTEXT_GONE_TEXT);
      }, giveUpMs);
    },
    onRestored() {
      stopTimer();
      say(null);
    },
    dispose() {
      stopTimer();
    },
  };
}
