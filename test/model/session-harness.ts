/**
 * A training session driven by hand: a fake clock that advances `cost` ms
 * each time the session reads it (so a "slice" has a known length), a queue
 * of deferred tasks run one at a time, and every posted message kept.
 */
import { createTrainingSession, type TrainingSession } from '../../src/model/training-session.ts';
import type { DataGenerators } from '../../src/model/training-data.ts';
import type { WorkerMessage } from '../../src/model/worker-protocol.ts';

export interface Posted {
  readonly message: WorkerMessage;
  readonly transfer: readonly ArrayBuffer[];
}

export interface Harness {
  readonly session: TrainingSession;
  readonly posted: Posted[];
  /** Runs the next deferred task; false when none is queued. */
  runOne(): boolean;
  /** Runs deferred tasks until none is left (or `limit` ran). */
  drain(limit?: number): number;
  /** Messages of one type, in order. */
  of<T extends WorkerMessage['type']>(type: T): Extract<WorkerMessage, { type: T }>[];
  /** The clock, in ms. */
  time(): number;
}

export function harness(options: { cost?: number; generators?: DataGenerators } = {}): Harness {
  let t = 0;
  const cost = options.cost ?? 0;
  const queue: (() => void)[] = [];
  const posted: Posted[] = [];
  const session = createTrainingSession({
    post: (message, transfer) => posted.push({ message, transfer }),
    now: () => (t += cost),
    defer: (task) => queue.push(task),
    ...(options.generators ? { generators: options.generators } : {}),
  });
  const runOne = () => {
    const task = queue.shift();
    if (!task) return false;
    task();
    return true;
  };
  return {
    session,
    posted,
    runOne,
    drain(limit = 1_000_000) {
      let n = 0;
      while (n < limit && runOne()) n++;
      return n;
    },
    of: (type) => posted.map((p) => p.message).filter((m) => m.type === type) as never,
    time: () => t,
  };
}

/** Every number anywhere in a message (typed arrays included), with its path. */
export function numbersIn(value: unknown, path = 'message', out: { path: string; value: number }[] = []): { path: string; value: number }[] {
  if (typeof value === 'number') out.push({ path, value });
  else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    Array.from(value as unknown as ArrayLike<number>, (v, i) => out.push({ path: `${path}[${i}]`, value: v }));
  } else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

/** Every typed array in a message. */
export function typedArraysIn(value: unknown, out: ArrayBufferView[] = []): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => typedArraysIn(v, out));
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) typedArraysIn(v, out);
  return out;
}
