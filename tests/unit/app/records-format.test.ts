/**
 * Times in the viewer's zone (the browser's, formatted per locale) and the boss screens' numbers:
 * no "-0" gap, and what the face-the-boss confirm quotes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTranslator } from 'next-intl';
import { faceCandidates, publicCorrect, wholePercent } from '../../../app/components/boss/boss-view';
import { browserTimeZone, formatInZone } from '../../../app/components/time/zone';
import { loadCatalogue } from './catalogue';

const T0 = Date.UTC(2026, 11, 1, 21, 52, 8);
/** ICU versions differ on the space before AM/PM (U+202F or a plain one). */
const fmt = (...args: Parameters<typeof formatInZone>) => formatInZone(...args).replace(/\s/gu, ' ');

describe('times in the viewer\'s zone', () => {
  test('the same instant reads 4:52 PM in New York, 6:52 AM the next day in Seoul', () => {
    assert.equal(fmt(T0, 'en', 'America/New_York', { timeStyle: 'short' }), '4:52 PM');
    assert.equal(fmt(T0, 'en', 'Asia/Seoul', { timeStyle: 'short' }), '6:52 AM');
    assert.match(fmt(T0, 'ko', 'Asia/Seoul', { dateStyle: 'long', timeStyle: 'short' }), /^2026년 12월 2일 (오전|AM) 6:52$/, 'ICU data differ on 오전');
    assert.equal(fmt(T0, 'en', 'Mars/Olympus', { timeStyle: 'short' }), '9:52 PM', 'unknown zone: UTC');
  });
  test('the browser zone is this process\'s Intl zone, canonical', () => {
    assert.equal(browserTimeZone(), new Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('boss numbers', () => {
  test('a tiny negative gap is 0, not -0, in both languages', () => {
    assert.ok(Object.is(wholePercent(-0.004), 0));
    assert.ok(Object.is(wholePercent(-0), 0));
    assert.equal(wholePercent(-0.006), -1);
    for (const locale of ['en', 'ko']) {
      const t = createTranslator({ locale, messages: { boss: loadCatalogue(locale, 'boss') }, namespace: 'boss' });
      const text = t('gapValue', { value: wholePercent(-0.004) });
      assert.doesNotMatch(text, /-0|−0/, text);
      assert.match(text, /^0/);
    }
  });

  const sub = (id: string, pub: number, at: number) => ({ submissionId: id, public: pub, publicTotal: 120, submittedAt: at });
  test('the confirm quotes the picks, or the best public submission when none is picked', () => {
    const submissions = [sub('a', 0.1, 1), sub('b', 0.3, 2), sub('c', 0.3, 3)];
    assert.deepEqual(faceCandidates({ submissions, picks: [] }), { candidates: [{ number: 2, public: 0.3, publicTotal: 120 }], best: { number: 2, public: 0.3, publicTotal: 120 } });
    const picked = faceCandidates({ submissions, picks: ['a', 'c'] });
    assert.deepEqual(picked.candidates.map((c) => c.number), [1, 3]);
    assert.equal(picked.best?.number, 3);
    assert.deepEqual(faceCandidates({ submissions: [], picks: [] }), { candidates: [], best: null });
    assert.equal(publicCorrect({ public: 0.1, publicTotal: 120 }), 12);
  });
});
