/** One convolution forward pass, y = W x + b (eq. 1), ours against TensorFlow.js conv3d + add. */
import * as conv from '../../../src/nn/conv.ts';
import { KERNEL_LABEL, KERNEL_SUFFIX, onKernel } from '../kernel.ts';
import { plainMultiplyAdd } from '../peak.ts';
import { loadTfjs } from '../tfjs.ts';
import type { Workload } from '../workload.ts';
import { LONG_TIMING } from '../timing.ts';
import { LARGE_3D_LAYER, convLayerData, describeLayer, tfConvLayer, toTf, type ConvLayerConfig } from './conv-layer.ts';

export function convForwardWorkload(name: string, config: ConvLayerConfig, kernel: conv.FastKernel = 'typescript'): Workload {
  return {
    name: name + KERNEL_SUFFIX[kernel],
    timing: config === LARGE_3D_LAYER ? LONG_TIMING : undefined,
    description: `conv forward, ${describeLayer(config)}; ${KERNEL_LABEL[kernel]}`,
    async prepare() {
      const tf = await loadTfjs();
      const data = convLayerData(config);
      const { x, w, b, attrs } = data;
      const [xt, wt, bt] = [toTf(tf, x), toTf(tf, w), toTf(tf, b)];
      const layer = tfConvLayer(tf, config);
      const peakOut = new Float64Array(data.dy.data.length);
      return {
        ours: await onKernel(kernel, () => void conv.forward({ x, w, b }, attrs)),
        tfjs: () => {
          const y = layer(xt, wt, bt);
          y.dataSync();
          y.dispose();
        },
        peak: () => plainMultiplyAdd({ a: x.data, b: w.data, out: peakOut, macs: data.macs }),
        dispose: () => tf.dispose([xt, wt, bt]),
      };
    },
  };
}
