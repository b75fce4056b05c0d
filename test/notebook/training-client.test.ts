/** The page's training client against fake workers: commands, views, snapshots, failure, heartbeat, restart. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrainingView } from '../../src/model/training-view.ts';
import { createTrainingClient, type TrainingClient, type TrainingEvent } from '../../src/notebook/training-client.ts';
import { RACE, job } from '../model/training-jobs.ts';
import { ManualWorker, SessionWorker } from './fake-workers.ts';

/** Resolves with the first view that passes `test` (checked on every change). */
function until(client: TrainingClient, test: (view: TrainingView) => boolean): Promise<TrainingView> {
  if (test(client.view)) return Promise.resolve(client.view);
  return new Promise((resolve) => {
    const off = client.subscribe((view) => {
      if (test(view)) {
        off();
        resolve(view);
      }
    });
  });
}

function manual(options: { heartbeatMs?: number; timeoutMs?: number } = {}) {
  const workers: ManualWorker[] = [];
  const events: TrainingEvent[] = [];
  const client = createTrainingClient({
    createWorker: () => {
      const w = new ManualWorker();
      workers.push(w);
      return w;
    },
    ...options,
  });
  client.subscribe((_, event) => events.push(event));
  return { client, workers, events };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('with the real session behind a worker', () => {
  const clients: TrainingClient[] = [];
  const real = () => {
    const client = createTrainingClient({ createWorker: () => new SessionWorker() });
    clients.push(client);
    return client;
  };
  afterEach(() => clients.splice(0).forEach((c) => c.terminate()));

  it('trains to the end and keeps every batch loss', async () => {
    const client = real();
    const jobId = client.start(job({ epochs: 30 }));
    expect(client.view).toMatchObject({ status: 'starting', jobId });
    const view = await until(client, (v) => v.status === 'finished');
    expect(view.info!.network.layers.map((l) => l.label)).toEqual(['conv c1', 'activation relu', 'pool max', 'flatten', 'dense fc1']);
    expect(view.runs[0]!.losses).toHaveLength(30);
    expect(view.runs[0]!.epochs).toHaveLength(30);
    expect(view.runs[0]!.losses[29]!).toBeLessThan(view.runs[0]!.losses[0]!);
    expect(Object.isFrozen(view)).toBe(true);
  });

  it('pauses, steps one update, resets and trains the same curve again', async () => {
    const client = real();
    client.start(job({ startPaused: true, epochs: 8 }));
    await until(client, (v) => v.status === 'paused');
    client.step();
    client.step();
    const stepped = await until(client, (v) => v.runs[0]!.step === 2);
    expect(stepped.status).toBe('paused');
    client.resume();
    const first = [...(await until(client, (v) => v.status === 'finished')).runs[0]!.losses];
    client.reset();
    const reset = await until(client, (v) => v.generation === 1 && v.status === 'paused');
    expect(reset.runs[0]!.losses).toHaveLength(0);
    client.resume();
    const again = await until(client, (v) => v.generation === 1 && v.status === 'finished');
    expect([...again.runs[0]!.losses]).toEqual(first);
  });

  it('inspect resolves with the snapshot it asked for, or rejects with the reason', async () => {
    const client = real();
    client.start(job({ startPaused: true, runs: RACE }));
    await until(client, (v) => v.status === 'paused');
    const snapshot = await client.inspect({ set: 'train', index: 2 }, { runId: 'adam', include: { parameters: false } });
    expect(snapshot).toMatchObject({ runId: 'adam', sample: { index: 2 }, parameters: [{ name: 'c1.w', value: null, gradient: null }, { name: 'c1.b' }, { name: 'fc1.w' }, { name: 'fc1.b' }] });
    expect(client.view.snapshot).toBe(snapshot);
    await expect(client.inspect({ set: 'train', index: 100 })).rejects.toThrow('inspect: sample 100 is outside the train set of 16');
  });

  it('reports a refused job as an error with its reason', async () => {
    const client = real();
    client.start(job({ network: { layers: [{ type: 'flatten' }, { type: 'dense', name: 'fc', units: 5 }], inputShape: [4, 4, 1, 1] } }));
    const view = await until(client, (v) => v.status === 'error');
    expect(view.message).toBe('data: train.target must have shape [16, 5], got [16, 2]');
  });

  it('names the run that diverged in a race', async () => {
    const client = real();
    client.start(job({ runs: [RACE[0]!, { id: 'wild', label: 'SGD, alpha = 1e4', optimizer: { kind: 'sgd', lr: 1e4 }, schedule: 'stochastic' }] }));
    const view = await until(client, (v) => v.status === 'finished');
    expect(view.message).toMatch(/^SGD, alpha = 1e4: Update \d+ \(epoch 1\) diverged: /);
    expect(view.runs.map((r) => r.status)).toEqual(['finished', 'diverged']);
  });
});

describe('worker failure', () => {
  it('an error event fails the client with the message, and restart starts the job again in a new worker', async () => {
    const { client, workers, events } = manual();
    const first = client.start(job());
    const inspected = client.inspect({ set: 'train', index: 0 });
    workers[0]!.crash('out of memory');
    expect(client.view).toMatchObject({ status: 'failed', failure: 'The training worker stopped: out of memory.' });
    expect(workers[0]!.terminated).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'failure', message: 'The training worker stopped: out of memory.' });
    await expect(inspected).rejects.toThrow('The training worker stopped: out of memory.');

    client.restart();
    expect(workers).toHaveLength(2);
    const sent = workers[1]!.received.find((m) => m.type === 'start')!;
    expect(sent.jobId).not.toBe(first);
    expect(sent.job).toEqual(job());
    expect(client.view).toMatchObject({ status: 'starting', jobId: sent.jobId, failure: null });
  });

  it('a worker whose script does not load is reported too', () => {
    const { client, workers } = manual();
    client.start(job());
    workers[0]!.crash('');
    expect(client.view.failure).toBe('The training worker stopped: it could not be loaded or it crashed.');
  });

  it('a message that cannot be read, or is not ours, fails the client', () => {
    const a = manual();
    a.client.start(job());
    a.workers[0]!.unreadable();
    expect(a.client.view).toMatchObject({ status: 'failed', failure: 'A message from the training worker could not be read; restart it.' });
    const b = manual();
    b.client.start(job());
    b.workers[0]!.reply({ kind: 'progress' });
    expect(b.client.view.status).toBe('failed');
    const c = manual();
    c.client.start(job());
    c.workers[0]!.reply({ type: 'ready', protocol: 99 });
    expect(c.client.view.failure).toMatch(/protocol 99, this page 1/);
  });

  it('messages from an old worker or an old job change nothing', () => {
    const { client, workers } = manual();
    const one = client.start(job());
    workers[0]!.crash('gone');
    client.restart();
    workers[0]!.reply({ type: 'done', jobId: one, generation: 0, reason: 'finished', runs: [] });
    expect(client.view.status).toBe('starting');
    const two = workers[1]!.received.find((m) => m.type === 'start')!.jobId as string;
    client.start(job());
    workers[1]!.reply({ type: 'done', jobId: two, generation: 0, reason: 'finished', runs: [] });
    expect(client.view.status).toBe('starting');
  });

  it('terminate ends the worker; commands are then not sent and restart makes a new worker', () => {
    const { client, workers, events } = manual();
    client.start(job());
    client.terminate();
    expect(workers[0]!.terminated).toBe(true);
    expect(client.view.status).toBe('terminated');
    expect(events.at(-1)).toEqual({ type: 'terminated' });
    const before = workers[0]!.received.length;
    client.pause();
    client.step();
    expect(workers[0]!.received).toHaveLength(before);
    client.restart();
    expect(workers).toHaveLength(2);
    expect(client.view.status).toBe('starting');
  });

  it('after a failure, commands go nowhere until restart', () => {
    const { client, workers } = manual();
    client.start(job());
    workers[0]!.crash('x');
    client.stop();
    client.resume();
    expect(workers[0]!.received.map((m) => m.type)).toEqual(['start']);
  });

  it('restart without a job gives a fresh, idle worker', () => {
    const { client, workers, events } = manual();
    client.restart();
    expect(workers).toHaveLength(1);
    expect(client.view.status).toBe('idle');
    expect(events.at(-1)).toEqual({ type: 'restarted' });
  });
});

