/**
 * Runs every case of every source and prints one line per case
 * (`PASS name` / `FAIL name: why`), a FAIL line per unusable file, and the
 * closing line `N passed, M failed`.
 */
import type { CaseSource } from './files.ts';
import { runCase } from './runner.ts';

export interface SuiteSummary {
  readonly passed: number;
  readonly failed: number;
}

export function runSources(sources: readonly CaseSource[], print: (line: string) => void): SuiteSummary {
  let passed = 0;
  let failed = 0;
  for (const source of sources) {
    if (source.error !== undefined || !source.cases) {
      failed++;
      print(`FAIL ${source.file}: ${source.error ?? 'no cases'}`);
      continue;
    }
    source.cases.forEach((c, i) => {
      const result = runCase(c, `${source.file}#${i}`);
      if (result.ok) {
        passed++;
        print(`PASS ${result.name}`);
      } else {
        failed++;
        print(`FAIL ${result.name}: ${result.detail}`);
      }
    });
  }
  print(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}
