/**
 * Time for each path challenge's known-good spec to win in headless Chromium: the real app
 * (production build), the real studio and backend, the server's own score and stars. The spec comes
 * in through the reproduce link (`?run=`), from a seeded submission of the known-good spec with
 * zero weights. `npx tsx bench/known-good.ts [--dist .next] [--backend wasm] [--ids a,b] [--defaults]`.
 * `--defaults` times each challenge's default spec instead: the figures of game/round-time.ts.
 * Wall time is from the Train click to the trained result (the page's own "finished in" is printed
 * too); Sign Digits' known-good (35 epochs of a four-block CNN) is left out by default: ~5 min on two replicas.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { getModelChallenge, PATH_IDS, type ModelChallengeId } from '../game/challenges';
import { defaultSpec, knownGoodSpec } from '../models/presets';
import { inferShapes } from '../models/shapes';
import { launchBrowser, registerNickname, startApp } from '../tests/e2e/harness';

const { values } = parseArgs({ options: { dist: { type: 'string', default: '.next' }, backend: { type: 'string', default: 'wasm' }, ids: { type: 'string' }, defaults: { type: 'boolean', default: false } } });
const specOf = (id: ModelChallengeId) => (values.defaults ? defaultSpec(id) : knownGoodSpec(id));
const ids = (values.ids?.split(',') ?? PATH_IDS.filter((id) => id !== 'sign-digits')).filter((id) => getModelChallenge(id)) as ModelChallengeId[];

type Ack = { ok: true; data: { submissionId: string } } | { ok: false; error: { code: string } };

/** A scored submission of the known-good spec (zero weights): its run link carries the spec. */
async function seedRun(url: string, id: ModelChallengeId): Promise<string> {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  try {
    const reg = (await socket.timeout(20_000).emitWithAck('player:register', { nickname: `Seed ${id}`.slice(0, 20) })) as { ok: boolean };
    if (!reg.ok) throw new Error('register failed');
    const c = getModelChallenge(id)!;
    const spec = specOf(id);
    const shapes = inferShapes(spec, c.inputShape, c.numClasses);
    if (!shapes.ok) throw new Error(`${id}: spec does not fit`);
    const scored = new Promise<void>((ok) => socket.on('submission:result', () => ok()));
    const ack = (await socket.timeout(20_000).emitWithAck('submission:submit', { challengeId: id, spec, weights: new Uint8Array(shapes.totalParams * 4) })) as Ack;
    if (!ack.ok) throw new Error(`${id}: ${ack.error.code}`);
    await scored;
    return ack.data.submissionId;
  } finally {
    socket.disconnect();
  }
}

const app = await startApp({ distDir: values.dist });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await registerNickname(page, app.url, 'Bench');
  console.log(`${values.defaults ? 'defaults' : 'known-good'} in Chromium, backend ${values.backend}, load ${loadavg()[0]?.toFixed(2)}`);
  for (const id of ids) {
    const run = await seedRun(app.url, id);
    await page.goto(`${app.url}/challenges/${id}?run=${run}&backend=${values.backend}`);
    const train = page.getByTestId('train-button');
    await train.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !(document.querySelector('[data-testid="train-button"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 60_000 });
    const started = performance.now();
    await train.click();
    await page.getByTestId('submit-button').waitFor({ timeout: 40 * 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const backend = await page.getByTestId('backend-badge').getAttribute('data-backend');
    await page.getByTestId('submit-button').click();
    const status = page.getByTestId('submission-status');
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="submission-status"]')?.getAttribute('data-status');
      return s !== undefined && s !== null && s !== 'queued' && s !== 'sending';
    }, null, { timeout: 300_000 });
    if ((await status.getAttribute('data-status')) !== 'scored') {
      console.log(`BENCH ${JSON.stringify({ id, seconds: +seconds.toFixed(1), status: await status.getAttribute('data-status'), text: (await status.innerText()).slice(0, 200) })}`);
      continue;
    }
    const score = Number(await page.getByTestId('submission-score').getAttribute('data-value'));
    const stars = Number(await page.getByTestId('submission-stars').getAttribute('data-value'));
    const row = { id, backend, seconds: +seconds.toFixed(1), spec: values.defaults ? 'default' : 'known-good', epochs: specOf(id).training.epochs, score: +score.toFixed(4), stars, load: +(loadavg()[0] ?? 0).toFixed(2) };
    console.log(`BENCH ${JSON.stringify(row)}`);
  }
} finally {
  await browser.close();
  await app.stop();
}
