/**
 * The conformance runner: every shared case passes, and the runner itself
 * cannot pass trivially -- wrong values, wrong shapes, missing refusals,
 * wrong error categories and malformed files all FAIL.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesDirectory } from './cases-dir.ts';
import { loadSources, readCaseFile } from './files.ts';
import { runCase } from './runner.ts';
import { runSources } from './suite.ts';

/** A case as parsed JSON, mutated freely by the tests. */
type Json = Record<string, any>;

const shared = loadSources([casesDirectory()]);
const sharedCases = shared.flatMap((s) => (s.cases ?? []) as Json[]);
const byName = (name: string): Json => structuredClone(sharedCases.find((c) => c.name === name)!);

describe('the shared cases', () => {
  it('are all readable', () => {
    expect(shared.filter((s) => s.error)).toEqual([]);
    expect(sharedCases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(sharedCases.map((c) => [c.name as string, c] as const))('%s passes', (_, c) => {
    const result = runCase(c);
    expect(result.detail).not.toMatch(/^malformed/);
    expect(result.ok, result.detail).toBe(true);
  });
});

describe('value cases', () => {
  it('fail on one wrong expected value, naming the output, index and both values', () => {
    const c = byName('conv/0');
    const wrong = c.expected.y.data[4] + 0.01;
    c.expected.y.data[4] = wrong;
    const r = runCase(c);
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(new RegExp(`^y: at flat index 4 \\[0, 1, 1, 0, 0\\] actual .*, expected ${wrong}`));
    expect(r.detail).toMatch(/1 of 9 values outside atol 0.0001/);
  });

  it('fail on a wrong gradient even when the forward output is right', () => {
    const c = byName('dense/1');
    c.expected.dw.data[0] *= -1;
    expect(runCase(c)).toMatchObject({ ok: false, detail: expect.stringMatching(/^dw: at flat index 0/) });
  });

  it('fail on a shape that differs even when the values agree', () => {
    const c = byName('conv/0');
    c.expected.y.shape = [1, 9, 1, 1, 1];
    expect(runCase(c)).toMatchObject({ ok: false, detail: 'y: shape [1, 3, 3, 1, 1], expected [1, 9, 1, 1, 1]' });
  });

  it('fail on a wrong scalar loss and on a wrong plain array', () => {
    const loss = byName('loss/mse/1');
    loss.expected.loss += 0.1;
    expect(runCase(loss)).toMatchObject({ ok: false, detail: expect.stringMatching(/^loss: at flat index 0/) });
    const size = byName('output_size/1');
    size.expected.out = [3, 4, 1];
    expect(runCase(size)).toMatchObject({ ok: false, detail: expect.stringMatching(/^out: at flat index 1 actual 3, expected 4/) });
  });

  it('fail when a scalar is expected as a tensor or an array of another length', () => {
    const loss = byName('loss/mse/1');
    loss.expected.loss = { shape: [1], data: [loss.expected.loss] };
    expect(runCase(loss)).toMatchObject({ ok: false, detail: 'loss: expected a tensor [1], got a number' });
    const size = byName('output_size/1');
    size.expected.out = [3, 3];
    expect(runCase(size)).toMatchObject({ ok: false, detail: 'out: 3 values, expected 2' });
  });

  it('fail on a wrong optimizer trajectory and a wrong network gradient', () => {
    const opt = byName('optimizer/adam/quadratic/6');
    opt.expected.trajectory.data[7] += 1e-2;
    expect(runCase(opt)).toMatchObject({ ok: false, detail: expect.stringMatching(/^trajectory: at flat index 7 \[3, 1\]/) });
    const net = byName('network/2d-classifier');
    net.expected['dbn1.gamma'].data[2] += 0.05;
    expect(runCase(net)).toMatchObject({ ok: false, detail: expect.stringMatching(/^dbn1.gamma: at flat index 2/) });
  });

  it('fail when an expected output is not produced (a gradient without dy)', () => {
    const c = byName('conv/0');
    delete c.inputs.dy;
    expect(runCase(c)).toMatchObject({ ok: false, detail: expect.stringContaining('dx: the op gave no output named dx') });
  });

  it('check only the forward pass when dy is absent', () => {
    const c = byName('conv/0');
    delete c.inputs.dy;
    c.expected = { y: c.expected.y };
    expect(runCase(c).ok).toBe(true);
  });

  it('use atol 1e-4, rtol 1e-3 when the case gives no tolerance', () => {
    const c = byName('softmax/0');
    delete c.tolerance;
    const e = c.expected.y.data[0];
    c.expected.y.data[0] = e + 0.9 * (1e-4 + 1e-3 * Math.abs(e));
    expect(runCase(c).ok).toBe(true);
    c.expected.y.data[0] = e + 1.1 * (1e-4 + 1e-3 * Math.abs(e));
    expect(runCase(c).ok).toBe(false);
  });

  it('take a conv or dense case without b as a layer without bias', () => {
    const c = byName('dense/0');
    const b = c.inputs.b.data as number[];
    delete c.inputs.b;
    c.expected.y.data = (c.expected.y.data as number[]).map((v, i) => v - b[i % b.length]!);
    expect(runCase(c).ok).toBe(true);
  });

  it('report a diverging optimizer run as a failure with its reason', () => {
    const c = byName('optimizer/sgd/quadratic/0');
    c.params.lr = 1e3;
    c.params.steps = 400;
    expect(runCase(c)).toMatchObject({ ok: false, detail: expect.stringMatching(/^threw Error: the sgd run stopped after \d+ steps/) });
  });
});

describe('error cases', () => {
  it('pass when the refusal has the expected category, quoting its message', () => {
    expect(runCase(byName('error/conv-stride-zero'))).toMatchObject({ ok: true, detail: expect.stringMatching(/^param error: conv: /) });
  });

  it('fail when the call returns numbers instead of refusing', () => {
    const c = byName('conv/figure3-first');
    c.expected = { error: 'shape' };
    expect(runCase(c)).toMatchObject({ ok: false, detail: 'returned y instead of refusing with a shape error' });
  });

  it('fail when the refusal has the other category', () => {
    const c = byName('error/conv-stride-zero');
    c.expected.error = 'shape';
    expect(runCase(c)).toMatchObject({ ok: false, detail: expect.stringMatching(/^refused with a param error, expected shape: conv: /) });
  });

  it('fail when the call throws something that is not an AtlasError', () => {
    const c = byName('optimizer/sgd/quadratic/0');
    c.params.lr = 1e3;
    c.params.steps = 400;
    c.expected = { error: 'param' };
    expect(runCase(c)).toMatchObject({ ok: false, detail: expect.stringMatching(/^threw Error: .*, not an AtlasError \(expected a param error\)$/) });
  });

  it('refuse through the project code, e.g. an optimizer with gamma = 1 or a network whose smaller input no longer fits its dense layer', () => {
    const opt = byName('optimizer/momentum/quadratic/1');
    opt.params.gamma = 1;
    opt.expected = { error: 'param' };
    expect(runCase(opt)).toMatchObject({ ok: true, detail: 'param error: momentum: gamma must lie in [0, 1), got 1' });
    const net = byName('network/2d-classifier');
    net.inputs.x = { shape: [4, 2, 2, 1, 1], data: new Array(16).fill(0.5) };
    net.expected = { error: 'shape' };
    expect(runCase(net)).toMatchObject({ ok: true, detail: 'shape error: network: layer 5 (dense fc1): dense: w [3, 48] must be [n_out, n_in] with n_in = 3, the input size' });
  });
});

describe('malformed cases', () => {
  it.each<[string, (c: Json) => unknown, RegExp]>([
    ['an unknown op', (c) => ({ ...c, op: 'deconv' }), /^unknown op "deconv"; known ops: output_size, conv, /],
    ['an empty expected', (c) => ({ ...c, expected: {} }), /^malformed case: expected holds nothing to check$/],
    ['an unknown error category', (c) => ({ ...c, expected: { error: 'value' } }), /^malformed case: expected.error must be "shape" or "param"/],
    ['an input that is not a tensor', (c) => ({ ...c, inputs: { ...c.inputs, x: [1, 2, 3] } }), /^malformed case: input x is not a tensor/],
    ['a missing input', (c) => ({ ...c, inputs: {} }), /^malformed case: inputs has no x$/],
    ['an expected tensor whose data does not fit its shape', (c) => ({ ...c, expected: { y: { shape: [2], data: [1] } } }), /^malformed case: expected y has 1 values for shape \[2\]$/],
    ['a negative tolerance', (c) => ({ ...c, tolerance: { atol: -1 } }), /^malformed case: tolerance atol must be a finite number >= 0$/],
    ['no op', (c) => ({ ...c, op: undefined }), /^malformed case: op must be a string$/],
  ])('fail with %s', (_, mutate, detail) => {
    const r = runCase(mutate(byName('activation/relu')));
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(detail);
  });

  it('name a case without a name by its place', () => {
    expect(runCase({ op: 'softmax' }, 'file.json#3')).toMatchObject({ name: 'file.json#3', ok: false, detail: 'malformed case: name must be a non-empty string' });
    expect(runCase(42, 'file.json#0')).toMatchObject({ ok: false, detail: 'malformed case: a case must be an object' });
  });
});

describe('files, folders and the summary', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'conformance-'));
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    mkdirSync(join(dir, 'empty'));
    const good = byName('softmax/0');
    const bad = byName('softmax/1');
    bad.expected.y.data[0] += 1;
    writeFileSync(join(dir, 'a-good.json'), JSON.stringify({ cases: [good] }));
    writeFileSync(join(dir, 'nested', 'deeper', 'b-bad.json'), JSON.stringify({ cases: [bad] }));
    writeFileSync(join(dir, 'nested', 'c-broken.json'), '{"cases": [');
    writeFileSync(join(dir, 'nested', 'd-not-cases.json'), '[1, 2]');
    writeFileSync(join(dir, 'nested', 'e-no-cases.json'), '{"cases": []}');
    writeFileSync(join(dir, 'nested', 'notes.txt'), 'not a case file');
  });

  it('reads folders recursively, reporting every unusable file as a failure', () => {
    const lines: string[] = [];
    const summary = runSources(loadSources([dir, join(dir, 'empty'), join(dir, 'missing.json')]), (l) => lines.push(l));
    expect(summary).toEqual({ passed: 1, failed: 6 });
    expect(lines[0]).toBe('PASS softmax/0');
    expect(lines.some((l) => /^FAIL .*empty: the folder holds no \*\.json case file$/.test(l))).toBe(true);
    expect(lines.some((l) => /^FAIL softmax\/1: y: at flat index 0/.test(l))).toBe(true);
    expect(lines.some((l) => /^FAIL .*c-broken\.json: not valid JSON/.test(l))).toBe(true);
    expect(lines.some((l) => /^FAIL .*d-not-cases\.json: not a case file: expected \{"cases": \[\.\.\.\]\}$/.test(l))).toBe(true);
    expect(lines.some((l) => /^FAIL .*e-no-cases\.json: the file holds no cases$/.test(l))).toBe(true);
    expect(lines.some((l) => /^FAIL .*missing\.json: cannot read: ENOENT/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('notes.txt'))).toBe(false);
    expect(lines.at(-1)).toBe('1 passed, 6 failed');
  });

  it('reads a single file', () => {
    expect(readCaseFile(join(dir, 'a-good.json')).cases).toHaveLength(1);
  });

  it('exits 0 with "N passed, 0 failed" on the shared cases, 1 on a failure, 2 without a path', () => {
    const cli = ['tsx', 'test/conformance/cli.ts'];
    const ok = execFileSync('npx', [...cli, casesDirectory()], { encoding: 'utf8' });
    expect(ok.trimEnd().split('\n').at(-1)).toBe(`${sharedCases.length} passed, 0 failed`);
    const failing = spawnSync('npx', [...cli, join(dir, 'nested')], { encoding: 'utf8' });
    expect(failing.status).toBe(1);
    expect(failing.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 4 failed');
    const none = spawnSync('npx', cli, { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/usage: npm run conformance -- PATH/);
  });
});
