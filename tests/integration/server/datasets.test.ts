import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../server/app';
import { startTestServer, type TestServer } from './harness';

const DATA = join(PROJECT_ROOT, 'data', 'sign-digits');

/** Raw HTTP GET, so paths like /datasets/../x reach the server unnormalised (fetch would clean them). */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (ok, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', fail);
      req.end();
    },
  );
}

describe('dataset routes', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.stop());

  for (const name of ['train.bin', 'val.bin', 'manifest.json']) {
    test(`${name}: 200 with the file's length, cache headers and an ETag`, async () => {
      const res = await get(t.server.port, `/datasets/sign-digits/${name}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.length, statSync(join(DATA, name)).size);
      assert.equal(res.headers['content-length'], String(res.body.length));
      assert.match(String(res.headers['cache-control']), /max-age=\d+/);
      assert.ok(res.headers.etag);
    });
  }

  test('manifest parses as JSON naming the data set', async () => {
    const res = await get(t.server.port, '/datasets/sign-digits/manifest.json');
    assert.equal((JSON.parse(res.body.toString()) as { name: string }).name, 'sign-digits');
  });

  test('If-None-Match with the ETag gives 304 and no body', async () => {
    const first = await get(t.server.port, '/datasets/sign-digits/val.bin');
    const again = await get(t.server.port, '/datasets/sign-digits/val.bin', { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  const hidden = [
    '/datasets/sign-digits/test.bin',
    '/datasets/sign-digits/TEST.BIN',
    '/datasets/sign-digits/test.bin?x=1',
    '/datasets/sign-digits/../sign-digits/test.bin',
    '/datasets/sign-digits/%2e%2e/sign-digits/test.bin',
    '/datasets/..%2fsign-digits/test.bin',
    '/datasets/sign-digits/..%2Ftest.bin',
    '/datasets/../package.json',
    '/datasets/%2e%2e/package.json',
    '/datasets/sign-digits/LICENSE',
    '/datasets/sign-digits/',
    '/datasets/sign-digits',
    '/datasets/',
    '/datasets/nope/train.bin',
    // The judge of generated sign digits (data/judges/) stays on the server: no one can tune a generator to it.
    '/datasets/judges/sign-digits-16/weights.bin',
    '/datasets/judges/sign-digits-16/spec.json',
    '/datasets/judges%2fsign-digits-16/weights.bin',
    '/datasets/sign-digits/..%2F..%2Fjudges%2Fsign-digits-16%2Fweights.bin',
  ];
  for (const path of hidden) {
    test(`${path} → 404`, async () => {
      const res = await get(t.server.port, path);
      assert.equal(res.status, 404);
      assert.ok(res.body.length < 100, 'no file content leaks');
    });
  }
});
