/** HTML legend of series keys (colour swatch + name), updated with a join. */
import { select } from 'd3';

export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean;
}

export function drawSeriesLegend(list: HTMLUListElement, items: readonly LegendItem[]): void {
  const li = select(list)
    .selectAll<HTMLLIElement, LegendItem>('li')
    .data(items, (d) => d.name)
    .join((enter) => {
      const item = enter.append('li');
      item.append('span').attr('class', 'viz-chart__key').attr('aria-hidden', 'true');
      item.append('span').attr('class', 'viz-chart__name');
      return item;
    });
  li.select<HTMLSpanElement>('.viz-chart__key')
    .classed('viz-chart__key--dashed', (d) => d.dashed === true)
    .style('background', (d) => (d.dashed ? 'none' : d.color))
    .style('border-color', (d) => d.color);
  li.select<HTMLSpanElement>('.viz-chart__name').text((d) => d.name);
}
