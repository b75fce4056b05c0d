/**
 * TensorFlow.js on its pure-JavaScript CPU backend, the baseline of every
 * workload. Production mode skips TensorFlow.js's own debug checks (its
 * fastest configuration) and also silences its banner about the native
 * Node backend, which is not the comparison we make: both sides run plain
 * JavaScript on one thread.
 */
import * as tf from '@tensorflow/tfjs';

let ready: Promise<typeof tf> | null = null;

export function loadTfjs(): Promise<typeof tf> {
  ready ??= (async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return ready;
}
