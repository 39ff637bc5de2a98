/**
 * A room round on a play challenge (the optimizer race): entries go through the room (limits,
 * wrong challenge refused), the server's replay scores them, the standings follow.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RaceEntry } from '../../../game/solo/play';
import type { SubmissionResult } from '../../../server/protocol';
import { request, startTestServer, type TestServer } from '../server/harness';
import { SETTINGS, closeAll, createHostedRoom, joinAs, until, type Host, type Player } from './helpers';

const entry = (lr: number): RaceEntry => ({
  kind: 'race',
  surfaces: {
    bowl: { optimizer: 'gd', learningRate: lr, momentum: 0.5 },
    ravine: { optimizer: 'adagrad', learningRate: 2, momentum: 0.5 },
    saddle: { optimizer: 'rmsprop', learningRate: 0.3, momentum: 0.5 },
    rosenbrock: { optimizer: 'adam', learningRate: 1, momentum: 0.9 },
  },
});

describe('a room round on the optimizer race', () => {
  let t: TestServer;
  let host: Host;
  const players: Player[] = [];
  const results: SubmissionResult[] = [];

  before(async () => {
    t = await startTestServer();
    host = await createHostedRoom(t.server.url);
    for (const name of ['Ann', 'Ben']) players.push(await joinAs(t.server.url, host.code, name));
    for (const p of players) p.socket.on('submission:result', (r) => results.push(r));
    const settings = { ...SETTINGS, challengeId: 'optimizer-race' as const, maxSubmissions: 1 };
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings });
    assert.ok(started.ok, JSON.stringify(started));
  });
  after(async () => {
    closeAll([host.socket, ...players.map((p) => p.socket)]);
    await t.stop();
  });

  test('entries are scored through the room and ranked; the limit and the challenge hold', async () => {
    const [ann, ben] = players as [Player, Player];
    const wrong = await request(ann.socket, 'play:submit', { challengeId: 'backprop-steps', entry: { kind: 'steps', seed: 1, answers: [] }, roomCode: host.code });
    assert.equal(wrong.ok, false);
    if (!wrong.ok) assert.equal(wrong.error.code, 'round/wrong_challenge');
    const a = await request<{ submissionId: string }>(ann.socket, 'play:submit', { challengeId: 'optimizer-race', entry: entry(0.5), roomCode: host.code });
    const b = await request<{ submissionId: string }>(ben.socket, 'play:submit', { challengeId: 'optimizer-race', entry: entry(0.01), roomCode: host.code });
    assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
    await until(players.map((p) => p.socket), () => results.length === 2 && players.every((p) => (p.latest.state?.standings?.length ?? 0) === 2), 'both entries in the standings');
    const standings = players[0]?.latest.state?.standings ?? [];
    assert.deepEqual(standings.map((s) => s.nickname), ['Ann', 'Ben']);
    const annResult = results.find((r) => r.submissionId === a.data.submissionId);
    assert.equal(annResult?.room?.code, host.code);
    assert.equal(annResult?.stars, 3);
    const again = await request(ann.socket, 'play:submit', { challengeId: 'optimizer-race', entry: entry(0.5), roomCode: host.code });
    assert.equal(again.ok, false);
    if (!again.ok) assert.match(again.error.code, /limit/);
  });
});
