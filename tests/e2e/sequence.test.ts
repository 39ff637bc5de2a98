/**
 * The sequence challenges in Debian's Chromium (issue 17): on "memory" and "attention" the
 * known-good spec (through its reproduce link) trains in the studio on WASM, is submitted and earns
 * its three stars from the server; after training, the hidden state over the steps draws as a
 * heatmap (an LSTM's gates too) and the attention map draws per head, with the order check; and a
 * teacher's room round runs on each challenge. NEXT_DIST_DIR names the build (own dist dir).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { modelChallenge } from '../../game/challenges';
import { knownGoodSpec } from '../../models/presets';
import { inferShapes } from '../../models/shapes';
import type { ModelSpec } from '../../models/spec';
import { launchBrowser, registerNickname, screenshot, sectionShot, startApp, startRoomRound, submitForStars, TRAIN_TIMEOUT_MS, type App } from './harness';

type SeqId = 'memory' | 'attention';
type Ack = { ok: true; data: { submissionId: string } } | { ok: false; error: { code: string } };

/** A scored submission of `spec` with zero weights: its reproduce link carries the spec. */
async function seedRun(url: string, id: SeqId, spec: ModelSpec): Promise<string> {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  try {
    const reg = (await socket.timeout(20_000).emitWithAck('player:register', { nickname: `Seed ${id}` })) as { ok: boolean };
    assert.ok(reg.ok, 'seed player registered');
    const c = modelChallenge(id);
    const shapes = inferShapes(spec, c.inputShape, c.numClasses);
    assert.ok(shapes.ok, `${id}: spec fits`);
    const scored = new Promise<void>((ok) => socket.on('submission:result', () => ok()));
    const ack = (await socket.timeout(20_000).emitWithAck('submission:submit', { challengeId: id, spec, weights: new Uint8Array(shapes.totalParams * 4) })) as Ack;
    assert.ok(ack.ok, JSON.stringify(ack));
    await scored;
    return ack.data.submissionId;
  } finally {
    socket.disconnect();
  }
}

/** Opens the studio on a run, trains it to the end; the submit button is then there. */
async function trainRun(page: Page, url: string, id: SeqId, run: string): Promise<void> {
  await page.goto(`${url}/challenges/${id}?run=${run}&backend=wasm`);
  await page.getByTestId('sequence-samples').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="train-button"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 60_000 });
  await page.getByTestId('train-button').click();
  await page.getByTestId('submit-button').waitFor({ timeout: TRAIN_TIMEOUT_MS });
}

/** Coloured (non-white) pixels of a canvas: a heatmap that drew has many. */
async function inked(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 250 || (data[i + 1] ?? 255) < 250 || (data[i + 2] ?? 255) < 250) n++;
    return n;
  });
}

