'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ModelChallenge } from '../../../../game/challenges';
import type { Examples } from '../../../../models/challenge-data';
import { unpackModelFiles, type ModelFilesError, type UnpackedModel } from '../../../../models/model-files';
import { inferShapes } from '../../../../models/shapes';
import { SubmitPanel, type RoomSubmit } from '../../../challenges/[id]/SubmitPanel';
import { HandPanel, isHandChallenge } from '../hand/HandPanel';
import { Fingerprint } from './ModelDownload';

/** Why uploaded files cannot be used: the unpacking's reasons, the fit on this challenge, or a read error. */
type UploadError = ModelFilesError | { code: 'wrongChallenge'; fileChallenge: string } | { code: 'shapes' } | { code: 'unreadable' };

type Upload = { kind: 'none' } | { kind: 'reading' } | { kind: 'error'; error: UploadError } | { kind: 'loaded'; model: UnpackedModel; n: number };

const targetOf = (c: ModelChallenge) => ({ challengeId: c.id, inputShape: c.inputShape, numClasses: c.numClasses });

/** Reads the chosen files, unpacks them and checks that they fit this challenge. */
async function readUpload(files: File[], challenge: ModelChallenge): Promise<{ ok: true; model: UnpackedModel } | { ok: false; error: UploadError }> {
  const chosen = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  const unpacked = unpackModelFiles(chosen);
  if (!unpacked.ok) return unpacked;
  const lib = await import('./model-tools');
  const fit = await lib.check(unpacked.model, targetOf(challenge));
  if (!fit.ok) return { ok: false, error: fit.code === 'wrongChallenge' ? fit : { code: 'shapes' } };
  return { ok: true, model: unpacked.model };
}

function ErrorText({ error }: { error: UploadError }) {
  const t = useTranslations('modelFiles');
  const reason = error.code; // picks the sentence; the code itself is never shown
  const text =
    error.code === 'missingWeights' ? t('errors.missingWeights', { file: error.file })
    : error.code === 'weightsSize' ? t('errors.weightsSize', { got: error.got.toLocaleString('en-US'), expected: error.expected.toLocaleString('en-US') })
    : error.code === 'wrongChallenge' ? t('errors.wrongChallenge', { challenge: error.fileChallenge })
    : t(`errors.${reason}`);
  return <p role="alert" data-testid="upload-error" data-code={error.code} className="text-sm text-red-700">{text}</p>;
}

/** The uploaded model run on this challenge's validation examples, in this page. */
function ValAccuracy({ model, challenge, val }: { model: UnpackedModel; challenge: ModelChallenge; val: Examples }) {
  const t = useTranslations('modelFiles');
  const [result, setResult] = useState<{ correct: number; total: number } | 'running' | 'failed'>('running');
  useEffect(() => {
    let alive = true;
    setResult('running');
    import('./model-tools')
      .then((lib) => lib.evaluate(model.spec, model.weights, targetOf(challenge), val))
      .then((r) => alive && setResult(r), () => alive && setResult('failed'));
    return () => {
      alive = false;
    };
  }, [model, challenge, val]);
  if (result === 'running') return <p className="text-sm text-slate-600">{t('evaluating')}</p>;
  if (result === 'failed') return <p role="alert" className="text-sm text-red-700">{t('evalFailed')}</p>;
  const acc = result.total > 0 ? result.correct / result.total : 0;
  return (
    <p className="text-sm">
      {t('valAccuracy')} <strong data-testid="upload-val-accuracy" data-value={acc} className="tabular-nums">{(acc * 100).toFixed(1)}%</strong> ({result.correct}/{result.total})
    </p>
  );
}

/** Layers, shapes and parameters of the uploaded spec, and the spec itself. */
function Summary({ model, challenge }: { model: UnpackedModel; challenge: ModelChallenge }) {
  const t = useTranslations('modelFiles');
  const shapes = inferShapes(model.spec, challenge.inputShape, challenge.numClasses);
  return (
    <div className="flex flex-col gap-1 text-sm">
      {shapes.ok && (
        <>
          <p data-testid="upload-summary" data-params={shapes.totalParams}>{t('summary', { layers: model.spec.layers.length, params: shapes.totalParams.toLocaleString('en-US') })}</p>
          <ol className="list-inside text-xs text-slate-700">
            {shapes.layers.map((l, i) => (
              <li key={i}>{t('layerRow', { n: i + 1, type: model.spec.layers[i]?.type ?? '?', shape: l.outputShape.join(' × '), params: l.params.toLocaleString('en-US') })}</li>
            ))}
          </ol>
        </>
      )}
      <Fingerprint value={model.fingerprint} testId="upload-fingerprint" />
      <details>
        <summary className="cursor-pointer text-xs text-indigo-700">{t('specTitle')}</summary>
        <pre data-testid="upload-spec" className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(model.spec, null, 2)}</pre>
      </details>
    </div>
  );
}

/**
 * Model files back into the studio (model.json + weights, as ModelDownload writes them): a look at
 * the model, its validation accuracy here, the webcam on hand photos, and Submit. The server
 * rebuilds it from spec + weights and scores it on the hidden test split like any submission;
 * nothing computed here is sent.
 */
export function ModelUpload({ challenge, val, room, boss = false }: { challenge: ModelChallenge; val: Examples | null; room?: RoomSubmit; boss?: boolean }) {
  const t = useTranslations('modelFiles');
  const [upload, setUpload] = useState<Upload>({ kind: 'none' });
  const onFiles = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length === 0) return;
    setUpload({ kind: 'reading' });
    readUpload(files, challenge).then(
      (r) => setUpload((u) => (r.ok ? { kind: 'loaded', model: r.model, n: (u.kind === 'loaded' ? u.n : 0) + 1 } : { kind: 'error', error: r.error })),
      () => setUpload({ kind: 'error', error: { code: 'unreadable' } }),
    );
  };
  return (
    <section aria-labelledby="model-upload" data-testid="model-upload" data-state={upload.kind} className="flex flex-col gap-2">
      <h2 id="model-upload" className="text-lg font-semibold">{t('uploadTitle')}</h2>
      <p className="max-w-3xl text-sm text-slate-700">{t('uploadHelp')}</p>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('chooseFiles')}
        <input type="file" multiple accept=".json,.bin,application/json,application/octet-stream" data-testid="upload-files" onChange={(e) => onFiles(e.target.files)} className="text-sm font-normal" />
      </label>
      {upload.kind === 'reading' && <p className="text-sm text-slate-600">{t('reading')}</p>}
      {upload.kind === 'error' && <ErrorText error={upload.error} />}
      {upload.kind === 'loaded' && (
        <div key={upload.n} className="flex flex-col gap-3 rounded-lg p-3 ring-1 ring-slate-200">
          <h3 className="font-semibold">{t('loadedTitle')}</h3>
          <Summary model={upload.model} challenge={challenge} />
          {val && <ValAccuracy model={upload.model} challenge={challenge} val={val} />}
          {isHandChallenge(challenge) && <HandPanel challenge={challenge} spec={upload.model.spec} weights={upload.model.weights} />}
          <h3 className="font-semibold">{t('submitTitle')}</h3>
          <SubmitPanel challengeId={challenge.id} boss={boss} spec={upload.model.spec} weights={upload.model.weights} room={room} />
        </div>
      )}
    </section>
  );
}
