/**
 * The skeleton every chart shares, built once:
 *
 *   figure.viz-chart
 *     figcaption.viz-chart__title
 *     ul.viz-chart__legend            (series keys, when the chart has series)
 *     div.viz-chart__body
 *       canvas.viz-chart__canvas      (raster layer, when the chart needs one)
 *       svg.viz-chart__svg  role=img  aria-label = the chart's summary
 *     output.viz-chart__readout       hover / keyboard read-out, aria-live
 *
 * The frame owns the ResizeObserver: the chart's `layout` runs again when the
 * width changes (and only then), and `dispose` disconnects it.
 */
import { select, type Selection } from 'd3';
import './charts.css';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FrameSize {
  /** Whole SVG size in CSS pixels. */
  width: number;
  height: number;
  /** Plot area inside the margins. */
  innerWidth: number;
  innerHeight: number;
}

export interface ChartFrameOptions {
  title?: string;
  className: string;
  margin: Margin;
  /** Width / height of the whole chart (default 16 / 10). */
  aspect?: number;
  /** Fixed CSS-pixel height instead of the aspect ratio. */
  height?: number;
  /** Height for a given width (a heatmap keeps its cells square); wins over aspect and height. */
  heightFor?: (width: number) => number;
  minHeight?: number;
  maxHeight?: number;
  canvas?: boolean;
  legend?: boolean;
  focusable?: boolean;
}

export interface ChartFrame {
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Group translated by the margins: the plot area's origin. */
  readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  readonly canvas: HTMLCanvasElement | null;
  readonly legend: HTMLUListElement | null;
  readonly readout: HTMLOutputElement;
  size: FrameSize;
  margin: Margin;
  /** True once disposed: later updates are ignored. */
  readonly disposed: boolean;
  setSummary(text: string): void;
  setReadout(text: string): void;
  /** Call `layout` now and whenever the width changes. */
  observe(layout: (size: FrameSize) => void): void;
  dispose(): void;
}

export function createChartFrame(container: HTMLElement, options: ChartFrameOptions): ChartFrame {
  const root = document.createElement('figure');
  root.className = `viz-chart ${options.className}`;
  if (options.title) {
    const caption = document.createElement('figcaption');
    caption.className = 'viz-chart__title';
    caption.textContent = options.title;
    root.append(caption);
  }
  let legend: HTMLUListElement | null = null;
  if (options.legend) {
    legend = document.createElement('ul');
    legend.className = 'viz-chart__legend';
    legend.setAttribute('aria-label', 'Legend');
    root.append(legend);
  }
  const body = document.createElement('div');
  body.className = 'viz-chart__body';
  let canvas: HTMLCanvasElement | null = null;
  if (options.canvas) {
    canvas = document.createElement('canvas');
    canvas.className = 'viz-chart__canvas';
    canvas.setAttribute('aria-hidden', 'true');
    body.append(canvas);
  }
  const svgNode = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  body.append(svgNode);
  const readout = document.createElement('output');
  readout.className = 'viz-chart__readout';
  readout.setAttribute('aria-live', 'polite');
  root.append(body, readout);
  container.append(root);

  const svg = select(svgNode).attr('class', 'viz-chart__svg').attr('role', 'img');
  if (options.focusable) svg.attr('tabindex', 0);
  const plot = svg.append('g').attr('class', 'plot');

  let layout: ((size: FrameSize) => void) | null = null;
  let lastWidth = -1;
  let disposed = false;
  const margin = { ...options.margin };

  const frame: ChartFrame = {
    root,
    body,
    svg,
    plot,
    canvas,
    legend,
    readout,
    size: { width: 0, height: 0, innerWidth: 0, innerHeight: 0 },
    margin,
    get disposed() {
      return disposed;
    },
    setSummary(text) {
      svg.attr('aria-label', text);
    },
    setReadout(text) {
      if (readout.textContent !== text) readout.textContent = text;
    },
    observe(fn) {
      layout = fn;
      relayout(true);
    },
    dispose() {
      disposed = true;
      layout = null;
      observer.disconnect();
      root.remove();
    },
  };

  function relayout(force: boolean): void {
    const width = Math.floor(body.clientWidth);
    if (width <= 0 || (!force && width === lastWidth) || !layout) return;
    lastWidth = width;
    const ideal = options.heightFor?.(width) ?? options.height ?? width / (options.aspect ?? 1.6);
    const height = Math.round(Math.min(options.maxHeight ?? 520, Math.max(options.minHeight ?? 160, ideal)));
    frame.size = {
      width,
      height,
      innerWidth: Math.max(10, width - margin.left - margin.right),
      innerHeight: Math.max(10, height - margin.top - margin.bottom),
    };
    svg.attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    plot.attr('transform', `translate(${margin.left},${margin.top})`);
    if (canvas) {
      const ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    layout(frame.size);
  }

  // A chart added before it is in the page has no width yet: the observer
  // lays it out as soon as it gets one.
  const observer = new ResizeObserver(() => relayout(false));
  observer.observe(body);
  return frame;
}
