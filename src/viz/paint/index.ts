/** Pure painting helpers shared by every view: no DOM, no GPU, no d3. */
export * from './colormap.ts';
export * from './paint-values.ts';
export * from './domain.ts';
export * from './ticks.ts';
export * from './format.ts';
export * from './palette.ts';
export * from './surface-grid.ts';
