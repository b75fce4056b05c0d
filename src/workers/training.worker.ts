/**
 * The training worker: a thin shell around the training session
 * (src/model/training-session.ts), which does the work. The page creates it
 * with
 *   new Worker(new URL('../workers/training.worker.ts', import.meta.url), { type: 'module' })
 * (src/notebook/training-client.ts), which Vite emits as a file of the site,
 * as the Content Security Policy's worker-src 'self' requires.
 *
 * Convolutions train on the WebAssembly SIMD kernel where the engine runs it
 * and the worker's policy lets it compile WebAssembly (the worker script's own
 * response carries script-src 'wasm-unsafe-eval', src/notebook/site/csp.ts);
 * otherwise on the TypeScript kernel. Both give the same numbers bit for bit,
 * so only the speed differs. Messages that arrive while the kernel loads wait
 * for it, in order.
 */
import { preferSimdKernel } from '../nn/conv.ts';
import { createTrainingSession } from '../model/training-session.ts';
import { PROTOCOL_VERSION, type WorkerMessage } from '../model/worker-protocol.ts';
import { createDefer } from './defer.ts';
import { geologyData } from './geology-data.ts';

/** The part of DedicatedWorkerGlobalScope used here (the project's types are the page's, not the worker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

const session = createTrainingSession({
  post: (message, transfer) => scope.postMessage(message, [...transfer]),
  now: () => performance.now(),
  defer: createDefer(),
  generators: { geology: geologyData },
});

const kernelChosen = preferSimdKernel();

scope.onmessage = (event) => void kernelChosen.then(() => session.handle(event.data));
scope.onmessageerror = () =>
  scope.postMessage({ type: 'error', jobId: null, kind: 'message', message: 'a message from the page could not be read by the worker', requestId: null }, []);
void kernelChosen.then(() => scope.postMessage({ type: 'ready', protocol: PROTOCOL_VERSION }, []));
