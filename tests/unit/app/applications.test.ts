import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { APPLICATION_IDS, APPLICATIONS } from '../../../app/components/solo/applications';
import { PATH_IDS } from '../../../game/challenges';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const messages = (locale: string, ns: string) => JSON.parse(readFileSync(join(ROOT, 'app', 'i18n', 'messages', locale, `${ns}.json`), 'utf8')) as Record<string, unknown>;

describe('application cards (the end of the path)', () => {
  test('one card per application, in the listed order', () => {
    assert.deepEqual(APPLICATIONS.map((a) => a.id), [...APPLICATION_IDS]);
  });

  test('each builds on challenges that are on the path, each named once', () => {
    for (const card of APPLICATIONS) {
      assert.ok(card.buildsOn.length > 0, card.id);
      assert.equal(new Set(card.buildsOn).size, card.buildsOn.length, card.id);
      for (const id of card.buildsOn) assert.ok((PATH_IDS as readonly string[]).includes(id), `${card.id}: ${id}`);
    }
  });

  test('the AI designer builds on every generative challenge: both GANs and the autoencoder', () => {
    const design = APPLICATIONS.find((a) => a.id === 'design');
    assert.deepEqual(design?.buildsOn, ['gan', 'gan-digits', 'autoencoder']);
  });

  for (const locale of ['ko', 'en']) {
    test(`${locale}: every card has a title, input, output and body, and the challenges it names have names`, () => {
      const cards = messages(locale, 'applications').card as Record<string, Record<string, string>>;
      assert.deepEqual(Object.keys(cards).sort(), [...APPLICATION_IDS].sort());
      const names = (messages(locale, 'common').challengeName ?? {}) as Record<string, string>;
      for (const card of APPLICATIONS) {
        for (const field of ['title', 'input', 'output', 'body']) assert.ok((cards[card.id]?.[field] ?? '').length > 5, `${card.id}.${field}`);
        for (const id of card.buildsOn) assert.ok(names[id], `challengeName.${id}`);
      }
    });
  }
});
