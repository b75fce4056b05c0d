/**
 * The training state machine a worker wraps (src/workers/training.worker.ts);
 * no DOM, no timers of its own: the host gives it a clock, a way to run a
 * task after pending messages, and a way to post. So it runs, and is tested,
 * in Node exactly as in the worker.
 *
 *   (no job) --start--> running <--pause/resume--> paused --step--> paused
 *                          |                         |
 *                          +---- every run ended ----+--> finished
 *   reset: any state -> paused at update 0, weights redrawn from the seed
 *   stop: any state -> no job
 *
 * Training runs in time slices: updates (one per run, in turn, so the runs
 * of an optimizer race stay in lockstep) for `sliceMs`, then the slice ends
 * and the next is queued behind any message that arrived, so pause, step and
 * inspect are handled within about one slice. Progress goes out at most
 * `progressPerSecond` times a second (and at once after a command), carrying
 * every batch loss since the previous one so no point of a curve is lost.
 * A run that diverges (eq. 11 with alpha too large) stops with a message; the
 * others go on. Nothing posted holds NaN or Infinity.
 */
import { AtlasError } from '../tensor/index.ts';
import { DivergenceError } from './divergence.ts';
import { ProtocolError } from './protocol-checks.ts';
import type { DataGenerators } from './training-data.ts';
import { serializeNetwork } from './saved-network.ts';
import { inspectRun, predictRun } from './training-inspect.ts';
import { buildJob, type BuiltJob } from './training-job.ts';
import { TrainingRun } from './training-run.ts';
import {
  parsePageMessage,
  type ControlMessage,
  type ErrorKind,
  type ExportMessage,
  type PredictMessage,
  type InspectInclude,
  type InspectMessage,
  type SampleRef,
  type SessionState,
  type SnapshotReason,
  type WorkerMessage,
} from './worker-protocol.ts';
import { createRateMeter, type RateMeter } from './rate-meter.ts';

