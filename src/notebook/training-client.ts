/**
 * The page's side of training: owns the worker (src/workers/training.worker.ts),
 * sends it commands, folds its messages into a TrainingView
 * (src/model/training-view.ts), and notices when it is gone.
 *
 *   const client = createTrainingClient();
 *   invalidation.then(() => client.terminate());
 *   client.start(job);
 *   for await (const view of client.states()) ...   // or as a generator cell
 *
 * Failure: the worker's `error` event (it crashed, or its script did not
 * load), `messageerror` (a message could not be read), or a heartbeat: a
 * ping every `heartbeatMs`, and a failure when one goes unanswered for
 * `timeoutMs` (the session answers within one time slice, so only a hung
 * worker misses it). Then the view's status is 'failed' with a message, and
 * `restart()` makes a new worker and starts the last job again from its seed.
 */
import { checkNetworkInput } from '../model/network-input.ts';
import { parseSavedNetwork, savedNetworkFileName, type SavedNetwork } from '../model/saved-network.ts';
import { TrainingHistory, type TrainingView } from '../model/training-view.ts';
import {
  PROTOCOL_VERSION,
  isWorkerMessage,
  type InspectInclude,
  type NetworkMessage,
  type PageMessage,
  type PredictionMessage,
  type SampleRef,
  type SnapshotMessage,
  type TrainingJob,
  type WorkerMessage,
} from '../model/worker-protocol.ts';
import type { Tensor } from '../tensor/index.ts';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
}

export interface TrainingClientOptions {
  /** Default: the bundled training worker, as a module worker. */
  readonly createWorker?: () => WorkerLike;
  /** Default 1000 ms. */
  readonly heartbeatMs?: number;
  /** How long a ping may go unanswered; default 10 000 ms (one update of a large 3D network can take a second). */
  readonly timeoutMs?: number;
}

/** What changed the view: a worker message, or the client's own news. */
export type TrainingEvent =
  | WorkerMessage
  | { readonly type: 'starting'; readonly jobId: string }
  | { readonly type: 'failure'; readonly message: string }
  | { readonly type: 'terminated' }
  | { readonly type: 'restarted' };

export type TrainingListener = (view: TrainingView, event: TrainingEvent) => void;

/** A run's trained network, as the worker wrote it. */
export interface ExportedNetwork {
  /** The file's text (src/model/saved-network.ts format), ready for a download. */
  readonly text: string;
  /** The same, read back and checked. */
  readonly network: SavedNetwork;
  /** A suggested download name, e.g. cnn-atlas-network-adam-step600.json. */
  readonly fileName: string;
  readonly runId: string;
  readonly step: number;
}

export interface PredictOptions {
  /** Also every hidden layer H^m of the input (default false). */
  readonly activations?: boolean;
}

export interface TrainingClient {
  /** The latest view (frozen; a new object after every change). */
  readonly view: TrainingView;
  /** Sends a job to the worker (starting one if there is none); returns its id. */
  start(job: TrainingJob): string;
  pause(): void;
  resume(): void;
  /** One update of every run, while paused. */
  step(): void;
  /** Back to update 0 with the initial weights from the seed, paused. */
  reset(): void;
  stop(): void;
  /** A detailed snapshot of a run (default the first) for one sample. */
  inspect(sample: SampleRef, options?: { readonly runId?: string; readonly include?: InspectInclude }): Promise<SnapshotMessage>;
  /** The run's trained network (default the first run) as a network file. */
  exportNetwork(runId?: string): Promise<ExportedNetwork>;
  /**
   * The run's network (default the first) on one input, [...inputShape] or
   * [1, ...inputShape]: output, softmax, predicted class, and H^m on request.
   * Rejects at once, with checkNetworkInput's reason, an input of another
   * shape than the running job's network takes.
   */
  predict(runId: string | undefined, input: Tensor, options?: PredictOptions): Promise<PredictionMessage>;
  /** Ends the worker; `start` or `restart` makes a new one. */
  terminate(): void;
  /** A new worker, and the last job started again from its seed. */
  restart(): void;
  subscribe(listener: TrainingListener): () => void;
  /** The latest view each time one is pulled, waiting for a change; ends when `return()` is called (cell invalidation). */
  states(): AsyncIterableIterator<TrainingView>;
}

