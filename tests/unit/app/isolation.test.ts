import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import nextConfig from '../../../next.config';
import { ISOLATED_SOURCES, isIsolatedPath, needsIsolatingLoad } from '../../../app/components/isolation/routes';

describe('cross-origin isolated pages', () => {
  test('the studio and a student\'s room train; the teacher\'s room, home and the rest do not', () => {
    for (const p of ['/challenges/sign-digits', '/challenges/xor/', '/room/ABCD12']) assert.ok(isIsolatedPath(p), p);
    for (const p of ['/', '/solo', '/join', '/host', '/room/ABCD12/host', '/room/ABCD12/2', '/leaderboard/sign-digits', '/challenges', '/challengesx/a']) {
      assert.ok(!isIsolatedPath(p), p);
    }
  });

  test('next.config.ts sends COOP and COEP exactly on those sources, and COEP on the worker scripts', async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const isolating = rules.filter((r) => r.headers.some((h) => h.key === 'Cross-Origin-Opener-Policy'));
    assert.deepEqual(isolating.map((r) => r.source), [...ISOLATED_SOURCES]);
    for (const r of isolating) {
      assert.deepEqual(Object.fromEntries(r.headers.map((h) => [h.key, h.value])), {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
    }
    const statics = rules.find((r) => r.source === '/_next/static/:path*');
    assert.deepEqual(statics?.headers, [{ key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' }]);
  });

  test('a client-side arrival at a training page reloads it; a load there that is still not isolated does not', () => {
    assert.equal(needsIsolatingLoad({ pathname: '/challenges/xor', loadedPathname: '/solo', isolated: false }), true);
    assert.equal(needsIsolatingLoad({ pathname: '/room/ABCD12', loadedPathname: '/join', isolated: false }), true);
    // Loaded here and still not isolated (embedded in another site): reloading would not help.
    assert.equal(needsIsolatingLoad({ pathname: '/challenges/xor', loadedPathname: '/challenges/xor', isolated: false }), false);
    assert.equal(needsIsolatingLoad({ pathname: '/challenges/b', loadedPathname: '/challenges/a', isolated: false }), false);
    assert.equal(needsIsolatingLoad({ pathname: '/challenges/xor', loadedPathname: '/', isolated: true }), false);
    assert.equal(needsIsolatingLoad({ pathname: '/leaderboard/xor', loadedPathname: '/', isolated: false }), false);
  });
});
