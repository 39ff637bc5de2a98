import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from '../../../../game/room/code';
import { friendlyName, isOffensive, roomNickname } from '../../../../game/room/names';
import { mulberry32 } from '../../../../game/random';

describe('join codes', () => {
  test('the alphabet has no look-alikes', () => {
    for (const ch of '0O1IL2Z5S6G8BQNUV') assert.ok(!JOIN_CODE_ALPHABET.includes(ch), ch);
    assert.equal(new Set(JOIN_CODE_ALPHABET).size, JOIN_CODE_ALPHABET.length);
  });

  test('generated codes use only the alphabet, and a seed replays', () => {
    const rand = mulberry32(9);
    const codes = Array.from({ length: 500 }, () => generateJoinCode(rand));
    for (const c of codes) assert.match(c, new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
    assert.ok(new Set(codes).size > 490, 'codes spread out');
    assert.equal(generateJoinCode(mulberry32(3)), generateJoinCode(mulberry32(3)));
  });

  const typed: [unknown, string | null][] = [
    ['acdefh', 'ACDEFH'],
    [' ac d-e fh ', 'ACDEFH'],
    ['ACDEF', null],
    ['ACDEFHK', null],
    ['ACDEF0', null],
    ['ACDEFO', null],
    [42, null],
    ['A'.repeat(100), null],
  ];
  for (const [input, expected] of typed) {
    test(`normalizeJoinCode(${JSON.stringify(input)?.slice(0, 20)}) → ${expected}`, () => {
      assert.equal(normalizeJoinCode(input), expected);
    });
  }
});

describe('room nicknames', () => {
  const offensive = ['fuck', 'FuCk you', 'sh1t', 'b1tch', '시발', '시1발', '개 새끼', '병신'];
  for (const name of offensive) test(`offensive: ${name}`, () => assert.equal(isOffensive(name), true));
  const fine = ['Ada', '김민수', '서연', 'Assassin', 'classic', 'Scunthorpe', '학생 1', 'ReLU fan'];
  for (const name of fine) test(`fine: ${name}`, () => assert.equal(isOffensive(name), false));

  test('an offensive nickname is replaced by the next friendly name', () => {
    assert.deepEqual(roomNickname('fuck', [], 0), { ok: true, nickname: 'Neuron 1', replaced: true });
    assert.deepEqual(roomNickname('병신', [], 1), { ok: true, nickname: 'Tensor 2', replaced: true });
    assert.equal(friendlyName(10), 'Neuron 11');
  });

  test('uniqueness is case-insensitive and stays within 20 characters', () => {
    assert.deepEqual(roomNickname('ada', ['Ada'], 0), { ok: true, nickname: 'ada 2', replaced: false });
    assert.deepEqual(roomNickname('Ada', ['Ada', 'ADA 2'], 0), { ok: true, nickname: 'Ada 3', replaced: false });
    const long = 'x'.repeat(20);
    const r = roomNickname(long, [long], 0);
    assert.ok(r.ok && [...r.nickname].length <= 20 && r.nickname.endsWith(' 2'));
  });

  test('control characters are trimmed; an empty result is refused', () => {
    assert.deepEqual(roomNickname('\u202EAda\u0000', [], 0), { ok: true, nickname: 'Ada', replaced: false });
    assert.equal(roomNickname('\u200B', [], 0).ok, false);
    assert.equal(roomNickname(null, [], 0).ok, false);
  });
});
