/**
 * Which fast convolution kernel a workload's "ours" runs: the TypeScript one
 * (kernels/conv-fast.ts, the default everywhere) or its WebAssembly SIMD twin
 * (kernels/conv-simd.ts). A SIMD contestant switches the kernel on for its own
 * call only, so the other contestants timed in the same rounds are unaffected.
 */
import { kernelInUse, loadSimdKernel, useKernel, type FastKernel } from '../../src/nn/conv.ts';

export const KERNEL_SUFFIX: Readonly<Record<FastKernel, string>> = { typescript: '', 'wasm-simd': '-simd' };
export const KERNEL_LABEL: Readonly<Record<FastKernel, string>> = { typescript: 'TypeScript kernel', 'wasm-simd': 'WebAssembly SIMD kernel' };

/** `fn` run with `kernel` behind conv.forward / conv.backward; loads the SIMD kernel first when asked for it. */
export async function onKernel(kernel: FastKernel, fn: () => void): Promise<() => void> {
  if (kernel === 'typescript') return fn;
  if (!(await loadSimdKernel())) throw new Error('this Node has no WebAssembly SIMD');
  return () => {
    const before = kernelInUse();
    useKernel(kernel);
    try {
      fn();
    } finally {
      useKernel(before);
    }
  };
}
