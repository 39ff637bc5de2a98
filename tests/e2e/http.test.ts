/**
 * Request targets that are not a path, against the real app with Next.js (trust finding 10): Next
 * threw on `GET *` and answered 500 with a stack trace in the log per request; now the server
 * answers 400 before Next sees it, and pages and data set files are served as before.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawRequest } from '../integration/server/raw-http';
import { startApp, type App } from './harness';

describe('malformed request targets with Next.js serving the app', () => {
  let app: App;
  before(async () => {
    app = await startApp();
  });
  after(() => app.stop());

  test('GET * and friends: 400, no stack trace in the answer or the log; pages still 200', async () => {
    const port = Number(new URL(app.url).port);
    for (const target of ['*', 'http://example.test/', '/%E0%A4%A']) {
      const r = await rawRequest(port, target);
      assert.equal(r.status, 400, `${target}: ${r.status}`);
      assert.doesNotMatch(r.body, /\n\s+at /, `${target}: no stack trace in the answer`);
    }
    for (const path of ['/', '/solo', '/datasets/sign-digits/manifest.json']) {
      assert.equal((await rawRequest(port, path)).status, 200, path);
    }
    assert.doesNotMatch(app.logs(), /next handler failed|\n\s+at .*next/i, 'no Next.js stack trace in the log');
  });
});
