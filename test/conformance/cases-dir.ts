/** Where the shared conformance cases live: $CONFORMANCE_CASES, else ../shared/conformance/cases beside the repository. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function casesDirectory(): string {
  const fromEnv = process.env.CONFORMANCE_CASES;
  if (fromEnv) return resolve(fromEnv);
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/conformance/cases');
}
