/**
 * npm run conformance -- PATH...
 * Runs the conformance cases in the given files and folders (recursively,
 * *.json) through the project's code; exits 1 when any case or file fails,
 * 2 when no path is given.
 */
import { loadSources } from './files.ts';
import { runSources } from './suite.ts';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: npm run conformance -- PATH... (case files or folders of them)');
  process.exitCode = 2;
} else {
  const { failed } = runSources(loadSources(paths), (line) => console.log(line));
  process.exitCode = failed > 0 ? 1 : 0;
}
