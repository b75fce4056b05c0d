export * from './optimizer.ts';
export * from './divergence.ts';
export * from './objectives.ts';
export * from './trajectory.ts';
export { adagradEffectiveRate } from './adagrad.ts';
export { adaptiveDenominator } from './denominator.ts';
