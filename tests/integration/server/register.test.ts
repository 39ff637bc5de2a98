import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connect, request, startTestServer, type TestServer } from './harness';

describe('player:register', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t.stop();
  });

  test('an offensive nickname is replaced by a friendly one, a clean one kept as typed', async () => {
    const socket = await connect(t.server.url);
    try {
      const bad = await request<{ nickname: string }>(socket, 'player:register', { nickname: 'fuck off' });
      assert.ok(bad.ok);
      assert.match(bad.data.nickname, /^(Neuron|Tensor|ReLU|Sigmoid|Gradient|Epoch|Adam|Perceptron|Softmax|Kernel) \d+$/);
      const ko = await request<{ nickname: string }>(socket, 'player:register', { nickname: '시1발' });
      assert.ok(ko.ok);
      assert.notEqual(ko.data.nickname, '시1발');
      const good = await request<{ nickname: string }>(socket, 'player:register', { nickname: ' 서연 ' });
      assert.ok(good.ok);
      assert.equal(good.data.nickname, '서연');
      const who = await request<{ nickname: string }>(socket, 'player:whoami', {});
      assert.ok(who.ok && who.data.nickname === '서연');
      assert.equal(t.counts().players, 3);
    } finally {
      socket.disconnect();
    }
  });
});
