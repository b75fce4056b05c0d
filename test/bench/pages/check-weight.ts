/**
 * The page-weight budgets as a check of a built site:
 *
 *   tsx test/bench/pages/check-weight.ts [dist-folder] [--json] [--quiet]
 *
 * prints every page's compressed JavaScript (page-weight.ts) and exits with 1
 * when a page is over budget or loads a library it does not use. The e2e
 * runner (test/e2e/run.ts) runs it right after each build; `npm run
 * bench:pages` prints the same table before its browser measurements.
 */
import { join } from 'node:path';
import process from 'node:process';
import { budgetProblems, distDirFrom, pageWeights, weightTable } from './page-weight.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const quiet = args.includes('--quiet');
const dist = distDirFrom(root, args.find((a) => !a.startsWith('--')));

const weights = pageWeights(dist);
const problems = budgetProblems(weights);
if (json) {
  for (const w of weights) {
    console.log(JSON.stringify({ page: w.name, js_files: w.js.length, js_raw: w.totals.raw, js_gzip: w.totals.gzip, js_brotli: w.totals.brotli, css_gzip: w.totals.cssGzip, libraries: w.libraries }));
  }
} else if (!quiet || problems.length > 0) {
  console.log(`Page weight of ${dist} (every script a page loads, lazy chunks and workers included):\n`);
  console.log(weightTable(weights));
}
if (problems.length > 0) {
  console.error(`\nPage weight over budget:\n${problems.map((p) => `  ${p.page}: ${p.message}`).join('\n')}`);
  process.exitCode = 1;
} else if (!json && !quiet) {
  console.log('\nEvery page is within its budget (home 150 KB, chapters 500 KB of compressed JavaScript).');
}
