/** Text alternatives: what the diagram and the input view show, in a sentence or two. */
import type { Tensor } from '../../src/tensor/index.ts';
import type { Architecture } from './architecture.ts';
import { formatCount, formatShape, superscript } from './format.ts';

export function describeForReaders(arch: Architecture): string {
  const dims = `${arch.config.dims}D`;
  const hidden = arch.hidden.map((h) => `H${superscript(h.m)} ${formatShape(h.shape)}`).join(', ');
  const dense = arch.dense.map((d) => formatCount(d.units)).join(', ');
  return (
    `A CNN for a ${dims} input X of ${formatShape(arch.input)}: ${arch.hidden.length} convolution block${arch.hidden.length > 1 ? 's' : ''} make ${hidden}; ` +
    `Vec gives ${formatCount(arch.vectorLength)} values; fully connected layers of ${dense} units; the softmax gives ${arch.config.classes} class probabilities. ` +
    `${formatCount(arch.parameterCount)} parameters in all.`
  );
}

/** 'X: 32 × 32 × 1 × 1, one facies code per cell (0 shale to 1 limestone).' */
export function describeInput(sample: Tensor): string {
  const [, x, y, z, d] = sample.shape as [number, number, number, number, number];
  const cells = formatShape([x, y, z, d]);
  return d === 1
    ? `X: ${cells}, one facies code per cell, from 0 (shale) to 1 (limestone).`
    : `X: ${cells}, ${d} indicator maps (shale, sandstone, siltstone, limestone), each 1 where the cell is that rock and 0 elsewhere.`;
}