describe('heartbeat', () => {
  it('a worker that stops answering pings is reported after timeoutMs', () => {
    vi.useFakeTimers();
    const { client, workers } = manual({ heartbeatMs: 1000, timeoutMs: 5000 });
    client.start(job());
    vi.advanceTimersByTime(1000);
    expect(workers[0]!.received.filter((m) => m.type === 'ping')).toHaveLength(1);
    vi.advanceTimersByTime(4000);
    expect(client.view.status).toBe('starting');
    vi.advanceTimersByTime(2000);
    expect(client.view).toMatchObject({ status: 'failed', failure: 'The training worker has not answered for 5 s: it stopped or is stuck.' });
    expect(workers[0]!.terminated).toBe(true);
    // No more pings to a dead worker.
    const pings = workers[0]!.received.length;
    vi.advanceTimersByTime(10_000);
    expect(workers[0]!.received).toHaveLength(pings);
  });

  it('a worker that answers is never reported', () => {
    vi.useFakeTimers();
    const { client, workers } = manual({ heartbeatMs: 1000, timeoutMs: 3000 });
    client.start(job());
    workers[0]!.answerPings = true;
    vi.advanceTimersByTime(60_000);
    expect(client.view.status).toBe('starting');
    expect(workers[0]!.received.filter((m) => m.type === 'ping').length).toBeGreaterThanOrEqual(59);
  });

  it('a page stalled longer than the timeout does not blame the worker', () => {
    vi.useFakeTimers();
    const { client, workers } = manual({ heartbeatMs: 1000, timeoutMs: 3000 });
    client.start(job());
    vi.advanceTimersByTime(1000); // ping 1 goes out
    vi.setSystemTime(Date.now() + 30_000); // the page is blocked; the pong waits behind the next tick
    vi.advanceTimersByTime(1000);
    expect(client.view.status).toBe('starting');
    workers[0]!.answerAll();
    workers[0]!.answerPings = true;
    vi.advanceTimersByTime(10_000);
    expect(client.view.status).toBe('starting');
  });
});

