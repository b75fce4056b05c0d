/**
 * One convolution forward pass and its backward pass (dx, dW and db), the
 * work of a conv layer in one training step; ours against TensorFlow.js
 * tf.grads of conv3d + add.
 */
import * as conv from '../../../src/nn/conv.ts';
import { KERNEL_LABEL, KERNEL_SUFFIX, onKernel } from '../kernel.ts';
import { plainMultiplyAdd } from '../peak.ts';
import { loadTfjs } from '../tfjs.ts';
import type { Workload } from '../workload.ts';
import { LONG_TIMING } from '../timing.ts';
import { LARGE_3D_LAYER, convLayerData, describeLayer, tfConvLayer, toTf, type ConvLayerConfig } from './conv-layer.ts';

export function convForwardBackwardWorkload(name: string, config: ConvLayerConfig, kernel: conv.FastKernel = 'typescript'): Workload {
  return {
    name: name + KERNEL_SUFFIX[kernel],
    timing: config === LARGE_3D_LAYER ? LONG_TIMING : undefined,
    description: `conv forward + backward (dx, dW, db), ${describeLayer(config)}; ${KERNEL_LABEL[kernel]}`,
    async prepare() {
      const tf = await loadTfjs();
      const data = convLayerData(config);
      const { x, w, b, dy, attrs, macs } = data;
      const [xt, wt, bt, dyt] = [toTf(tf, x), toTf(tf, w), toTf(tf, b), toTf(tf, dy)];
      const gradients = tf.grads(tfConvLayer(tf, config));
      // three products of `macs` multiply-adds each: Y = X W, dW = X^T G, dX = G W^T
      const [y, dw, dx] = [new Float64Array(dy.data.length), new Float64Array(w.data.length), new Float64Array(x.data.length)];
      return {
        ours: await onKernel(kernel, () => {
          const { saved } = conv.forward({ x, w, b }, attrs);
          conv.backward(dy, saved);
        }),
        tfjs: () => {
          const grads = gradients([xt, wt, bt], dyt);
          for (const g of grads) g.dataSync();
          tf.dispose(grads);
        },
        peak: () => {
          plainMultiplyAdd({ a: x.data, b: w.data, out: y, macs });
          plainMultiplyAdd({ a: x.data, b: dy.data, out: dw, macs });
          plainMultiplyAdd({ a: dy.data, b: w.data, out: dx, macs });
        },
        dispose: () => tf.dispose([xt, wt, bt, dyt]),
      };
    },
  };
}
