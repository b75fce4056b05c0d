/**
 * What a page shows of a training job, folded from the worker's messages:
 * the state, every run's whole loss curve and epoch metrics, the latest
 * snapshot, and what went wrong. Each change gives a new frozen view object,
 * so a cell or chart comparing views sees a change by identity; the curves
 * are views of growing buffers (training-series.ts), not copies.
 *
 * Messages for another job, or from before a reset (an older generation),
 * are ignored: they were in flight when the page moved on.
 */
import { Series } from './training-series.ts';
import type { EpochRecord, RunStatus, SnapshotMessage, StartedMessage, WorkerMessage } from './worker-protocol.ts';

/**
 * idle: no job yet. starting: sent, not yet built. running / paused / finished:
 * as the worker says. stopped: the page stopped it. error: the job could not be
 * built or failed (see `message`). failed: the worker crashed or stopped
 * answering (see `failure`; restart). terminated: the page ended the worker.
 */
export type TrainingStatus = 'idle' | 'starting' | 'running' | 'paused' | 'finished' | 'stopped' | 'error' | 'failed' | 'terminated';

export interface RunView {
  readonly id: string;
  readonly label: string;
  readonly status: RunStatus;
  readonly step: number;
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly loss: number | null;
  readonly accuracy: number | null;
  /** losses[i] is the batch loss of update i + 1. */
  readonly losses: Float64Array;
  readonly accuracies: Float64Array | null;
  readonly epochs: readonly EpochRecord[];
  readonly diverged: string | null;
}

export interface TrainingView {
  readonly status: TrainingStatus;
  readonly jobId: string | null;
  readonly generation: number;
  /** What the worker built: layers, shapes, data sizes, class names. */
  readonly info: StartedMessage | null;
  readonly runs: readonly RunView[];
  readonly elapsedMs: number;
  readonly updatesPerSecond: number | null;
  /** The latest thing to tell the reader: a divergence, a refused job or command. */
  readonly message: string | null;
  /** Why the worker is gone, when it crashed or hung; restart() starts again. */
  readonly failure: string | null;
  /** The latest detailed snapshot (planned or inspected). */
  readonly snapshot: SnapshotMessage | null;
}

interface RunState {
  progress: Omit<RunView, 'losses' | 'accuracies' | 'epochs'>;
  losses: Series;
  accuracies: Series;
  hasAccuracy: boolean;
  epochs: EpochRecord[];
}

const EMPTY: TrainingView = Object.freeze({
  status: 'idle',
  jobId: null,
  generation: 0,
  info: null,
  runs: [],
  elapsedMs: 0,
  updatesPerSecond: null,
  message: null,
  failure: null,
  snapshot: null,
});

export class TrainingHistory {
  private current: TrainingView = EMPTY;
  private runs: RunState[] = [];

  view(): TrainingView {
    return this.current;
  }

  private set(patch: Partial<TrainingView>): TrainingView {
    const runs = patch.runs ?? this.runViews();
    this.current = Object.freeze({ ...this.current, ...patch, runs });
    return this.current;
  }

  private runViews(): RunView[] {
    return this.runs.map((r) =>
      Object.freeze({
        ...r.progress,
        losses: r.losses.values(),
        accuracies: r.hasAccuracy ? r.accuracies.values() : null,
        epochs: r.epochs.slice(),
      }),
    );
  }

  /** A new job was sent: forget the old one. */
  begin(jobId: string): TrainingView {
    this.runs = [];
    return this.set({ ...EMPTY, status: 'starting', jobId });
  }

  /** No job (a fresh worker). */
  clear(): TrainingView {
    this.runs = [];
    return this.set({ ...EMPTY });
  }

  fail(failure: string): TrainingView {
    return this.set({ status: 'failed', failure, updatesPerSecond: null });
  }

  terminate(): TrainingView {
    return this.set({ status: 'terminated', updatesPerSecond: null });
  }

  /** Folds one worker message in; returns whether the view changed. */
  apply(m: WorkerMessage): boolean {
    if (m.type === 'ready' || m.type === 'pong') return false;
    const v = this.current;
    if (m.jobId !== v.jobId) return false;
    if ('generation' in m && m.generation < v.generation) return false;
    switch (m.type) {
      case 'started':
        this.runs = m.runs.map((r) => ({
          progress: { id: r.id, label: r.label, status: 'running', step: 0, epoch: 0, batch: 0, batchesPerEpoch: r.batchesPerEpoch, loss: null, accuracy: null, diverged: null },
          losses: new Series(),
          accuracies: new Series(),
          hasAccuracy: false,
          epochs: [],
        }));
        this.set({ info: m, generation: m.generation, message: null, snapshot: null, elapsedMs: 0, updatesPerSecond: null });
        return true;
      case 'progress':
        for (const p of m.runs) {
          const r = this.runs.find((run) => run.progress.id === p.id);
          if (!r) continue;
          const { losses, accuracies, epochs, firstStep: _first, ...rest } = p;
          r.progress = { ...r.progress, ...rest };
          r.losses.append(losses);
          if (accuracies) {
            r.hasAccuracy = true;
            r.accuracies.append(accuracies);
          }
          r.epochs.push(...epochs);
        }
        this.set({ status: m.state, elapsedMs: m.elapsedMs, updatesPerSecond: m.updatesPerSecond });
        return true;
      case 'snapshot':
        this.set({ snapshot: m });
        return true;
      case 'network':
      case 'prediction':
        // Answers to one request (the client resolves its promise); the view does not change.
        return false;
      case 'diverged':
        this.set({ message: `${this.runLabel(m.runId)}${m.message}` });
        return true;
      case 'done':
        if (m.reason === 'stopped') this.set({ status: 'stopped', updatesPerSecond: null });
        else if (m.reason === 'failed') this.set({ status: 'error', updatesPerSecond: null });
        else this.set({ status: 'finished', updatesPerSecond: null });
        return true;
      case 'error':
        // A refused export or prediction is the requester's to show (the client rejects its promise).
        if (m.kind === 'export' || m.kind === 'predict') return false;
        // A refused job, or a failure that ended it, leaves nothing to train; other errors are notices.
        if (m.kind === 'job' || m.kind === 'message' || m.kind === 'internal') this.set({ status: v.status === 'starting' || m.kind === 'internal' ? 'error' : v.status, message: m.message });
        else this.set({ message: m.message });
        return true;
    }
  }

  private runLabel(id: string): string {
    if (this.runs.length < 2) return '';
    const run = this.runs.find((r) => r.progress.id === id);
    return `${run?.progress.label ?? id}: `;
  }
}
