/**
 * The end-to-end tests' own machinery (test/e2e/support), tested in Node:
 * the static server serves only dist/ with the right types and the CSP, and
 * the PNG decoder reads what it is given.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/notebook/site/csp.ts';
import { decodePng, foregroundFraction } from '../e2e/support/png.ts';
import { serveStatic, type StaticServer } from '../e2e/support/static-server.ts';

/** A raw GET (fetch would normalize `..` away before sending). */
function get(url: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'atlas-site-'));
    const root = join(base, 'dist');
    mkdirSync(join(root, 'chapters', 'one'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, 'chapters', 'one', 'index.html'), 'chapter');
    writeFileSync(join(root, 'font.woff2'), 'woff2');
    writeFileSync(join(root, 'module.mjs'), 'export {}');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    server = await serveStatic(root);
  });
  afterAll(() => server.close());

  it('serves pages with their type and the site CSP as a header', async () => {
    const home = await get(server.url, '/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await get(server.url, '/font.woff2')).headers['content-type']).toBe('font/woff2');
    expect((await get(server.url, '/module.mjs')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('redirects a directory to its slash, keeping the query, so relative URLs resolve', async () => {
    const response = await get(server.url, '/chapters/one?blocks=3');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/chapters/one/?blocks=3');
    expect((await get(server.url, '/chapters/one/')).body).toBe('chapter');
  });

  it('serves nothing outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/chapters/../../secret.txt', '/%00']) {
      const response = await get(server.url, path);
      expect(response.body, path).not.toBe('secret');
      expect([400, 403, 404], path).toContain(response.status);
    }
  });
});

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
}

/** A small RGBA PNG with the given row filters (CRCs are not checked by the decoder). */
function png(width: number, height: number, pixel: (x: number, y: number) => number[], filter: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    raw.push(filter);
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = pixel(x, y);
      const left = x > 0 ? pixel(x - 1, y) : [0, 0, 0, 0];
      const values = [r!, g!, b!, a!];
      // Filter 1 (Sub) stores the difference from the left pixel.
      raw.push(...values.map((v, i) => (filter === 1 ? (v - left[i]! + 256) % 256 : v)));
    }
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(raw))),
    chunk('IEND', new Uint8Array()),
  ]);
}

describe('PNG decoder', () => {
  const pixel = (x: number, y: number): number[] => (x === 1 && y === 1 ? [200, 10, 10, 255] : [250, 250, 250, 255]);

  it.each([0, 1])('reads RGBA pixels written with filter %i', (filter) => {
    const image = decodePng(png(4, 3, pixel, filter));
    expect([image.width, image.height]).toEqual([4, 3]);
    expect([...image.rgba.subarray((1 * 4 + 1) * 4, (1 * 4 + 1) * 4 + 4)]).toEqual([200, 10, 10, 255]);
    expect(foregroundFraction(image)).toBeCloseTo(1 / 12);
  });

  it('refuses what is not a PNG', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(/not a PNG/);
  });
});
