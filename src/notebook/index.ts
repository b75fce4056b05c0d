/** The notebook platform a chapter module imports. */
export { startChapter, type ChapterOptions } from './chapter.ts';
export type { Notebook, ViewLike, ViewSpec } from './notebook.ts';
export type { Control } from './controls/control.ts';
export type { ControlSpec, RangeSpec, ChoiceSpec, ToggleSpec, ButtonSpec } from './controls/spec.ts';
export { figure, type FigureSpec, type FigureHandle } from './figure.ts';
export type { StatusHandle } from './status.ts';
export type { CodeSpec } from './code/code-view.ts';
export type { TermBus, TermCatalog } from '../viz/tex/term-bus.ts';
export { linkTerm } from '../viz/tex/term-link.ts';
export { CHAPTERS, findChapter, chapterDir, type ChapterEntry } from './chapters.ts';
export { createStore, type Store } from './store.ts';
export { observeValue, type Observable } from './observe.ts';
export { termVoxelView, type TermVoxelView, type TermVoxelSpec } from './term-voxel-view.ts';
