/** The client's exportNetwork and predict, and a job started from a saved network, against the real session. */
import { afterEach, describe, expect, it } from 'vitest';
import { networkDescriptionOf } from '../../src/model/saved-network.ts';
import type { TrainingView } from '../../src/model/training-view.ts';
import { createTrainingClient, type TrainingClient } from '../../src/notebook/training-client.ts';
import type { Tensor } from '../../src/tensor/index.ts';
import { LEFT_RIGHT_BN_NET, TRAIN, VALIDATION, job } from '../model/training-jobs.ts';
import { ManualWorker, SessionWorker } from './fake-workers.ts';

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

const BN = job({
  network: { layers: LEFT_RIGHT_BN_NET, inputShape: [4, 4, 1, 1] },
  data: { kind: 'tensors', train: TRAIN, validation: VALIDATION, classNames: ['left', 'right'] },
  epochs: 5,
});

const sample = (i: number): Tensor => ({ shape: [1, 4, 4, 1, 1], data: VALIDATION.x.data.slice(i * 16, i * 16 + 16) });

const clients: TrainingClient[] = [];
function real(): { client: TrainingClient; workers: SessionWorker[] } {
  const workers: SessionWorker[] = [];
  const client = createTrainingClient({
    createWorker: () => {
      const w = new SessionWorker();
      workers.push(w);
      return w;
    },
  });
  clients.push(client);
  return { client, workers };
}
afterEach(() => clients.splice(0).forEach((c) => c.terminate()));

describe('exportNetwork', () => {
  it('resolves with the file text, the network read back, and a download name', async () => {
    const { client } = real();
    client.start(BN);
    await until(client, (v) => v.status === 'finished');
    const exported = await client.exportNetwork();
    expect(exported).toMatchObject({ runId: 'sgd', step: 5, fileName: 'cnn-atlas-network-sgd-step5.json' });
    expect(exported.text.startsWith('{\n "format": "cnn-atlas-network",')).toBe(true);
    expect(exported.network).toMatchObject({ classNames: ['left', 'right'], provenance: { steps: 5, epochs: 5 } });
    expect(Object.keys(exported.network.running)).toEqual(['bn1']);
  });

  it('rejects without a job, and with the worker\'s reason for a run it does not have', async () => {
    const { client } = real();
    await expect(client.exportNetwork()).rejects.toThrow('there is no training job to export');
    client.start(BN);
    await expect(client.exportNetwork('adam')).rejects.toThrow('export: no run "adam" in this job');
    // A refused request is its caller's to show; the view does not carry it as the page's message.
    expect(client.view.message).toBeNull();
  });
});

describe('a saved network in a new page', () => {
  it('starts a job from the saved weights and predicts exactly what the teacher\'s run predicted', async () => {
    const teacher = real().client;
    teacher.start(BN);
    await until(teacher, (v) => v.status === 'finished');
    const exported = await teacher.exportNetwork();
    const expected = await teacher.predict(undefined, sample(3), { activations: true });

    const student = real().client;
    student.start({ ...BN, network: networkDescriptionOf(exported.network), startPaused: true });
    await until(student, (v) => v.status === 'paused');
    const got = await student.predict('sgd', sample(3), { activations: true });
    expect(Array.from(got.output.values)).toEqual(Array.from(expected.output.values));
    expect(got.output).toMatchObject({ predicted: expected.output.predicted, className: expected.output.className });
    expect(got.layers!.map((l) => Array.from(l.activation.data))).toEqual(expected.layers!.map((l) => Array.from(l.activation.data)));
    expect(got.step).toBe(0);
  });
});

describe('predict', () => {
  it('rejects an input of another shape at once, saying why, without asking the worker', async () => {
    const { client, workers } = real();
    client.start(BN);
    await until(client, (v) => v.info !== null);
    const sent = workers[0]!.received.length;
    await expect(client.predict(undefined, { shape: [1, 4, 4, 1, 4], data: new Float64Array(64) })).rejects.toThrow(
      'input: the input [1, 4, 4, 1, 4] does not fit the network, which takes [1, 4, 4, 1, 1]: d (channels) is 4, not 1',
    );
    expect(workers[0]!.received.slice(sent).filter((m) => (m as { type: string }).type === 'predict')).toEqual([]);
  });

  it('rejects without a job', async () => {
    const { client } = real();
    await expect(client.predict(undefined, sample(0))).rejects.toThrow('there is no training job to predict with');
  });

  it('settles each request with its own answer, whatever the order of the answers', async () => {
    const worker = new ManualWorker();
    const client = createTrainingClient({ createWorker: () => worker });
    clients.push(client);
    client.start(BN);
    const a = client.predict(undefined, sample(0));
    const b = client.exportNetwork();
    const requests = worker.received.filter((m) => m.type === 'predict' || m.type === 'export');
    expect(requests.map((m) => m.type)).toEqual(['predict', 'export']);
    const [p, e] = requests as unknown as { requestId: number }[];
    worker.reply({ type: 'error', jobId: 'job-1', kind: 'export', message: 'network file: too big', requestId: e!.requestId });
    worker.reply({ type: 'prediction', jobId: 'job-1', generation: 0, requestId: p!.requestId, runId: 'sgd', step: 0, epoch: 0, input: sample(0), output: { values: Float64Array.of(1, 2), probabilities: null, predicted: null, className: null }, layers: null });
    await expect(b).rejects.toThrow('network file: too big');
    await expect(a).resolves.toMatchObject({ runId: 'sgd', output: { values: Float64Array.of(1, 2) } });
  });
});
