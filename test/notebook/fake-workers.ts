/**
 * Workers for testing the training client without a browser: one that runs
 * the real training session in-process (messages cloned both ways, as
 * postMessage does, and delivered as later tasks), and one the test drives
 * by hand (hangs, crashes, answers what it is told to).
 */
import { createTrainingSession } from '../../src/model/training-session.ts';
import { PROTOCOL_VERSION } from '../../src/model/worker-protocol.ts';
import type { WorkerLike } from '../../src/notebook/training-client.ts';

type Listener = (event: Event) => void;

class Events {
  private readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string, fields: Record<string, unknown>): void {
    const event = Object.assign(new Event(type), fields);
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}

/** The real session behind a worker-shaped object. */
export class SessionWorker extends Events implements WorkerLike {
  terminated = false;
  readonly received: unknown[] = [];
  private readonly session = createTrainingSession({
    post: (message) => setTimeout(() => !this.terminated && this.dispatch('message', { data: structuredClone(message) })),
    now: () => performance.now(),
    defer: (task) => setTimeout(task),
  });

  constructor() {
    super();
    setTimeout(() => this.dispatch('message', { data: { type: 'ready', protocol: PROTOCOL_VERSION } }));
  }

  postMessage(message: unknown): void {
    if (this.terminated) return;
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => !this.terminated && this.session.handle(copy));
  }

  terminate(): void {
    this.terminated = true;
    this.session.dispose();
  }
}

/** A worker that does only what the test makes it do. */
export class ManualWorker extends Events implements WorkerLike {
  terminated = false;
  readonly received: { type: string; [key: string]: unknown }[] = [];
  /** Answer pings at once (a healthy idle worker). */
  answerPings = false;

  postMessage(message: unknown): void {
    const m = message as { type: string; seq?: number };
    this.received.push(m);
    if (m.type === 'ping' && this.answerPings) this.reply({ type: 'pong', seq: m.seq });
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: unknown): void {
    this.dispatch('message', { data });
  }

  crash(message: string): void {
    this.dispatch('error', { message });
  }

  unreadable(): void {
    this.dispatch('messageerror', {});
  }

  /** Answers every ping received so far. */
  answerAll(): void {
    for (const m of this.received.filter((r) => r.type === 'ping')) this.reply({ type: 'pong', seq: m.seq });
  }
}
