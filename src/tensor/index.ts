export * from './errors.ts';
export * from './tensor.ts';
export * from './params.ts';
export * from './rng.ts';
export * from './init.ts';
export * from './output-size.ts';
