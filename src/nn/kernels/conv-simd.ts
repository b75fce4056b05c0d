/**
 * The WebAssembly SIMD convolution kernel, TypeScript side: copies the packed
 * layout of conv-pack.ts into the module's memory, runs the three matrix
 * products of wasm/conv-simd.ts (AssemblyScript, the same loops as
 * conv-fast.ts on two float64 lanes at a time) and copies the results out.
 * The additions happen in the same order as in conv-fast.ts, so the results
 * are bit-for-bit the TypeScript kernel's.
 *
 * `createConvSimd(bytes)` compiles the module synchronously (the module is a
 * few kilobytes); it returns null where the engine lacks WebAssembly or its
 * SIMD proposal (Node 16.4+, Chrome 91+, Firefox 89+, Safari 16.4+ have it).
 */
import type { ConvGeometry } from '../conv-geometry.ts';
import { cropRows, padRows, unpad, type PackedFilters, type PackedInput } from './conv-pack.ts';
import type { ConvGradientData } from './conv-reference.ts';

/** The part of the WebAssembly JavaScript API used here (the numerical core is type-checked without DOM types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
declare const WebAssembly: WasmApi | undefined;

interface KernelExports {
  memory: WasmMemory;
  forwardTiles(x: number, windowStart: number, runStart: number, runs: number, runLength: number, w: number, b: number, y: number, rows: number, channels: number): void;
  filterGradientTiles(x: number, windowStart: number, tapOffset: number, tapRows: number, grad: number, dw: number, cells: number, channels: number, chunk: number): void;
  inputGradientTiles(dx: number, windowStart: number, tapOffset: number, tapRows: number, grad: number, wt: number, rows: number, channels: number): void;
}

/** A fast kernel: the three products over the packed layout (conv-fast.ts in TypeScript, this one in WebAssembly). */
export interface PackedConvKernel {
  forward(g: ConvGeometry, input: PackedInput, filters: PackedFilters): Float64Array;
  backward(g: ConvGeometry, input: PackedInput, filters: PackedFilters, dy: Float64Array): ConvGradientData;
}

const PAGE = 65536;
/** Output cells per chunk of the filter gradient, as in conv-fast.ts. */
const CELL_CHUNK = 256;

/** Lays arrays out one after another in the module's memory (16-byte aligned), growing it as needed. */
class Arena {
  private end = 0;
  constructor(private readonly memory: WasmMemory) {}

  /** Starts a new call: everything placed before is dropped. */
  reset(): void {
    this.end = 0;
  }

  private take(bytes: number): number {
    const at = this.end;
    this.end = at + Math.ceil(bytes / 16) * 16;
    const missing = Math.ceil(this.end / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (missing > 0) this.memory.grow(missing);
    return at;
  }

  f64(values: Float64Array): number {
    const at = this.take(values.length * 8);
    new Float64Array(this.memory.buffer, at, values.length).set(values);
    return at;
  }

  i32(values: Int32Array): number {
    const at = this.take(values.length * 4);
    new Int32Array(this.memory.buffer, at, values.length).set(values);
    return at;
  }

  /** Room for `length` float64 values, zeroed. */
  zeros(length: number): number {
    const at = this.take(length * 8);
    new Float64Array(this.memory.buffer, at, length).fill(0);
    return at;
  }

  /** A copy of `length` float64 values at `at` (placed earlier; the memory may have grown since). */
  read(at: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, at, length).slice();
  }
}

/** W [taps, channels] transposed to [channels, taps]: the layout the input gradient reads. */
function transpose(w: Float64Array, rows: number, columns: number): Float64Array {
  const t = new Float64Array(w.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) t[c * rows + r] = w[r * columns + c]!;
  }
  return t;
}

export function createConvSimd(bytes: Uint8Array): PackedConvKernel | null {
  const api = typeof WebAssembly === 'undefined' ? undefined : WebAssembly;
  if (api === undefined || !api.validate(bytes)) return null;
  const exports = new api.Instance(new api.Module(bytes), {}).exports as unknown as KernelExports;
  const arena = new Arena(exports.memory);

  return {
    forward(g, input, filters) {
      const rows = input.windowStart.length;
      const channels = filters.channels;
      arena.reset();
      const x = arena.f64(input.padded);
      const windowStart = arena.i32(input.windowStart);
      const runStart = arena.i32(input.runStart);
      const w = arena.f64(filters.weights);
      const b = arena.f64(filters.bias);
      const y = arena.zeros(rows * channels);
      exports.forwardTiles(x, windowStart, runStart, input.runStart.length, input.runLength, w, b, y, rows, channels);
      return cropRows(arena.read(y, rows * channels), input.cells, channels, g.filters);
    },

    backward(g, input, filters, dy) {
      const { cells, taps } = input;
      const rows = input.windowStart.length;
      const tapRows = input.tapOffset.length;
      const channels = filters.channels;
      const filterCount = g.filters;
      const db = new Float64Array(filterCount);
      for (let p = 0; p < cells; p++) {
        for (let c = 0; c < filterCount; c++) db[c] += dy[p * filterCount + c]!;
      }

      arena.reset();
      const x = arena.f64(input.padded);
      const windowStart = arena.i32(input.windowStart);
      const tapOffset = arena.i32(input.tapOffset);
      const grad = arena.f64(padRows(dy, cells, filterCount, channels, rows));
      const wt = arena.f64(transpose(filters.weights, tapRows, channels));
      const dwTiles = arena.zeros(tapRows * channels);
      const dxPadded = arena.zeros(input.padded.length);
      exports.filterGradientTiles(x, windowStart, tapOffset, tapRows, grad, dwTiles, cells, channels, CELL_CHUNK);
      exports.inputGradientTiles(dxPadded, windowStart, tapOffset, tapRows, grad, wt, rows, channels);
      const dw = cropRows(arena.read(dwTiles, tapRows * channels), taps, channels, filterCount);
      const dx = unpad(g, input, arena.read(dxPadded, input.padded.length));
      return { dx, dw, db };
    },
  };
}