function bundledWorker(): WorkerLike {
  return new Worker(new URL('../workers/training.worker.ts', import.meta.url), { type: 'module', name: 'cnn-atlas-training' });
}

/** Messages that answer one request, by requestId. */
type Answer = SnapshotMessage | NetworkMessage | PredictionMessage;

interface Pending {
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

export function createTrainingClient(options: TrainingClientOptions = {}): TrainingClient {
  const createWorker = options.createWorker ?? bundledWorker;
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const history = new TrainingHistory();
  const listeners = new Set<TrainingListener>();
  const pending = new Map<number, Pending>();
  let worker: WorkerLike | null = null;
  let job: TrainingJob | null = null;
  let jobCount = 0;
  let requestCount = 0;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let ping = { seq: 0, sentAt: 0, awaiting: false, lastTick: 0 };

  const emit = (event: TrainingEvent) => {
    const view = history.view();
    for (const listener of [...listeners]) listener(view, event);
  };

  const rejectPending = (reason: string) => {
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
  };

  function dropWorker(): void {
    if (heartbeat !== null) clearInterval(heartbeat);
    heartbeat = null;
    const w = worker;
    worker = null;
    w?.terminate();
  }

  function failure(message: string): void {
    if (!worker) return;
    dropWorker();
    rejectPending(message);
    history.fail(message);
    emit({ type: 'failure', message });
  }

  function onMessage(from: WorkerLike, data: unknown): void {
    if (from !== worker) return;
    if (!isWorkerMessage(data)) return failure('The training worker sent a message this page does not understand; restart it.');
    if (data.type === 'ready' && data.protocol !== PROTOCOL_VERSION) {
      return failure(`The training worker speaks protocol ${data.protocol}, this page ${PROTOCOL_VERSION}; reload the page.`);
    }
    if (data.type === 'pong' && data.seq === ping.seq) ping.awaiting = false;
    const answers = data.type === 'snapshot' || data.type === 'network' || data.type === 'prediction' || data.type === 'error';
    if (answers && data.requestId !== null) {
      if (data.type === 'error') pending.get(data.requestId)?.reject(new Error(data.message));
      else pending.get(data.requestId)?.resolve(data);
      pending.delete(data.requestId);
    }
    if (history.apply(data)) emit(data);
  }

  /** Ping unless one is out; fail when one has been out for timeoutMs of time the page was awake. */
  function beat(): void {
    const now = Date.now();
    // A late tick means the page itself was stalled (a long task, a hidden tab): the
    // worker's answer may be queued behind this very tick, so give it a full timeout again.
    if (now - ping.lastTick > 2 * heartbeatMs) ping.sentAt = now;
    ping.lastTick = now;
    if (ping.awaiting) {
      if (now - ping.sentAt > timeoutMs) failure(`The training worker has not answered for ${Math.round(timeoutMs / 1000)} s: it stopped or is stuck.`);
      return;
    }
    ping = { ...ping, seq: ping.seq + 1, sentAt: now, awaiting: true };
    send({ type: 'ping', seq: ping.seq });
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    let w: WorkerLike;
    try {
      w = createWorker();
    } catch (e) {
      const message = `The training worker could not be created: ${e instanceof Error ? e.message : String(e)}`;
      history.fail(message);
      emit({ type: 'failure', message });
      throw e;
    }
    worker = w;
    w.addEventListener('message', (event) => onMessage(w, (event as MessageEvent).data));
    w.addEventListener('messageerror', () => {
      if (w === worker) failure('A message from the training worker could not be read; restart it.');
    });
    w.addEventListener('error', (event) => {
      if (w !== worker) return;
      const detail = (event as ErrorEvent).message;
      failure(`The training worker stopped: ${detail || 'it could not be loaded or it crashed'}.`);
    });
    ping = { seq: 0, sentAt: Date.now(), awaiting: false, lastTick: Date.now() };
    heartbeat = setInterval(beat, heartbeatMs);
    return w;
  }

  function send(message: PageMessage): void {
    worker?.postMessage(message);
  }

  const control = (type: 'pause' | 'resume' | 'step' | 'reset' | 'stop') => () => {
    const jobId = history.view().jobId;
    if (worker && jobId !== null) send({ type, jobId });
  };

  function start(next: TrainingJob): string {
    const w = ensureWorker();
    rejectPending('a new job was started');
    job = next;
    const jobId = `job-${++jobCount}`;
    history.begin(jobId);
    emit({ type: 'starting', jobId });
    w.postMessage({ type: 'start', jobId, job: next } satisfies PageMessage);
    return jobId;
  }

  /** Sends a request of the current job; its answer (or error reply) settles the promise. */
  function request<T extends Answer>(what: string, message: (jobId: string, requestId: number) => PageMessage): Promise<T> {
    const jobId = history.view().jobId;
    if (!worker || jobId === null) return Promise.reject(new Error(`there is no training job to ${what}`));
    const requestId = ++requestCount;
    const answer = new Promise<T>((resolve, reject) => pending.set(requestId, { resolve: resolve as (a: Answer) => void, reject }));
    send(message(jobId, requestId));
    return answer;
  }

  function subscribe(listener: TrainingListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function states(): AsyncIterableIterator<TrainingView> {
    let waiting: ((result: IteratorResult<TrainingView>) => void) | null = null;
    let fresh = true;
    let closed = false;
    const unsubscribe = subscribe((view) => {
      if (!waiting) return void (fresh = true);
      const resolve = waiting;
      waiting = null;
      fresh = false;
      resolve({ done: false, value: view });
    });
    const close = (): Promise<IteratorResult<TrainingView>> => {
      closed = true;
      unsubscribe();
      waiting?.({ done: true, value: undefined });
      waiting = null;
      return Promise.resolve({ done: true, value: undefined });
    };
    return {
      next() {
        if (closed) return Promise.resolve({ done: true, value: undefined });
        if (fresh) {
          fresh = false;
          return Promise.resolve({ done: false, value: history.view() });
        }
        return new Promise((resolve) => (waiting = resolve));
      },
      return: close,
      throw: (error: unknown) => close().then(() => Promise.reject(error)),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  return {
    get view() {
      return history.view();
    },
    start,
    pause: control('pause'),
    resume: control('resume'),
    step: control('step'),
    reset: control('reset'),
    stop: control('stop'),
    inspect(sample, opts = {}) {
      return request<SnapshotMessage>('inspect', (jobId, requestId) => ({
        type: 'inspect',
        jobId,
        requestId,
        sample,
        ...(opts.runId === undefined ? {} : { runId: opts.runId }),
        ...(opts.include === undefined ? {} : { include: opts.include }),
      }));
    },
    async exportNetwork(runId) {
      const m = await request<NetworkMessage>('export', (jobId, requestId) => ({ type: 'export', jobId, requestId, ...(runId === undefined ? {} : { runId }) }));
      return { text: m.text, network: parseSavedNetwork(m.text), fileName: savedNetworkFileName(m.runId, m.step), runId: m.runId, step: m.step };
    },
    predict(runId, input, opts = {}) {
      const inputShape = history.view().info?.network.inputShape;
      const reason = inputShape ? checkNetworkInput(inputShape, input.shape) : null;
      if (reason !== null) return Promise.reject(new Error(`input: ${reason}`));
      return request<PredictionMessage>('predict with', (jobId, requestId) => ({
        type: 'predict',
        jobId,
        requestId,
        input,
        ...(runId === undefined ? {} : { runId }),
        ...(opts.activations === undefined ? {} : { activations: opts.activations }),
      }));
    },
    terminate() {
      if (!worker) return;
      dropWorker();
      rejectPending('the training worker was terminated');
      history.terminate();
      emit({ type: 'terminated' });
    },
    restart() {
      dropWorker();
      rejectPending('the training worker was restarted');
      if (job) return void start(job);
      ensureWorker();
      history.clear();
      emit({ type: 'restarted' });
    },
    subscribe,
    states,
  };
}
