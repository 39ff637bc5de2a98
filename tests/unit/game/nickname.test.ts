import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NICKNAME_MAX_CHARS, normalizeNickname } from '../../../game/nickname';
import { NICKNAME_MAX_LENGTH } from '../../../protocol';

describe('normalizeNickname', () => {
  const accepted: [string, unknown, string][] = [
    ['plain', 'Ada', 'Ada'],
    ['trims', '  Ada  ', 'Ada'],
    ['collapses inner spaces', 'Ada   Lovelace', 'Ada Lovelace'],
    ['tab and newline become one space', 'Ada\t\nL', 'Ada L'],
    ['strips control characters', 'A\u0000d\u0007a', 'Ada'],
    ['strips bidi override and zero-width space', '\u202EAda\u200B', 'Ada'],
    ['NFC composes e + combining acute', 'Rene\u0301', 'Ren\u00e9'],
    ['exactly 20 characters', 'x'.repeat(20), 'x'.repeat(20)],
    ['20 astral characters count as 20', '😀'.repeat(20), '😀'.repeat(20)],
    ['keeps CJK', '学生 一号', '学生 一号'],
  ];
  for (const [name, input, expected] of accepted) {
    test(`accepts: ${name}`, () => {
      assert.deepEqual(normalizeNickname(input), { ok: true, nickname: expected });
    });
  }

  const refused: [string, unknown][] = [
    ['empty', ''],
    ['only spaces', '   '],
    ['only control characters', '\u0000\u0001'],
    ['21 characters', 'x'.repeat(21)],
    ['not a string', 42],
    ['null', null],
  ];
  for (const [name, input] of refused) {
    test(`refuses: ${name}`, () => {
      const r = normalizeNickname(input);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.code, 'nickname/invalid');
        assert.ok(r.message.length > 0);
      }
    });
  }

  test('limit agrees with the protocol constant', () => {
    assert.equal(NICKNAME_MAX_CHARS, NICKNAME_MAX_LENGTH);
  });
});
