/**
 * Convolution layer, eq. 1 of the tutorial (eq. 3 before the activation g):
 *   H^m = W^m H^{m-1} + b^m
 * Shapes: x [n, x, y, z, d], w [wx, wy, wz, d, c], b [c]  ->  y [n, ox, oy, oz, c],
 * with the spatial output size of eq. 2 per axis. Cross-correlation (the
 * filter is not flipped: slide, multiply element-wise, sum), zero padding
 * symmetric per axis.
 * Backward, dy [n, ox, oy, oz, c]  ->  dx [n, x, y, z, d], dw [wx, wy, wz, d, c], db [c].
 *
 * `forward` / `backward` run the fast kernel: the TypeScript one
 * (kernels/conv-fast.ts), or, once `await loadSimdKernel()` and
 * `useKernel('wasm-simd')`, its WebAssembly SIMD twin (kernels/conv-simd.ts),
 * whose results are bit-for-bit the same. `forwardSimd` / `backwardSimd`
 * run the SIMD one explicitly (after loadSimdKernel). `forwardReference` /
 * `backwardReference` run the readable kernel the Convolution chapter shows
 * (kernels/conv-reference.ts). All validate the same way and compute the same
 * numbers; `saved` from any works with all.
 * `saved` keeps references to x and w: do not modify them before backward.
 */
import { ShapeError, formatShape } from '../tensor/errors.ts';
import { assertFinite, assertRank, assertShape, assertTensor, type Tensor } from '../tensor/tensor.ts';
import { convGeometry, type ConvAttrs, type ConvGeometry } from './conv-geometry.ts';
import { convBackwardFast, convForwardFast } from './kernels/conv-fast.ts';
import { packFilters, packInput, type PackedFilters, type PackedInput } from './kernels/conv-pack.ts';
import { convBackwardReference, convForwardReference, type ConvGradientData } from './kernels/conv-reference.ts';
import { createConvSimd, type PackedConvKernel } from './kernels/conv-simd.ts';

export type { ConvAttrs, ConvGeometry };

export interface ConvInputs {
  x: Tensor;
  w: Tensor;
  b: Tensor;
}

/** What backward needs; opaque to callers apart from `geometry`. */
export interface ConvSaved {
  readonly geometry: ConvGeometry;
  readonly x: Tensor;
  readonly w: Tensor;
  /** The fast kernel's layout, kept from its forward pass (absent after forwardReference). */
  readonly packed?: { readonly input: PackedInput; readonly filters: PackedFilters };
}

export interface ConvGradients {
  dx: Tensor;
  dw: Tensor;
  db: Tensor;
}

const OP = 'conv';

function validate({ x, w, b }: ConvInputs, attrs: ConvAttrs): ConvGeometry {
  assertTensor(OP, 'x', x);
  assertTensor(OP, 'w', w);
  assertTensor(OP, 'b', b);
  const geometry = convGeometry(x.shape, w.shape, attrs);
  assertRank(OP, 'b', b, 1, '[c]');
  if (b.shape[0] !== geometry.filters) {
    throw new ShapeError(
      OP,
      `bias b ${formatShape(b.shape)} does not match the wc = ${geometry.filters} filters of w ${formatShape(w.shape)}`,
    );
  }
  assertFinite(OP, 'x', x);
  assertFinite(OP, 'w', w);
  assertFinite(OP, 'b', b);
  return geometry;
}

function validateGradient(dy: Tensor, saved: ConvSaved): void {
  assertTensor(OP, 'dy', dy);
  assertShape(OP, 'dy', dy, saved.geometry.yShape);
  assertFinite(OP, 'dy', dy);
}

function gradients(g: ConvGeometry, data: ConvGradientData): ConvGradients {
  return {
    dx: { shape: [...g.xShape], data: data.dx },
    dw: { shape: [...g.wShape], data: data.dw },
    db: { shape: [g.filters], data: data.db },
  };
}

/** The two implementations of the fast path: the same layout, the same loops, the same numbers. */
export type FastKernel = 'typescript' | 'wasm-simd';

const TYPESCRIPT_KERNEL: PackedConvKernel = { forward: convForwardFast, backward: convBackwardFast };

/** undefined until loadSimdKernel() has run; null where the engine lacks WebAssembly SIMD. */
let simdKernel: PackedConvKernel | null | undefined;
let fastKernel: PackedConvKernel = TYPESCRIPT_KERNEL;

