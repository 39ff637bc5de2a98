import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACTIVITY_POINT_INTERVAL_MS, FRESH_REPORTER, planReport, type ReporterMemory } from '../../../app/components/room/activity';
import { countdownAnnouncement, formatCountdown, percentText, spacedCode } from '../../../app/components/room/format';
import { sparklinePoints } from '../../../app/components/room/sparkline';
import { sortStandings } from '../../../app/components/room/standings';
import type { RoundStanding } from '../../../game/room/views';

describe('formatCountdown', () => {
  const CASES: Array<[number, string]> = [
    [0, '0:00'], [-5000, '0:00'], [1, '0:01'], [999, '0:01'], [1000, '0:01'], [1001, '0:02'],
    [59_000, '0:59'], [60_000, '1:00'], [15 * 60_000, '15:00'], [3_600_000, '1:00:00'], [3_661_000, '1:01:01'], [Number.NaN, '0:00'],
  ];
  for (const [ms, text] of CASES) test(`${ms} ms → ${text}`, () => assert.equal(formatCountdown(ms), text));
});

describe('countdownAnnouncement', () => {
  test('changes only at whole minutes, then 30 s, 10 s and zero', () => {
    assert.deepEqual(countdownAnnouncement(15 * 60_000), { minutes: 15 });
    assert.deepEqual(countdownAnnouncement(14 * 60_000 + 1), { minutes: 15 });
    assert.deepEqual(countdownAnnouncement(14 * 60_000), { minutes: 14 });
    assert.deepEqual(countdownAnnouncement(31_000), { minutes: 1 });
    assert.deepEqual(countdownAnnouncement(30_000), { seconds: 30 });
    assert.deepEqual(countdownAnnouncement(11_000), { seconds: 30 });
    assert.deepEqual(countdownAnnouncement(10_000), { seconds: 10 });
    assert.deepEqual(countdownAnnouncement(1), { seconds: 10 });
    assert.deepEqual(countdownAnnouncement(0), { seconds: 0 });
  });
});

describe('spacedCode and percentText', () => {
  test('six-letter codes split in two groups of three', () => {
    assert.equal(spacedCode('ACDEF3'), 'ACD EF3');
    assert.equal(spacedCode('ACD'), 'ACD');
  });
  test('one decimal, like every other score view', () => {
    assert.equal(percentText(0.8734), '87.3');
    assert.equal(percentText(1), '100.0');
  });
});

describe('sparklinePoints', () => {
  test('spans the box, highest value at the top', () => {
    assert.equal(sparklinePoints([{ x: 0, y: 2 }, { x: 1, y: 1 }, { x: 2, y: 0 }], 100, 20, 0), '0,0 50,10 100,20');
  });
  test('padding keeps strokes inside; a flat series sits in the middle; NaN skipped', () => {
    assert.equal(sparklinePoints([{ x: 0, y: 1 }, { x: 4, y: 1 }, { x: 5, y: Number.NaN }], 24, 10, 2), '2,5 22,5');
  });
  test('a fixed range (accuracy 0..1) scales against it and clamps outliers', () => {
    assert.equal(sparklinePoints([{ x: 0, y: 0.5 }, { x: 1, y: 1.5 }], 10, 10, 0, [0, 1]), '0,5 10,0');
  });
  test('nothing drawable gives an empty string', () => {
    assert.equal(sparklinePoints([], 10, 10), '');
    assert.equal(sparklinePoints([{ x: Number.NaN, y: 1 }], 10, 10), '');
  });
});

describe('planReport (class-wall activity throttle)', () => {
  const pt = (x: number) => ({ x, loss: 1 / (x + 1), acc: 0.5 });
  const wanted = (x: number | null, activity: 'building' | 'training' = 'training') => ({ activity, backend: 'wasm', point: x === null ? null : pt(x) });

  test('a status change goes out at once, with the backend', () => {
    const plan = planReport(FRESH_REPORTER, 0, { activity: 'building', backend: null, point: null });
    assert.deepEqual(plan.send, { activity: 'building' });
    const next = planReport(plan.memory, 10, wanted(0.1));
    assert.deepEqual(next.send, { activity: 'training', backend: 'wasm', point: pt(0.1) });
  });

  test('points are throttled to one per interval, and the waiting point is sent when it is over', () => {
    let memory: ReporterMemory = planReport(FRESH_REPORTER, 0, wanted(0.1)).memory;
    const early = planReport(memory, 500, wanted(0.2));
    assert.equal(early.send, null);
    assert.equal(early.send === null && early.retryInMs, ACTIVITY_POINT_INTERVAL_MS - 500);
    const later = planReport(memory, ACTIVITY_POINT_INTERVAL_MS, wanted(0.3));
    assert.deepEqual(later.send, { activity: 'training', backend: 'wasm', point: pt(0.3) });
    memory = later.memory;
    const same = planReport(memory, 3 * ACTIVITY_POINT_INTERVAL_MS, wanted(0.3));
    assert.equal(same.send, null, 'the same point is never sent twice');
    assert.equal(same.send === null && same.retryInMs, null);
  });

  test('over a simulated minute of batches every 100 ms, at most one report per interval', () => {
    let memory = FRESH_REPORTER;
    let sent = 0;
    for (let t = 0; t <= 60_000; t += 100) {
      const plan = planReport(memory, t, wanted(t / 10_000));
      if (plan.send) sent++;
      memory = plan.memory;
    }
    assert.ok(sent <= 60_000 / ACTIVITY_POINT_INTERVAL_MS + 1, `${sent} reports`);
    assert.ok(sent >= 60_000 / ACTIVITY_POINT_INTERVAL_MS - 1, `${sent} reports`);
  });
});

describe('sortStandings', () => {
  const row = (rank: number, nickname: string, score: number, submissions: number, paramCount: number): RoundStanding =>
    ({ rank, playerId: `p${rank}`, nickname, score, submissions, paramCount, bestAt: 1000 + rank });
  const rows = [row(1, 'Ada', 0.9, 3, 5000), row(2, 'bo', 0.8, 1, 900), row(3, '가나', 0.8, 5, 900)];
  test('by rank, score, submissions, params and nickname; ties keep rank order', () => {
    assert.deepEqual(sortStandings(rows, 'rank', 'desc').map((r) => r.rank), [3, 2, 1]);
    assert.deepEqual(sortStandings(rows, 'score', 'asc').map((r) => r.rank), [2, 3, 1]);
    assert.deepEqual(sortStandings(rows, 'submissions', 'desc').map((r) => r.rank), [3, 1, 2]);
    assert.deepEqual(sortStandings(rows, 'paramCount', 'asc').map((r) => r.rank), [2, 3, 1]);
    assert.deepEqual(sortStandings(rows, 'nickname', 'asc').map((r) => r.nickname), ['Ada', 'bo', '가나']);
    assert.deepEqual(rows.map((r) => r.rank), [1, 2, 3], 'the input is not mutated');
  });
});
