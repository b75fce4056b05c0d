/**
 * Categorical colours for series (optimizer trajectories, loss curves):
 * Okabe & Ito's palette, distinguishable with every common colour-vision
 * deficiency. Black is left out (it is the text colour of the light theme);
 * series past the seventh cycle.
 */
export const SERIES_COLORS: readonly string[] = [
  '#0072b2', // blue
  '#e69f00', // orange
  '#009e73', // bluish green
  '#cc79a7', // reddish purple
  '#56b4e9', // sky blue
  '#d55e00', // vermillion
  '#f0e442', // yellow
];

export function seriesColor(i: number): string {
  const n = SERIES_COLORS.length;
  return SERIES_COLORS[((i % n) + n) % n]!;
}
