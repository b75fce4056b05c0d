/**
 * npm run test:e2e: make sure Chromium is there, build the site, serve dist/
 * on a free localhost port with the site's CSP as a header, run every spec in
 * test/e2e/specs with Node's test runner, stop the server. Screenshots land
 * in screenshots/ (gitignored).
 *
 *   npm run test:e2e                    build, check the page-weight budgets, then run every spec
 *   npm run test:e2e -- --no-build      reuse dist/ from a previous build
 *   npm run test:e2e -- site            only specs whose file name contains "site"
 *   ATLAS_DIST=/tmp/dist-x npm run test:e2e -- x
 *                                       build into and serve another folder, so that
 *                                       several people can test at once without sharing dist/
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { CHROMIUM_PATH, chromiumAvailable } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const filters = args.filter((a) => !a.startsWith('--'));
const distDir = process.env.ATLAS_DIST ?? join(root, 'dist');

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

/** Like run, but leaves this process's event loop free: the static server lives here. */
function runAsync(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

function ensureChromium(): void {
  if (chromiumAvailable()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Chromium is not at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) ` +
        'or point ATLAS_CHROMIUM at a Chromium binary, then run the tests again.',
    );
    process.exit(1);
  }
  console.log(`Chromium is not at ${CHROMIUM_PATH}; installing the Debian package.`);
  if (run('apt-get', ['update']) !== 0 || run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']) !== 0 || !chromiumAvailable()) {
    console.error('Could not install Chromium with apt-get.');
    process.exit(1);
  }
}

ensureChromium();
if (!skipBuild && run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', distDir]) !== 0) {
  console.error('The site did not build.');
  process.exit(1);
}
// Page-weight budgets (issue 7): sizes of a build are deterministic, so they are a test.
if (run(process.execPath, ['--import', 'tsx', join(root, 'test', 'bench', 'pages', 'check-weight.ts'), distDir, '--quiet']) !== 0) process.exit(1);

const specsDir = join(import.meta.dirname, 'specs');
const specs = readdirSync(specsDir)
  .filter((f) => f.endsWith('.spec.ts') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort()
  .map((f) => join(specsDir, f));
if (specs.length === 0) {
  console.error(`No spec matches ${filters.join(', ')}.`);
  process.exit(1);
}

const server = await serveStatic(distDir);
console.log(`Serving ${distDir} at ${server.url}`);
let status = 1;
try {
  status = await runAsync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], {
    ...process.env,
    ATLAS_E2E_URL: server.url,
  });
} finally {
  await server.close();
}
process.exit(status);
