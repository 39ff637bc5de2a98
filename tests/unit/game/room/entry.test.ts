import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import { DEFAULT_ROUND_SETTINGS, type RoundSettings } from '../../../../game/room/settings';
import type { RoomEvent, RoomState } from '../../../../game/room/types';
import { knownGoodSpec } from '../../../../models/presets';

const T0 = 1_700_000_000_000;
const HOST = { role: 'host' } as const;

function roundOf(settings: RoundSettings): RoomState {
  const events: RoomEvent[] = [
    { type: 'join', playerId: 'a', nickname: 'Ada', now: T0 + 1 },
    { type: 'startRound', actor: HOST, settings, now: T0 + 10 },
  ];
  return events.reduce((s, e) => {
    const r = applyRoomEvent(s, e);
    assert.ok(r.ok);
    return r.state;
  }, createRoom('ACDEFH', T0));
}

const submit = (state: RoomState, challengeId: string, spec = knownGoodSpec('logic-gates')) =>
  applyRoomEvent(state, { type: 'submit', playerId: 'a', entry: { challengeId, spec }, now: T0 + 20 });

describe('room reducer: the round rules a submission must follow (the guard is in game/)', () => {
  const gates: RoundSettings = { ...DEFAULT_ROUND_SETTINGS, challengeId: 'logic-gates', locked: { optimizer: 'adam', learningRate: 0.1 } };

  test('another challenge than the round\'s is refused and counts nothing', () => {
    const s = roundOf(gates);
    const r = submit(s, 'depth-width');
    assert.equal(r.ok ? 'ok' : r.error.code, 'round/wrong_challenge');
    assert.equal(r.state, s);
  });

  test('a spec off the locked settings is refused with one issue per lock broken', () => {
    const spec = knownGoodSpec('logic-gates');
    const off = { ...spec, training: { ...spec.training, optimizer: { ...spec.training.optimizer, type: 'sgd' as const, learningRate: 0.5 } } };
    const r = submit(roundOf(gates), 'logic-gates', off);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'round/locked_hyper');
    assert.deepEqual(r.error.issues?.map((i) => i.path), ['training.optimizer.type', 'training.optimizer.learningRate']);
  });

  test('a spec on the locks is counted as pending', () => {
    const spec = knownGoodSpec('logic-gates');
    const on = { ...spec, training: { ...spec.training, optimizer: { ...spec.training.optimizer, type: 'adam' as const, learningRate: 0.1 } } };
    const r = submit(roundOf(gates), 'logic-gates', on);
    assert.ok(r.ok, r.ok ? '' : r.error.code);
    assert.deepEqual(r.state.round?.entries.a && { submissions: r.state.round.entries.a.submissions, pending: r.state.round.entries.a.pending }, { submissions: 1, pending: 1 });
  });

  test('with locks the server trains the spec: one too long to train is refused (submission/over_steps)', () => {
    const spec = knownGoodSpec('logic-gates');
    const long = { ...spec, training: { ...spec.training, epochs: 5000, batchSize: 1, optimizer: { ...spec.training.optimizer, type: 'adam' as const, learningRate: 0.1 } } };
    const r = submit(roundOf(gates), 'logic-gates', long);
    assert.equal(r.ok ? 'ok' : r.error.code, 'submission/over_steps');
  });

  test('the submission limit is said before the round rules', () => {
    const s = roundOf({ ...gates, maxSubmissions: 1, locked: {} });
    const first = submit(s, 'logic-gates');
    assert.ok(first.ok);
    assert.equal((r => (r.ok ? 'ok' : r.error.code))(submit(first.state, 'depth-width')), 'round/submission_limit');
  });
});
