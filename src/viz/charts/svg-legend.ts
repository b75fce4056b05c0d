/**
 * Vertical colour-scale legend inside a chart's SVG: a gradient bar with a
 * tick axis (0 always labelled on a diverging scale) and a caption.
 */
import { axisRight, scaleLinear, type Selection } from 'd3';
import { colorAt, colormap, rgbCss, type ColormapName } from '../paint/colormap.ts';
import { formatValue } from '../paint/format.ts';
import { legendTicks } from '../paint/ticks.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

let uid = 0;

export interface SvgLegend {
  update(map: ColormapName, domain: readonly [number, number], x: number, height: number, label: string): void;
}

export function createSvgLegend(svg: Selection<SVGSVGElement, unknown, null, undefined>, parent: G): SvgLegend {
  const id = `viz-legend-gradient-${++uid}`;
  const gradient = svg.insert('defs', ':first-child').append('linearGradient').attr('id', id).attr('x1', 0).attr('y1', 1).attr('x2', 0).attr('y2', 0);
  const g = parent.append('g').attr('class', 'legend');
  const bar = g.append('rect').attr('width', 12).attr('fill', `url(#${id})`).attr('stroke', 'currentColor').attr('stroke-opacity', 0.3);
  const axis = g.append('g').attr('class', 'axis');
  const caption = g.append('text').attr('class', 'axis-title').attr('text-anchor', 'start');
  let lastMap: ColormapName | null = null;

  return {
    update(map, domain, x, height, label) {
      if (map !== lastMap) {
        const stops = Array.from({ length: 17 }, (_, i) => i / 16);
        gradient
          .selectAll('stop')
          .data(stops)
          .join('stop')
          .attr('offset', (t) => `${t * 100}%`)
          .attr('stop-color', (t) => rgbCss(colorAt(map, t)));
        lastMap = map;
      }
      const top = 18;
      const h = Math.max(20, height - top);
      g.attr('transform', `translate(${x},0)`);
      bar.attr('y', top).attr('height', h);
      const scale = scaleLinear().domain([domain[0], domain[1]]).range([top + h, top]);
      const ticks = legendTicks(domain, Math.max(2, Math.floor(h / 40)), colormap(map).kind === 'diverging');
      axis.attr('transform', 'translate(12,0)').call(axisRight(scale).tickValues(ticks).tickFormat((v) => formatValue(Number(v))).tickSize(4));
      caption.attr('x', 0).attr('y', 10).text(label);
    },
  };
}