/**
 * Compiles the WebAssembly SIMD kernel (once; the module of bytes loads on
 * demand, so pages that never ask for it do not carry it). Resolves whether
 * this engine runs it. A page needs 'wasm-unsafe-eval' in its Content
 * Security Policy to compile WebAssembly.
 */
export async function loadSimdKernel(): Promise<boolean> {
  if (simdKernel === undefined) {
    const { CONV_SIMD_WASM } = await import('./kernels/wasm/build/conv-simd-binary.ts');
    simdKernel = createConvSimd(CONV_SIMD_WASM);
  }
  return simdKernel !== null;
}

function loadedSimd(): PackedConvKernel {
  if (!simdKernel) {
    throw new Error(
      simdKernel === null
        ? 'conv: this JavaScript engine has no WebAssembly SIMD; use the TypeScript kernel'
        : 'conv: the WebAssembly SIMD kernel is not loaded; await loadSimdKernel() first',
    );
  }
  return simdKernel;
}

/** Chooses the kernel behind `forward` / `backward` (and so behind every network). */
export function useKernel(kernel: FastKernel): void {
  fastKernel = kernel === 'wasm-simd' ? loadedSimd() : TYPESCRIPT_KERNEL;
}

/**
 * The SIMD kernel behind `forward` / `backward` where this engine runs it,
 * else the TypeScript one; resolves the kernel in use. For a worker that
 * trains: one call before the first job. Where a Content Security Policy
 * forbids compiling WebAssembly (no 'wasm-unsafe-eval'), the compile throws
 * and the TypeScript kernel stays (the browser still reports the violation).
 */
export async function preferSimdKernel(): Promise<FastKernel> {
  try {
    if (await loadSimdKernel()) useKernel('wasm-simd');
  } catch {
    useKernel('typescript');
  }
  return kernelInUse();
}

export function kernelInUse(): FastKernel {
  return fastKernel === TYPESCRIPT_KERNEL ? 'typescript' : 'wasm-simd';
}

function runForward(kernel: PackedConvKernel, inputs: ConvInputs, attrs: ConvAttrs): { y: Tensor; saved: ConvSaved } {
  const geometry = validate(inputs, attrs);
  const { x, w, b } = inputs;
  const packed = { input: packInput(geometry, x.data), filters: packFilters(geometry, w.data, b.data) };
  const y = kernel.forward(geometry, packed.input, packed.filters);
  return { y: { shape: [...geometry.yShape], data: y }, saved: { geometry, x, w, packed } };
}

function runBackward(kernel: PackedConvKernel, dy: Tensor, saved: ConvSaved): ConvGradients {
  validateGradient(dy, saved);
  const g = saved.geometry;
  const packed = saved.packed ?? {
    input: packInput(g, saved.x.data),
    filters: packFilters(g, saved.w.data, new Float64Array(g.filters)),
  };
  return gradients(g, kernel.backward(g, packed.input, packed.filters, dy.data));
}

export function forward(inputs: ConvInputs, attrs: ConvAttrs): { y: Tensor; saved: ConvSaved } {
  return runForward(fastKernel, inputs, attrs);
}

export function backward(dy: Tensor, saved: ConvSaved): ConvGradients {
  return runBackward(fastKernel, dy, saved);
}

/** forward with the WebAssembly SIMD kernel, whichever kernel is in use (after loadSimdKernel). */
export function forwardSimd(inputs: ConvInputs, attrs: ConvAttrs): { y: Tensor; saved: ConvSaved } {
  return runForward(loadedSimd(), inputs, attrs);
}

/** backward with the WebAssembly SIMD kernel (after loadSimdKernel). */
export function backwardSimd(dy: Tensor, saved: ConvSaved): ConvGradients {
  return runBackward(loadedSimd(), dy, saved);
}

/** forward with the readable kernel: the loops the Convolution chapter shows. */
export function forwardReference(inputs: ConvInputs, attrs: ConvAttrs): { y: Tensor; saved: ConvSaved } {
  const geometry = validate(inputs, attrs);
  const { x, w, b } = inputs;
  const y = convForwardReference(geometry, x.data, w.data, b.data);
  return { y: { shape: [...geometry.yShape], data: y }, saved: { geometry, x, w } };
}

/** backward with the readable kernel. */
export function backwardReference(dy: Tensor, saved: ConvSaved): ConvGradients {
  validateGradient(dy, saved);
  const g = saved.geometry;
  return gradients(g, convBackwardReference(g, saved.x.data, saved.w.data, dy.data));
}
