import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isStudentRoom, navItems } from '../../../app/components/shell/nav';

const current = (path: string) => navItems(path).filter((i) => i.match(path)).map((i) => i.href);
const hrefs = (path: string) => navItems(path).map((i) => i.href);

describe('main nav links', () => {
  test('a student inside a room is offered no host link; the join link is the current one', () => {
    for (const path of ['/room/ACDEFH', '/room/ACDEFH/']) {
      assert.equal(isStudentRoom(path), true, path);
      assert.deepEqual(hrefs(path), ['/', '/solo', '/join', '/leaderboard']);
      assert.deepEqual(current(path), ['/join']);
    }
  });

  test("the room's host console keeps the host link, marked current", () => {
    assert.equal(isStudentRoom('/room/ACDEFH/host'), false);
    assert.deepEqual(hrefs('/room/ACDEFH/host'), ['/', '/solo', '/join', '/host', '/leaderboard']);
    assert.deepEqual(current('/room/ACDEFH/host'), ['/host']);
  });

  test('exactly one link is current on each page the nav leads to', () => {
    const cases: [string, string][] = [
      ['/', '/'],
      ['/solo', '/solo'],
      ['/challenges/logic-gates', '/solo'],
      ['/join', '/join'],
      ['/host', '/host'],
      ['/leaderboard', '/leaderboard'],
      ['/leaderboard/sign-digits', '/leaderboard'],
      ['/leaderboard/room/ACDEFH/1', '/leaderboard'],
      ['/leaderboard/round/abcdefghijklmnopqrstuv', '/leaderboard'],
    ];
    for (const [path, href] of cases) {
      assert.deepEqual(current(path), [href], path);
      assert.equal(hrefs(path).length, 5, `${path}: every link outside a room`);
    }
  });
});