describe('states()', () => {
  it('yields the current view at once, then the latest after each change, coalescing', async () => {
    const { client, workers } = manual();
    const states = client.states();
    expect((await states.next()).value).toMatchObject({ status: 'idle' });
    const jobId = client.start(job());
    const w = workers[0]!;
    w.reply({ type: 'started', jobId, generation: 0, network: { inputShape: [1], outputShape: [1], layers: [], parameterCount: 0 }, data: { trainSize: 1, validationSize: 0, classNames: null }, runs: [{ id: 'sgd', label: 'sgd', batchesPerEpoch: 1 }], epochs: 1, maxSteps: null });
    w.reply({ type: 'progress', jobId, generation: 0, state: 'paused', elapsedMs: 0, updatesPerSecond: null, runs: [] });
    const next = await states.next();
    expect(next.value).toBe(client.view);
    expect(next.value).toMatchObject({ status: 'paused', info: { runs: [{ id: 'sgd' }] } });
  });

  it('return() ends a pending next() and stops listening', async () => {
    const { client } = manual();
    const states = client.states();
    await states.next();
    const pending = states.next();
    await states.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await states.next()).toEqual({ done: true, value: undefined });
    client.start(job()); // no listener left to wake
  });

  it('works with for await, as a cell would pull it', async () => {
    const client = createTrainingClient({ createWorker: () => new SessionWorker() });
    client.start(job({ epochs: 5 }));
    const seen: string[] = [];
    for await (const view of client.states()) {
      seen.push(view.status);
      if (view.status === 'finished') break;
    }
    client.terminate();
    expect(seen[0]).toBe('starting');
    expect(seen.at(-1)).toBe('finished');
  });
});