describe('sequence challenges in Chromium', () => {
  let app: App;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    page = await ctx.newPage();
    await registerNickname(page, app.url, 'Seq');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('memory: the known-good GRU trains, earns three stars; its hidden state and gates draw as heatmaps', async () => {
    await trainRun(page, app.url, 'memory', await seedRun(app.url, 'memory', knownGoodSpec('memory')));
    await page.getByTestId('sequence-views').waitFor();
    await page.getByTestId('state-heatmap').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('state-heatmap').getAttribute('data-columns'), '20', 'one column per step');
    assert.equal(await page.getByTestId('state-heatmap').getAttribute('data-rows'), '32', 'one row per unit');
    assert.ok((await inked(page, '[data-testid="state-heatmap"] canvas')) > 100, 'the hidden state drew');
    const gates = await page.getByTestId('gate-heatmap').evaluateAll((els) => els.map((e) => e.getAttribute('data-gate')));
    assert.deepEqual(gates, ['update', 'reset', 'candidate']);
    // Another validation sequence redraws the trace.
    await page.getByTestId('sequence-pick').selectOption('3');
    await page.getByTestId('sequence-answer').waitFor();
    await screenshot(page, 'sequence-memory-heatmap');
    await sectionShot(page, 'sequence-views', 'sequence-memory-views');
    const { score, stars } = await submitForStars(page);
    assert.equal(stars, 3, `server score ${score}`);
  });

  test('memory: an LSTM shows its cell state and its four gates', async () => {
    const lstm: ModelSpec = { ...knownGoodSpec('memory'), layers: [{ type: 'lstm', units: 8, returnSequences: false }, { type: 'dense', units: 10, activation: 'softmax' }], training: { ...knownGoodSpec('memory').training, epochs: 1 } };
    await trainRun(page, app.url, 'memory', await seedRun(app.url, 'memory', lstm));
    await page.getByTestId('cell-heatmap').waitFor({ timeout: 30_000 });
    const gates = await page.getByTestId('gate-heatmap').evaluateAll((els) => els.map((e) => e.getAttribute('data-gate')));
    assert.deepEqual(gates, ['input', 'forget', 'output', 'candidate']);
    assert.ok((await inked(page, '[data-testid="gate-forget"] canvas')) > 20, 'the forget gate drew');
  });

  test('attention: the known-good layer earns three stars; each head draws its map; moving the digits changes the answer', async () => {
    await trainRun(page, app.url, 'attention', await seedRun(app.url, 'attention', knownGoodSpec('attention')));
    await page.getByTestId('attention-map').nth(1).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('attention-map').count(), 2, 'one map per head');
    assert.equal(await page.getByTestId('attention-head-1').getAttribute('data-rows'), '9');
    assert.ok((await inked(page, '[data-testid="attention-head-1"] canvas')) > 20, 'the attention map drew');
    assert.equal(await page.getByTestId('order-check').getAttribute('data-positional'), 'on');
    await page.getByTestId('rotate-digits').click();
    await page.getByTestId('rotated').waitFor();
    await screenshot(page, 'sequence-attention-map');
    await sectionShot(page, 'sequence-views', 'sequence-attention-views');
    const { score, stars } = await submitForStars(page);
    assert.equal(stars, 3, `server score ${score}`);
  });

  test('attention with positional encoding off: the order check shows the answer cannot follow the digits', async () => {
    const base = knownGoodSpec('attention');
    const off: ModelSpec = { ...base, layers: base.layers.map((l) => (l.type === 'selfAttention' ? { ...l, positional: false } : l)), training: { ...base.training, epochs: 2 } };
    await trainRun(page, app.url, 'attention', await seedRun(app.url, 'attention', off));
    await page.getByTestId('order-check').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('order-check').getAttribute('data-positional'), 'off');
    await page.getByTestId('rotate-digits').click();
    // Without positions the layer sees the same set of tokens: the same answer, whatever the order.
    assert.equal(await page.getByTestId('rotated').getAttribute('data-same'), 'yes');
  });

  // One sequence challenge in a room is enough in the browser: the round's path is the same for
  // both, and each one's room round is scored through the real server in
  // tests/integration/server/sequence-stars.test.ts.
  for (const id of ['memory'] as const) {
    test(`a room round on ${id}: the student trains and submits, the standings show the score`, async () => {
      const hostCtx = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
      const studentCtx = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
      try {
        const host = await hostCtx.newPage();
        const student = await studentCtx.newPage();
        await startRoomRound(host, student, app.url, id, 'Ada');
        await student.getByTestId('sequence-samples').waitFor({ timeout: 30_000 });
        await student.getByTestId('train-button').click();
        await student.getByTestId('submit-button').waitFor({ timeout: TRAIN_TIMEOUT_MS });
        const { score } = await submitForStars(student);
        assert.ok(score >= 0 && score <= 1, `server score ${score}`);
        await host.getByTestId('standings-row').first().waitFor({ timeout: 20_000 });
        assert.match(await host.getByTestId('standings-row').first().innerText(), /Ada/);
      } finally {
        await hostCtx.close();
        await studentCtx.close();
      }
    });
  }
});
