/**
 * Sliders on a log scale: the control holds log10 of the value (so one
 * arrow press multiplies it by a fixed factor, and the URL holds the
 * exponent), and its read-out, for eyes and screen readers, shows the value
 * itself: "α = 0.01" rather than "−2".
 */
import type { Control } from '../../src/notebook/index.ts';
import { formatValue } from '../../src/viz/paint/format.ts';

/** 10^exponent, rounded to the digits the read-out shows (10^-2.3 -> 0.00501 rather than 0.0050118...). */
export function fromLog(exponent: number): number {
  return Number((10 ** exponent).toPrecision(3));
}

export function showPowerOfTen(control: Control<number>, symbol: string): () => void {
  const output = control.element.querySelector<HTMLOutputElement>('output');
  const input = control.element.querySelector<HTMLInputElement>('input[type=range]');
  const write = (exponent: number): void => {
    const text = `${symbol} = ${formatValue(fromLog(exponent))}`;
    if (output) output.textContent = text;
    input?.setAttribute('aria-valuetext', text);
  };
  write(control.get());
  return control.subscribe(write);
}
