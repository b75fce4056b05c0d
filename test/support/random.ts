/** Random test tensors from the project's seeded generator. */
import { createRng, tensor, type Rng, type Tensor } from '../../src/tensor/index.ts';

export function randomTensor(shape: readonly number[], rng: Rng, scale = 1): Tensor {
  const t = tensor(shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = scale * (2 * rng.next() - 1);
  return t;
}

export function seeded(seed = 1): Rng {
  return createRng(seed);
}
