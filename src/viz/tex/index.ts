export * from './term-bus.ts';
export * from './term-link.ts';
export * from './term-tex.ts';
export * from './inline-tex.ts';
export * from './tex.ts';
export * from './equation.ts';
export * from './erratum.ts';
