/**
 * The two play challenges in Chromium: tune the optimizer race to three stars on every surface and
 * submit; work through the step-through's questions and submit. The server replays both and its
 * stars must be three. Expected numbers come from the same game/ code the page and the server run.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { race, RACE_OPTIMIZERS, type RaceSettings } from '../../game/solo/optimizers';
import { RACE_SEED, RACE_SURFACES, raceOutcomes, type RaceEntry } from '../../game/solo/play';
import { stepProblem } from '../../game/solo/steps-quiz';
import { SURFACES, type SurfaceId } from '../../game/solo/surfaces';
import { fmt } from '../../app/challenges/[id]/play/steps-view';
import { registerNickname, screenshot, startAppAndBrowser } from './harness';

/** Settings that reach three stars everywhere (found with raceOutcomes over a sweep). */
const TUNED: Record<SurfaceId, RaceSettings> = {
  bowl: { optimizer: 'gd', learningRate: 0.5, momentum: 0.9 },
  ravine: { optimizer: 'rmsprop', learningRate: 7.08, momentum: 0.9 },
  saddle: { optimizer: 'adagrad', learningRate: 0.891, momentum: 0.9 },
  rosenbrock: { optimizer: 'rmsprop', learningRate: 0.562, momentum: 0.9 },
};
const SCORE_TIMEOUT_MS = 30_000;
const REAL_TASK_TIMEOUT_MS = 180_000;

async function verdict(page: Page, surface: SurfaceId): Promise<{ kind: string | null; steps: string | null }> {
  const el = page.getByTestId(`race-verdict-${surface}`);
  return { kind: await el.getAttribute('data-kind'), steps: await el.getAttribute('data-steps') };
}

async function submitAndWait(page: Page): Promise<{ stars: string | null; score: number }> {
  await page.getByTestId('play-submit').click();
  await page.locator('[data-testid="play-status"][data-status="scored"]').waitFor({ timeout: SCORE_TIMEOUT_MS });
  return {
    stars: await page.getByTestId('play-stars').getAttribute('data-stars'),
    score: Number(await page.getByTestId('play-score').getAttribute('data-value')),
  };
}

describe('play challenges, end to end in Chromium', () => {
  const e2e = startAppAndBrowser();

  test('optimizer race: the page replays what the server replays, tuned settings win three stars', async () => {
    // Reduced motion: the paths are drawn whole at once, so the screenshot shows them complete.
    const ctx = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    await registerNickname(page, e2e.app.url, 'Racer');
    await page.goto(`${e2e.app.url}/challenges/optimizer-race`);

    // The default (plain GD, learning rate 0.01) on the bowl: the same count as game/'s replay.
    await page.getByTestId('race-run-bowl').click();
    const gd = race(SURFACES.bowl, { optimizer: 'gd', learningRate: 0.01, momentum: 0.9 }, RACE_SEED);
    assert.deepEqual(await verdict(page, 'bowl'), { kind: 'arrived', steps: String(gd.steps) });
    assert.equal(await page.getByTestId('race-stars-bowl').getAttribute('data-stars'), '1');

    for (const s of RACE_SURFACES) {
      await page.getByTestId(`race-optimizer-${s}`).selectOption(TUNED[s].optimizer);
      await page.getByTestId(`race-lr-${s}`).fill(String(TUNED[s].learningRate));
    }
    await page.getByTestId('race-stale-bowl').waitFor();
    await page.getByTestId('race-run-all').click();
    const expected = raceOutcomes({ kind: 'race', surfaces: TUNED } satisfies RaceEntry);
    for (const o of expected) {
      assert.deepEqual(await verdict(page, o.surface), { kind: 'arrived', steps: String(o.steps) }, o.surface);
      assert.equal(await page.getByTestId(`race-stars-${o.surface}`).getAttribute('data-stars'), '3', o.surface);
    }

    // All seven on the ravine with its tuned learning rate: each row is game/'s replay.
    await page.getByTestId('race-all-surface').selectOption('ravine');
    await page.getByTestId('race-all-run').click();
    const rows = page.getByTestId('race-all-row');
    assert.equal(await rows.count(), RACE_OPTIMIZERS.length);
    for (const optimizer of RACE_OPTIMIZERS) {
      const r = race(SURFACES.ravine, { ...TUNED.ravine, optimizer }, RACE_SEED);
      const row = page.locator(`[data-testid="race-all-row"][data-optimizer="${optimizer}"]`);
      const kind = r.steps !== null ? 'arrived' : r.diverged ? 'diverged' : 'timeout';
      assert.equal(await row.getAttribute('data-kind'), kind, optimizer);
    }

    const result = await submitAndWait(page);
    assert.equal(result.stars, '3');
    assert.equal(result.score, 1);
    await screenshot(page, 'challenge-optimizer-race');

    // The same optimizers on the circle data, trained in this page.
    await page.getByTestId('real-task-run').click();
    await page.locator('[data-testid="real-task"][data-phase="done"]').waitFor({ timeout: REAL_TASK_TIMEOUT_MS });
    const accuracies = await page.getByTestId('real-task-result').evaluateAll((els) => els.map((e) => [e.getAttribute('data-optimizer'), Number(e.getAttribute('data-accuracy'))] as const));
    assert.deepEqual(accuracies.map(([o]) => o), ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']);
    for (const [o, acc] of accuracies) assert.ok(acc >= 0 && acc <= 1, `${o}: ${acc}`);
    // Adam at the default learning rate (0.1) learns the circle in 20 epochs.
    assert.ok((accuracies.find(([o]) => o === 'adam')?.[1] ?? 0) > 0.9, JSON.stringify(accuracies));
    await screenshot(page, 'challenge-optimizer-race-real-task');
    await ctx.close();
  });

  test('step-through: every answer right, revealed on the diagram, three stars from the server', async () => {
    const ctx = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await registerNickname(page, e2e.app.url, 'Stepper');
    await page.goto(`${e2e.app.url}/challenges/backprop-steps`);
    const problem = page.locator('[data-testid="steps-problem"][data-seed]');
    await problem.waitFor();
    const first = Number(await problem.getAttribute('data-seed'));
    await page.getByTestId('steps-new').click();
    await page.waitForFunction((s) => document.querySelector('[data-testid="steps-problem"]')?.getAttribute('data-seed') !== String(s), first);
    const seed = Number(await problem.getAttribute('data-seed'));
    assert.ok(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31, `seed ${seed}`);

    const { questions } = stepProblem(seed);
    assert.equal(await page.getByTestId('play-submit').isDisabled(), true, 'nothing to submit before the last answer');
    for (const [i, q] of questions.entries()) {
      const form = page.locator(`[data-testid="steps-question"][data-index="${i}"]`);
      assert.equal(await form.getAttribute('data-key'), q.key);
      await page.getByTestId('steps-answer').fill(q.answer.toFixed(4));
      await page.getByTestId('steps-check').click();
      await page.locator('[data-testid="steps-feedback"][data-correct="true"]').waitFor();
      if (q.key === 'z1') assert.match(await page.getByTestId('diagram-z1').textContent() ?? '', new RegExp(fmt(q.answer)));
    }
    await page.getByTestId('steps-done').waitFor();
    assert.equal(await page.locator('[data-testid="steps-answer-row"][data-correct="true"]').count(), questions.length);
    assert.match(await page.getByTestId('diagram-neww2-0').textContent() ?? '', new RegExp(fmt(questions.at(-1)!.answer)));
    await screenshot(page, 'challenge-backprop-steps');

    const result = await submitAndWait(page);
    assert.equal(result.stars, '3');
    assert.equal(result.score, 1);
    await ctx.close();
  });
});
