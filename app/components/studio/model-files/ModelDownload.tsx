'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ModelChallenge } from '../../../../game/challenges';
import { modelFileNames, weightsFingerprint } from '../../../../models/model-files';
import type { ModelSpec } from '../../../../models/spec';

type Packed =
  | { kind: 'idle' }
  | { kind: 'packing' }
  | { kind: 'ready'; names: { json: string; weights: string }; urls: { json: string; weights: string } }
  | { kind: 'error' };

/** Saves a blob URL under `name`, as a click on a download link does. */
function saveAs(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}

/**
 * Packs the trained model on the first click only (it needs tfjs in the page), then keeps the
 * files as blob URLs until the panel goes away.
 */
function usePacked(challenge: ModelChallenge, spec: ModelSpec, weights: ArrayBuffer) {
  const [packed, setPacked] = useState<Packed>({ kind: 'idle' });
  const urls = useRef<string[]>([]);
  useEffect(() => () => {
    for (const u of urls.current) URL.revokeObjectURL(u);
  }, []);
  const download = async () => {
    if (packed.kind === 'ready') {
      saveAs(packed.urls.json, packed.names.json);
      return saveAs(packed.urls.weights, packed.names.weights);
    }
    if (packed.kind === 'packing') return;
    setPacked({ kind: 'packing' });
    try {
      const lib = await import('./model-tools');
      const p = await lib.pack(spec, weights, { challengeId: challenge.id, inputShape: challenge.inputShape, numClasses: challenge.numClasses });
      const json = URL.createObjectURL(new Blob([p.json], { type: 'application/json' }));
      const bin = URL.createObjectURL(new Blob([p.weights], { type: 'application/octet-stream' }));
      urls.current.push(json, bin);
      setPacked({ kind: 'ready', names: p.names, urls: { json, weights: bin } });
      // Both files, one after the other, as tfjs's downloads:// does.
      saveAs(json, p.names.json);
      saveAs(bin, p.names.weights);
    } catch {
      setPacked({ kind: 'error' });
    }
  };
  return { packed, download };
}

/** The weights' fingerprint, which an upload of these files shows again. */
export function Fingerprint({ value, testId }: { value: string; testId: string }) {
  const t = useTranslations('modelFiles');
  return (
    <p className="text-xs text-slate-600">
      {t('fingerprint')} <code data-testid={testId} data-value={value} className="rounded bg-slate-100 px-1 text-slate-800">{value}</code>
    </p>
  );
}

/**
 * After training: the model as tfjs files (model.json with our spec, and the weights), what
 * `model.save('downloads://…')` would give, with a fingerprint of the weights (the weights file's
 * bytes are the submitted ones, so it is computed from them without tfjs).
 */
export function ModelDownload({ challenge, spec, weights }: { challenge: ModelChallenge; spec: ModelSpec; weights: ArrayBuffer }) {
  const t = useTranslations('modelFiles');
  const { packed, download } = usePacked(challenge, spec, weights);
  const names = modelFileNames(challenge.id);
  const fingerprint = useMemo(() => weightsFingerprint(weights), [weights]);
  return (
    <section aria-labelledby="model-download" data-testid="model-download" data-state={packed.kind} className="flex flex-col gap-2">
      <h3 id="model-download" className="text-lg font-semibold">{t('downloadTitle')}</h3>
      <p className="max-w-3xl text-sm text-slate-700">{t('downloadHelp', { json: names.json, weights: names.weights })}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" data-testid="download-model" disabled={packed.kind === 'packing'} onClick={() => void download()} className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-50">{t('downloadBoth')}</button>
        {packed.kind === 'packing' && <span className="text-sm text-slate-600">{t('packing')}</span>}
        {packed.kind === 'ready' && (
          <>
            <a href={packed.urls.json} download={packed.names.json} data-testid="download-json" className="break-all text-sm text-indigo-700 underline">{packed.names.json}</a>
            <a href={packed.urls.weights} download={packed.names.weights} data-testid="download-weights" className="break-all text-sm text-indigo-700 underline">{packed.names.weights}</a>
          </>
        )}
      </div>
      {packed.kind === 'error' && <p role="alert" className="text-sm text-red-700">{t('packFailed')}</p>}
      <Fingerprint value={fingerprint} testId="model-fingerprint" />
      <p className="text-xs text-slate-600">{t('fingerprintHelp')}</p>
    </section>
  );
}