export interface SessionHost {
  post(message: WorkerMessage, transfer: readonly ArrayBuffer[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `task` soon, after the messages already waiting (a macrotask). */
  defer(task: () => void): void;
  /** Data generators for `{ kind: 'generated' }` jobs, by name. */
  readonly generators?: DataGenerators;
}

export interface TrainingSession {
  /** Takes one message from the page; never throws (a bad message gets an `error` reply). */
  handle(data: unknown): void;
  /** Drops the job; queued slices do nothing. */
  dispose(): void;
  /** For tests and the worker: the job's state, or null without a job. */
  readonly state: SessionState | null;
}

interface Job {
  readonly id: string;
  readonly built: BuiltJob;
  generation: number;
  runs: TrainingRun[];
  state: SessionState;
  /** Training time before the current running stretch, and when that began. */
  elapsed: number;
  since: number;
  lastProgress: number;
  readonly rate: RateMeter;
  updates: number;
  readonly lastCadence: Map<string, number>;
  sliceQueued: boolean;
}

export function createTrainingSession(host: SessionHost): TrainingSession {
  let job: Job | null = null;
  const generators = host.generators ?? {};

  const post = (message: WorkerMessage, transfer: readonly ArrayBuffer[] = []) => host.post(message, transfer);
  const error = (jobId: string | null, kind: ErrorKind, message: string, requestId: number | null = null) =>
    post({ type: 'error', jobId, kind, message, requestId });

  const elapsedAt = (j: Job, now: number) => j.elapsed + (j.state === 'running' ? now - j.since : 0);

  function progress(j: Job, now: number): void {
    const elapsedMs = elapsedAt(j, now);
    j.rate.add(elapsedMs, j.updates);
    j.lastProgress = now;
    const runs = j.runs.map((r) => r.takeProgress());
    const transfer = runs.flatMap((r) => (r.accuracies ? [r.losses.buffer, r.accuracies.buffer] : [r.losses.buffer]));
    post({
      type: 'progress',
      jobId: j.id,
      generation: j.generation,
      state: j.state,
      elapsedMs,
      updatesPerSecond: j.state === 'running' ? j.rate.perSecond() : null,
      runs,
    }, transfer as ArrayBuffer[]);
  }

  function snapshot(j: Job, run: TrainingRun, ref: SampleRef, include: InspectInclude | undefined, reason: SnapshotReason, requestId: number | null): void {
    let inspection;
    try {
      inspection = inspectRun(run, j.built.data, j.built.settings.loss, ref, include);
    } catch (e) {
      if (!(e instanceof AtlasError || e instanceof DivergenceError)) throw e;
      return error(j.id, 'inspect', e.message, requestId);
    }
    post({ type: 'snapshot', jobId: j.id, generation: j.generation, requestId, reason, ...inspection.body }, inspection.transfer);
  }

  function planned(j: Job, run: TrainingRun): boolean {
    const plan = j.built.job.snapshots;
    return !!plan && (plan.runs ?? [j.runs[0]!.spec.id]).includes(run.spec.id);
  }

  /** After a run's unit of work: cadence snapshots, and the news when it ended. */
  function afterWork(j: Job, run: TrainingRun, before: TrainingRun['status'], updated: boolean, now: number): void {
    const plan = j.built.job.snapshots;
    if (run.status === 'diverged' && before !== 'diverged') {
      const at = run.divergedAt!;
      post({ type: 'diverged', jobId: j.id, generation: j.generation, runId: run.spec.id, step: at.step, epoch: at.epoch, message: run.diverged! });
    }
    if (!plan || !planned(j, run)) return;
    if (run.status !== 'running' && before === 'running') return snapshot(j, run, plan.sample, plan.include, 'final', null);
    if (!updated || run.step % plan.every !== 0) return;
    // While running, planned snapshots are throttled like progress; a step while paused always gets its snapshot.
    const last = j.lastCadence.get(run.spec.id);
    if (j.state === 'running' && last !== undefined && now - last < 1000 / j.built.settings.progressPerSecond) return;
    j.lastCadence.set(run.spec.id, now);
    snapshot(j, run, plan.sample, plan.include, 'cadence', null);
  }

  /** One unit of work of every run still going; returns false once none is. */
  function tick(j: Job, now: number): boolean {
    let active = false;
    for (const run of j.runs) {
      const before = run.status;
      const work = run.advance();
      if (work === 'update') j.updates++;
      if (work !== null) afterWork(j, run, before, work === 'update', now);
      active ||= run.status === 'running';
    }
    if (!active) finish(j, now);
    return active;
  }

  /**
   * `step`: one update of every run still going, with the validation pass
   * before it (left from the previous epoch) or after it (when it ends an
   * epoch) done too, so each press shows one more update and its metrics.
   */
  function stepEach(j: Job, now: number): boolean {
    let active = false;
    for (const run of j.runs) {
      let updated = false;
      while (!(updated && !run.validating)) {
        const before = run.status;
        const work = run.advance();
        if (work === null) break;
        if (work === 'update') {
          j.updates++;
          updated = true;
        }
        afterWork(j, run, before, work === 'update', now);
      }
      active ||= run.status === 'running';
    }
    if (!active) finish(j, now);
    return active;
  }

  function finish(j: Job, now: number): void {
    if (j.state === 'running') j.elapsed += now - j.since;
    j.state = 'finished';
    progress(j, now);
    post({ type: 'done', jobId: j.id, generation: j.generation, reason: 'finished', runs: j.runs.map((r) => r.summary()) });
  }

  function fail(j: Job, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    error(j.id, 'internal', `training stopped: ${message}`);
    post({ type: 'done', jobId: j.id, generation: j.generation, reason: 'failed', runs: j.runs.map((r) => r.summary()) });
    if (job === j) job = null;
  }

  function queueSlice(j: Job): void {
    if (j.sliceQueued) return;
    j.sliceQueued = true;
    host.defer(() => slice(j));
  }

  function slice(j: Job): void {
    j.sliceQueued = false;
    if (job !== j || j.state !== 'running') return;
    const start = host.now();
    let now = start;
    try {
      // At least one tick per slice, then as many as fit in sliceMs.
      while (tick(j, now)) {
        now = host.now();
        if (job !== j || j.state !== 'running' || now - start >= j.built.settings.sliceMs) break;
      }
    } catch (e) {
      return fail(j, e);
    }
    if (job !== j || j.state !== 'running') return;
    if (now - j.lastProgress >= 1000 / j.built.settings.progressPerSecond) progress(j, now);
    queueSlice(j);
  }

  function createRuns(built: BuiltJob): TrainingRun[] {
    return built.runs.map((spec) => new TrainingRun(built, spec));
  }

  function start(id: string, built: BuiltJob, paused: boolean): void {
    const now = host.now();
    const j: Job = {
      id,
      built,
      generation: 0,
      runs: createRuns(built),
      state: paused ? 'paused' : 'running',
      elapsed: 0,
      since: now,
      lastProgress: now,
      rate: createRateMeter(1000),
      updates: 0,
      lastCadence: new Map(),
      sliceQueued: false,
    };
    job = j;
    post({ type: 'started', jobId: id, generation: 0, ...built.info });
    progress(j, now);
    if (!paused) queueSlice(j);
  }

  function reset(j: Job): void {
    const now = host.now();
    j.generation++;
    j.runs = createRuns(j.built);
    j.state = 'paused';
    j.elapsed = 0;
    j.updates = 0;
    j.rate.clear();
    j.lastCadence.clear();
    post({ type: 'started', jobId: j.id, generation: j.generation, ...j.built.info });
    progress(j, now);
  }

  function control(j: Job, m: ControlMessage): void {
    const now = host.now();
    switch (m.type) {
      case 'pause':
        if (j.state !== 'running') return;
        j.elapsed += now - j.since;
        j.state = 'paused';
        return progress(j, now);
      case 'resume':
        if (j.state === 'finished') return error(j.id, 'state', 'resume: the job has finished; reset it to train again');
        if (j.state === 'running') return;
        j.state = 'running';
        j.since = now;
        progress(j, now);
        return queueSlice(j);
      case 'step': {
        if (j.state !== 'paused') return error(j.id, 'state', `step: the job is ${j.state}; steps are taken while paused`);
        if (stepEach(j, now)) {
          const end = host.now();
          j.elapsed += end - now;
          progress(j, end);
        }
        return;
      }
      case 'reset':
        return reset(j);
      case 'stop':
        job = null;
        post({ type: 'done', jobId: j.id, generation: j.generation, reason: 'stopped', runs: j.runs.map((r) => r.summary()) });
        return;
    }
  }

  function inspect(j: Job, m: InspectMessage): void {
    const run = m.runId === undefined ? j.runs[0]! : j.runs.find((r) => r.spec.id === m.runId);
    if (!run) return error(j.id, 'inspect', `inspect: no run ${JSON.stringify(m.runId)} in this job`, m.requestId);
    snapshot(j, run, m.sample, m.include, 'inspect', m.requestId);
  }

  function runOf(j: Job, runId: string | undefined, op: string, kind: ErrorKind, requestId: number): TrainingRun | null {
    const run = runId === undefined ? j.runs[0]! : j.runs.find((r) => r.spec.id === runId);
    if (!run) error(j.id, kind, `${op}: no run ${JSON.stringify(runId)} in this job`, requestId);
    return run ?? null;
  }

  /** The run's network as a network file, with what it was trained on and how far. */
  function exportNetwork(j: Job, m: ExportMessage): void {
    const run = runOf(j, m.runId, 'export', 'export', m.requestId);
    if (!run) return;
    const { data, settings } = j.built;
    let text: string;
    try {
      text = serializeNetwork(run.net, {
        loss: settings.loss,
        // Class names label a classifier's outputs; a regression's file has none.
        classNames: settings.loss === 'cross_entropy' ? data.classNames : null,
        encoding: data.encoding ?? null,
        provenance: {
          steps: run.step,
          epochs: run.completeEpochs,
          validationAccuracy: run.lastEpoch?.validationAccuracy ?? null,
          validationLoss: run.lastEpoch?.validationLoss ?? null,
          seed: settings.seed,
        },
      });
    } catch (e) {
      if (!(e instanceof AtlasError)) throw e;
      return error(j.id, 'export', e.message, m.requestId);
    }
    post({ type: 'network', jobId: j.id, generation: j.generation, requestId: m.requestId, runId: run.spec.id, step: run.step, text });
  }

  function predict(j: Job, m: PredictMessage): void {
    const run = runOf(j, m.runId, 'predict', 'predict', m.requestId);
    if (!run) return;
    let result;
    try {
      result = predictRun(run, m.input, j.built.settings.loss, j.built.data.classNames, { activations: m.activations ?? false });
    } catch (e) {
      if (!(e instanceof AtlasError || e instanceof DivergenceError)) throw e;
      return error(j.id, 'predict', `predict: ${e.message}`, m.requestId);
    }
    post({ type: 'prediction', jobId: j.id, generation: j.generation, requestId: m.requestId, ...result.body }, result.transfer);
  }

  function handle(data: unknown): void {
    let m;
    try {
      m = parsePageMessage(data);
    } catch (e) {
      const jobId = typeof (data as { jobId?: unknown })?.jobId === 'string' ? (data as { jobId: string }).jobId : null;
      return error(jobId, 'message', e instanceof Error ? e.message : String(e));
    }
    if (m.type === 'ping') return post({ type: 'pong', seq: m.seq });
    if (m.type === 'start') {
      let built: BuiltJob;
      try {
        built = buildJob(m.job, generators);
      } catch (e) {
        if (!(e instanceof AtlasError || e instanceof ProtocolError || e instanceof DivergenceError)) {
          return error(m.jobId, 'internal', `start: ${e instanceof Error ? e.message : String(e)}`);
        }
        return error(m.jobId, 'job', e.message);
      }
      return start(m.jobId, built, m.job.startPaused ?? false);
    }
    const j = job;
    if (!j || j.id !== m.jobId) {
      const requestId = 'requestId' in m ? m.requestId : null;
      return error(m.jobId, 'state', `${m.type}: no job ${JSON.stringify(m.jobId)} here (${j ? `the worker is on ${JSON.stringify(j.id)}` : 'the worker has no job'})`, requestId);
    }
    try {
      if (m.type === 'inspect') inspect(j, m);
      else if (m.type === 'export') exportNetwork(j, m);
      else if (m.type === 'predict') predict(j, m);
      else control(j, m);
    } catch (e) {
      fail(j, e);
    }
  }

  return {
    handle(data) {
      try {
        handle(data);
      } catch (e) {
        // A failure in posting itself (a message that cannot be cloned): report it bare.
        host.post({ type: 'error', jobId: job?.id ?? null, kind: 'internal', message: e instanceof Error ? e.message : String(e), requestId: null }, []);
      }
    },
    dispose() {
      job = null;
    },
    get state() {
      return job?.state ?? null;
    },
  };
}
