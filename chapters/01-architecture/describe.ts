/** The diagram's text alternative: what the network is, in one or two sentences. */
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
