/**
 * Axes with titles, drawn into groups created once and updated in place.
 * Tick labels use the read-out number format (true minus sign, never NaN).
 */
import { axisBottom, axisLeft, type Axis, type NumberValue, type ScaleLinear, type ScaleLogarithmic, type Selection } from 'd3';
import { formatValue } from '../paint/format.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;
type NumericScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

export interface AxesGroups {
  x: G;
  y: G;
  xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  yTitle: Selection<SVGTextElement, unknown, null, undefined>;
}

export function createAxes(plot: G, xLabel: string, yLabel: string): AxesGroups {
  const x = plot.append('g').attr('class', 'axis axis--x');
  const y = plot.append('g').attr('class', 'axis axis--y');
  const xTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle').text(xLabel);
  const yTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle').text(yLabel);
  return { x, y, xTitle, yTitle };
}

const tickFormat = (v: NumberValue) => formatValue(Number(v));

/**
 * On a log axis d3 ticks every 1..9 × 10^k; label only 1, 2 and 5 × 10^k
 * (the other ticks stay as unlabelled marks) so the labels never collide.
 */
export function logTickFormat(v: NumberValue): string {
  const n = Number(v);
  const mantissa = Math.round(n / 10 ** Math.floor(Math.log10(n) + 1e-9));
  return mantissa === 1 || mantissa === 2 || mantissa === 5 ? formatValue(n) : '';
}

const isLog = (s: NumericScale): s is ScaleLogarithmic<number, number> => 'base' in s;

export interface AxisLayout {
  innerWidth: number;
  innerHeight: number;
  /** Space left of the plot for the y title. */
  left: number;
  /** Space below the plot for the x title. */
  bottom: number;
  xTicks?: number;
  yTicks?: number;
  /** Integer tick values (cell indices) instead of a tick count. */
  xValues?: number[];
  yValues?: number[];
}

export function drawAxes(a: AxesGroups, x: NumericScale, y: NumericScale, l: AxisLayout): void {
  const ax: Axis<NumberValue> = axisBottom(x).tickFormat(tickFormat).tickSizeOuter(0);
  const ay: Axis<NumberValue> = axisLeft(y).tickFormat(isLog(y) ? logTickFormat : tickFormat).tickSizeOuter(0);
  if (l.xValues) ax.tickValues(l.xValues);
  else ax.ticks(l.xTicks ?? Math.max(2, Math.floor(l.innerWidth / 80)));
  if (l.yValues) ay.tickValues(l.yValues);
  else ay.ticks(l.yTicks ?? Math.max(2, Math.floor(l.innerHeight / 45)));
  a.x.attr('transform', `translate(0,${l.innerHeight})`).call(ax);
  a.y.call(ay);
  a.xTitle.attr('x', l.innerWidth / 2).attr('y', l.innerHeight + l.bottom - 6);
  a.yTitle.attr('transform', `translate(${-l.left + 14},${l.innerHeight / 2}) rotate(-90)`);
}

/** Every index, or every k-th when there are too many to label (cells of a map). */
export function indexTicks(n: number, room: number, minSpacing = 22): number[] {
  const step = Math.max(1, Math.ceil((n * minSpacing) / Math.max(room, 1)));
  const nice = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((s) => s >= step) ?? step;
  const out: number[] = [];
  for (let i = 0; i < n; i += nice) out.push(i);
  return out;
}
