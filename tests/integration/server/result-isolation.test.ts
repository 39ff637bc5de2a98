/**
 * Results never wait on another room (issue 14): a room whose queue does not get to a result yet
 * (its settle is held) does not hold back a solo result of the same challenge. Real SQLite after
 * migrations, the real scoring service; the optimizer race is replayed on the main thread, so no
 * worker is involved. bench:isolation measures the same thing under load.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRoom } from '../../../game/room/machine';
import type { SubmissionResult } from '../../../protocol';
import { openDb, type Db } from '../../../server/db';
import { silentLogger } from '../../../server/log';
import { insertRoom } from '../../../server/rooms/store';
import type { ScoringPool } from '../../../server/scoring/pool';
import { createScoringService, type RoomSettler } from '../../../server/scoring/service';
import { createPlayer, getSubmission, insertSubmission } from '../../../server/store';
import { TUNED_RACE } from './race-fixtures';

const NOW = 1_700_000_000_000;
const noPool: ScoringPool = {
  score: () => Promise.reject(new Error('a race is not scored by a worker')),
  pending: () => 0,
  close: async () => {},
};

function seed(db: Db): void {
  for (const id of ['room-player', 'solo-player']) createPlayer(db, { id, nickname: id, tokenHash: `hash-${id}`, now: NOW });
  insertRoom(db, { state: createRoom('ACDEFH', NOW), hostTokenHash: 'host', hostPinHash: 'pin' });
  const entry = { challengeId: 'optimizer-race', specJson: JSON.stringify(TUNED_RACE), weights: Buffer.alloc(0), paramCount: 0, now: NOW };
  insertSubmission(db, { id: 'in-room', playerId: 'room-player', ...entry, room: { code: 'ACDEFH', round: 1 } });
  insertSubmission(db, { id: 'solo', playerId: 'solo-player', ...entry });
}

/** A room that has not got to its result yet: settle waits until released. */
function heldRoom(db: Db): RoomSettler & { release(): void; asked: Promise<void> } {
  let release = () => {};
  let asked = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  return {
    asked: new Promise<void>((ok) => (asked = ok)),
    release: () => release(),
    async settle(_sub, _score, write) {
      asked();
      await held;
      return db.transaction((tx) => write(tx as unknown as Db));
    },
  };
}

describe('scoring results and rooms', () => {
  test('a solo result is applied while the room result enqueued before it is still held by its room', { timeout: 60_000 }, async () => {
    const db = openDb(':memory:');
    seed(db);
    const room = heldRoom(db);
    const results: SubmissionResult[] = [];
    let soloArrived = () => {};
    const solo = new Promise<void>((ok) => (soloArrived = ok));
    const scoring = createScoringService({
      db,
      pool: noPool,
      dataDir: '/nonexistent',
      log: silentLogger,
      now: () => NOW + 1,
      rooms: room,
      events: {
        result: (_playerId, r) => {
          results.push(r);
          if (r.submissionId === 'solo') soloArrived();
        },
        leaderboard: () => {},
      },
    });
    scoring.enqueue('in-room');
    await room.asked;
    scoring.enqueue('solo');
    // Before issue 14 this never resolved: the solo result waited in its challenge's queue behind the room's.
    await solo;
    assert.deepEqual(results.map((r) => [r.submissionId, r.status]), [['solo', 'scored']]);
    assert.equal(getSubmission(db, 'solo')?.status, 'scored');
    assert.equal(getSubmission(db, 'in-room')?.status, 'queued');
    room.release();
    await scoring.idle();
    assert.deepEqual(results.map((r) => r.submissionId), ['solo', 'in-room']);
    assert.equal(getSubmission(db, 'in-room')?.status, 'scored');
    await scoring.close();
    db.$client.close();
  });
});
