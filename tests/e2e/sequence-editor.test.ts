/**
 * The layer editor on the sequence challenges in Chromium: the sequence layers are offered (and
 * the image layers are not), a challenge's own list narrows the menu, each layer's fields edit the
 * spec, and a layer that does not fit is named under it in the reader's language until fixed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT, startAppAndBrowser } from './harness';

type Messages = { layer: Record<'lstm' | 'selfAttention', string>; layerType: string };
const load = (locale: string) => JSON.parse(readFileSync(join(ROOT, 'app/i18n/messages', locale, 'train.json'), 'utf8')) as Messages;
const en = load('en');
const ko = load('ko');

const menu = (page: Page) => page.getByTestId('layer-editor').locator('select').last().locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
const rows = (page: Page) => page.getByTestId('layer-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-layer-type')));

describe('the layer editor on sequence challenges, in Chromium', () => {
  const e2e = startAppAndBrowser();

  test('Attention (en): sequence layers offered, a misplaced attention layer named under it, fixed with every-step output and Last step', async () => {
    const ctx = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${e2e.app.url}/challenges/attention?backend=wasm`);
    await page.getByTestId('layer-editor').waitFor();
    const offered = await menu(page);
    for (const type of ['embedding', 'simpleRNN', 'lstm', 'gru', 'selfAttention', 'globalAveragePooling1d', 'lastStep']) assert.ok(offered.includes(type), `${type} offered: ${offered.join(', ')}`);
    for (const type of ['conv2d', 'maxPooling2d', 'flatten']) assert.ok(!offered.includes(type), `${type} not offered`);
    assert.deepEqual(await rows(page), ['lstm', 'dense']);

    await page.getByLabel(en.layerType).selectOption('selfAttention');
    await page.getByTestId('add-layer').click();
    assert.deepEqual(await rows(page), ['lstm', 'selfAttention', 'dense']);
    const attention = page.locator('[data-testid="layer-row"][data-layer-type="selfAttention"]');
    await attention.getByTestId('spec-error').filter({ hasText: `${en.layer.selfAttention} needs a sequence` }).waitFor();
    assert.equal(await attention.locator('input[data-field="positional"]').isChecked(), true);

    // The LSTM hands on every step: attention fits, but the sequence still reaches the output.
    await page.locator('[data-testid="layer-row"][data-layer-type="lstm"] input[data-field="returnSequences"]').check();
    await page.locator('[data-testid="layer-row"][data-layer-type="dense"]').getByTestId('spec-error').filter({ hasText: 'still outputs a whole sequence' }).waitFor();
    assert.equal(await attention.getByTestId('spec-error').count(), 0);

    await page.getByLabel(en.layerType).selectOption('lastStep');
    await page.getByTestId('add-layer').click();
    assert.deepEqual(await rows(page), ['lstm', 'selfAttention', 'lastStep', 'dense']);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="spec-error"]').length === 0);
    const lastStepShape = await page.locator('[data-testid="layer-row"][data-layer-type="lastStep"]').innerText();
    assert.match(lastStepShape, /→ 32\b/);
    await ctx.close();
  });

  test("Memory (ko): the challenge's own list leaves attention out; Korean names and messages", async () => {
    const ctx = await e2e.browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${e2e.app.url}/challenges/memory?backend=wasm`);
    await page.getByTestId('layer-editor').waitFor();
    const offered = await menu(page);
    assert.ok(offered.includes('lstm') && offered.includes('gru') && offered.includes('embedding'), offered.join(', '));
    assert.ok(!offered.includes('selfAttention') && !offered.includes('flatten') && !offered.includes('lastStep'), offered.join(', '));
    const labels = await page.getByTestId('layer-editor').locator('select').last().locator('option').allInnerTexts();
    assert.ok(labels.includes(ko.layer.lstm), labels.join(', '));

    // An LSTM after the RNN that hands on only its last step: named under the LSTM, in Korean.
    await page.getByLabel(ko.layerType).selectOption('lstm');
    await page.getByTestId('add-layer').click();
    const lstm = page.locator('[data-testid="layer-row"][data-layer-type="lstm"]');
    await lstm.getByTestId('spec-error').filter({ hasText: `${ko.layer.lstm} 층은 시퀀스` }).waitFor();
    await page.locator('[data-testid="layer-row"][data-layer-type="simpleRNN"] input[data-field="returnSequences"]').check();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="layer-row"][data-layer-type="lstm"] [data-testid="spec-error"]').length === 0);
    assert.match(await lstm.innerText(), /→ 32\b/);
    await ctx.close();
  });
});
