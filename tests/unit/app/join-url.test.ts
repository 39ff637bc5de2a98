import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { joinBase } from '../../../app/components/room/join-url';

describe('joinBase', () => {
  const page = (hostname: string, port = '3000') => ({ protocol: 'http:', hostname, port });
  const cases: [string, ReturnType<typeof page>, string | undefined, string[], string, boolean][] = [
    ['PUBLIC_URL wins, trailing slash dropped', page('localhost'), 'https://arena.school.kr/', ['192.168.0.7'], 'https://arena.school.kr', false],
    ['localhost becomes the LAN address', page('localhost'), undefined, ['192.168.0.7', '10.0.0.2'], 'http://192.168.0.7:3000', true],
    ['127.0.0.1 too', page('127.0.0.1'), undefined, ['10.1.2.3'], 'http://10.1.2.3:3000', true],
    ['IPv6 loopback too', page('[::1]'), undefined, ['10.1.2.3'], 'http://10.1.2.3:3000', true],
    ['no LAN address: keep localhost', page('localhost'), undefined, [], 'http://localhost:3000', false],
    ['a real host name stays', page('arena.local'), undefined, ['192.168.0.7'], 'http://arena.local:3000', false],
    ['default port stays implicit', page('192.168.0.7', ''), undefined, ['192.168.0.7'], 'http://192.168.0.7', false],
  ];
  for (const [name, p, publicUrl, lan, origin, substituted] of cases) {
    test(name, () => assert.deepEqual(joinBase(p, publicUrl, lan), { origin, substituted }));
  }
});
