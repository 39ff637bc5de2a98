/**
 * Model files round trip in Chromium: train the tiny Sign Digits model and submit it; download it
 * (model.json + weights, two download events); reload; upload the two files; the studio shows the
 * same weights fingerprint, the layers and a validation accuracy; submitting the uploaded model
 * gets the same server score, and the server stored the very same spec and weight bytes for both.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Download } from 'playwright-core';
import { weightsFingerprint } from '../../models/model-files';
import { blockingViolations } from './axe-scope';
import { ARTIFACTS, registerNickname, screenshot, startAppAndBrowser, trainAndSubmit } from './harness';

const VIEWPORT = { width: 1366, height: 900 };
const OUT = join(ARTIFACTS, 'model-files');

describe('download a trained model and upload it again', () => {
  const e2e = startAppAndBrowser();

  test('same weights, same spec, same server score', async () => {
    const ctx = await e2e.browser.newContext({ viewport: VIEWPORT, locale: 'en-US', acceptDownloads: true });
    const page = await ctx.newPage();
    await registerNickname(page, e2e.app.url, 'Filer');
    await page.goto(`${e2e.app.url}/challenges/sign-digits?preset=tiny&backend=cpu`);
    const first = await trainAndSubmit(page);
    const trainedAcc = Number(await page.getByTestId('val-accuracy').getAttribute('data-value'));
    const fingerprint = await page.getByTestId('model-fingerprint').getAttribute('data-value');
    assert.match(fingerprint ?? '', /^[0-9a-f]{8}-\d+$/);
    assert.deepEqual(await blockingViolations(page.getByTestId('model-download')), [], 'axe: the download panel');

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('download-model').click();
    const deadline = Date.now() + 30_000;
    while (downloads.length < 2 && Date.now() < deadline) await page.waitForTimeout(100);
    assert.deepEqual(downloads.map((d) => d.suggestedFilename()).sort(), ['gradient-arena-sign-digits.json', 'gradient-arena-sign-digits.weights.bin']);
    mkdirSync(OUT, { recursive: true });
    const paths = await Promise.all(downloads.map(async (d) => {
      const path = join(OUT, d.suggestedFilename());
      await d.saveAs(path);
      return path;
    }));
    const jsonPath = paths.find((p) => p.endsWith('.json')) as string;
    const binPath = paths.find((p) => p.endsWith('.bin')) as string;
    const modelJson = JSON.parse(readFileSync(jsonPath, 'utf8'));
    assert.equal(modelJson.format, 'layers-model');
    assert.deepEqual(modelJson.weightsManifest[0].paths, ['./gradient-arena-sign-digits.weights.bin']);
    assert.equal(weightsFingerprint(readFileSync(binPath)), fingerprint, 'the weights file holds the trained weights');

    await page.reload();
    const upload = page.getByTestId('model-upload');
    await upload.getByTestId('upload-files').setInputFiles([jsonPath]);
    await upload.locator('[data-testid="upload-error"][data-code="missingWeights"]').waitFor();
    assert.match(await upload.getByTestId('upload-error').innerText(), /gradient-arena-sign-digits\.weights\.bin is missing/);

    await upload.getByTestId('upload-files').setInputFiles([binPath, jsonPath]);
    await page.locator('[data-testid="model-upload"][data-state="loaded"]').waitFor({ timeout: 30_000 });
    assert.equal(await upload.getByTestId('upload-fingerprint').getAttribute('data-value'), fingerprint, 'the upload carries the same weights');
    assert.deepEqual(JSON.parse(await upload.getByTestId('upload-spec').textContent() ?? '{}'), modelJson.userDefinedMetadata.gradientArena.spec);
    const uploadedAcc = Number(await upload.getByTestId('upload-val-accuracy').getAttribute('data-value', { timeout: 60_000 }));
    // The page runs it on another backend than the training worker: float rounding may move one photo.
    assert.ok(Math.abs(uploadedAcc - trainedAcc) <= 1 / 209 + 1e-9, `validation accuracy ${uploadedAcc} vs ${trainedAcc} after training`);
    assert.equal(await upload.getByTestId('hand-open').count(), 1, 'an uploaded Sign Digits model can meet the webcam too');

    await upload.getByTestId('submit-button').click();
    await upload.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 60_000 });
    const second = Number(await upload.getByTestId('submission-score').getAttribute('data-value'));
    await screenshot(page, 'studio-model-upload');
    await upload.screenshot({ path: join(ARTIFACTS, 'studio-model-upload-panel.png') }); // the README's picture
    assert.deepEqual(await blockingViolations(upload), [], 'axe: the upload panel with a model loaded and scored');
    assert.equal(second, first, 'the server scores the uploaded model as it scored the original');

    const db = new Database(e2e.app.dbFile, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT spec_json, weights, score FROM submissions WHERE challenge_id = 'sign-digits' ORDER BY created_at").all() as { spec_json: string; weights: Buffer; score: number }[];
      assert.equal(rows.length, 2);
      const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
      assert.ok(a.weights.equals(b.weights), 'the server stored the same weight bytes for both');
      assert.ok(a.weights.equals(readFileSync(binPath)), 'and they are the downloaded file');
      assert.deepEqual(JSON.parse(b.spec_json), JSON.parse(a.spec_json));
      assert.equal(a.score, b.score);
    } finally {
      db.close();
    }
  });
});
