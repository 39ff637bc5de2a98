/**
 * The results CSV's rows: every player who took part (ranked first, then the rest by nickname with 0
 * submissions and empty cells), who counts as having taken part, and the times in UTC and local.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import { CSV_HEADER, resultRows, roundRoster } from '../../../../game/room/results';
import { DEFAULT_ROUND_SETTINGS } from '../../../../game/room/settings';
import type { RoomEvent, RoomState } from '../../../../game/room/types';
import { roundStandings } from '../../../../game/room/views';
import { canonicalTimeZone, isTimeZone, localDateTime } from '../../../../game/time-zone';

/** 2026-12-01 21:52:08 UTC: the CSV time (6:52 AM the next day in Seoul, 4:52 PM in New York). */
const T0 = Date.UTC(2026, 11, 1, 21, 52, 8);

function play(events: RoomEvent[]): RoomState {
  return events.reduce((s, e) => {
    const r = applyRoomEvent(s, e);
    assert.ok(r.ok, r.ok ? '' : r.error.code);
    return r.state;
  }, createRoom('ACDEFH', T0));
}

const best = (id: string, score: number, at: number) => ({ submissionId: id, score, paramCount: 10, submittedAt: at });

/** Four in the lobby: Ada and Bo score, Cy submits once and it fails, Dee never submits; Eve joins after the end. */
function classRound(): RoomState {
  const host = { role: 'host' } as const;
  return play([
    { type: 'join', playerId: 'd', nickname: 'dee', now: T0 },
    { type: 'join', playerId: 'a', nickname: 'Ada', now: T0 },
    { type: 'join', playerId: 'c', nickname: 'Cy', now: T0 },
    { type: 'join', playerId: 'b', nickname: 'Bo', now: T0 },
    { type: 'startRound', actor: host, settings: DEFAULT_ROUND_SETTINGS, now: T0 },
    { type: 'submit', playerId: 'a', now: T0, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'submit', playerId: 'b', now: T0, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'submit', playerId: 'c', now: T0, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'scored', playerId: 'a', round: 1, best: best('sa', 0.5, T0), now: T0 },
    { type: 'scored', playerId: 'b', round: 1, best: best('sb', 0.9, T0 + 1000), now: T0 + 1000 },
    { type: 'scoreFailed', playerId: 'c', round: 1, now: T0 + 1000 },
    { type: 'endRound', actor: host, now: T0 + 2000 },
    { type: 'join', playerId: 'e', nickname: 'Eve', now: T0 + 3000 },
  ]);
}

describe('results CSV rows', () => {
  test('every player who took part: ranked ones first, then the rest by nickname with 0 submissions and empty cells', () => {
    const s = classRound();
    const round = s.round!;
    const rows = resultRows(roundStandings(s), roundRoster(s, round, round.entries), 'America/New_York');
    assert.deepEqual(rows.map((r) => r[1]), ['Bo', 'Ada', 'Cy', 'dee'], 'Eve joined after the end: not in this round');
    for (const r of rows) assert.equal(r.length, CSV_HEADER.length);
    assert.deepEqual(rows[0], [1, 'Bo', '90.00', 1, 10, '2026-12-01T21:52:09.000Z', '2026-12-01 16:52:09', 'America/New_York']);
    assert.deepEqual(rows[2], ['', 'Cy', '', 1, '', '', '', ''], 'a failed submission still counts as one');
    assert.deepEqual(rows[3], ['', 'dee', '', 0, '', '', '', ''], 'never submitted: 0 and an empty best');
  });

  test('a round nobody submitted in still lists everyone; a running round lists every player', () => {
    const s = play([
      { type: 'join', playerId: 'a', nickname: 'Ada', now: T0 },
      { type: 'join', playerId: 'b', nickname: 'Bo', now: T0 },
      { type: 'startRound', actor: { role: 'host' }, settings: DEFAULT_ROUND_SETTINGS, now: T0 },
    ]);
    const rows = resultRows(roundStandings(s), roundRoster(s, s.round!, s.round!.entries));
    assert.deepEqual(rows.map((r) => [r[1], r[3]]), [['Ada', 0], ['Bo', 0]]);
  });

  test('a kicked player keeps their ranked row; a ranked player is never listed twice', () => {
    const s0 = classRound();
    const kicked = applyRoomEvent(s0, { type: 'kick', actor: { role: 'host' }, playerId: 'a', now: T0 + 4000 });
    assert.ok(kicked.ok);
    const s = kicked.state;
    const rows = resultRows(roundStandings(s), roundRoster(s, s.round!, s.round!.entries));
    assert.deepEqual(rows.map((r) => r[1]), ['Bo', 'Ada', 'Cy', 'dee']);
  });

  test('the local column follows the zone (Seoul is the next morning); an unknown zone falls back to UTC', () => {
    const s = classRound();
    const seoul = resultRows(roundStandings(s), [], 'Asia/Seoul');
    assert.deepEqual(seoul[1]?.slice(5), ['2026-12-01T21:52:08.000Z', '2026-12-02 06:52:08', 'Asia/Seoul']);
    assert.deepEqual(resultRows(roundStandings(s), [], 'Mars/Olympus')[1]?.slice(6), ['2026-12-01 21:52:08', 'UTC']);
  });
});

describe('time zones', () => {
  test('IANA names are checked and made canonical; offsets and junk are not zones', () => {
    assert.equal(canonicalTimeZone('asia/seoul'), 'Asia/Seoul');
    assert.equal(canonicalTimeZone('UTC'), 'UTC');
    assert.equal(canonicalTimeZone('Asia/Kolkata'), 'Asia/Kolkata', 'kept as sent, not the alias ICU may resolve it to');
    for (const bad of ['Mars/Olympus', '+05:00', '', 'Asia/Seoul; DROP', 'x'.repeat(65), '../../etc']) assert.equal(isTimeZone(bad), false, bad);
  });

  test('localDateTime writes the wall clock in 24-hour form, across daylight saving', () => {
    assert.equal(localDateTime(T0, 'UTC'), '2026-12-01 21:52:08');
    assert.equal(localDateTime(Date.UTC(2026, 6, 1, 12, 0, 0), 'America/New_York'), '2026-07-01 08:00:00', 'EDT is UTC−4');
    assert.equal(localDateTime(Date.UTC(2026, 0, 1, 0, 0, 5), 'Asia/Seoul'), '2026-01-01 09:00:05');
    assert.equal(localDateTime(Date.UTC(2026, 0, 1, 0, 0, 0), 'Asia/Seoul').slice(11, 13), '09', 'midnight is 00, never 24');
    assert.equal(localDateTime(Date.UTC(2026, 0, 1, 15, 0, 0), 'Asia/Seoul'), '2026-01-02 00:00:00');
  });
});
