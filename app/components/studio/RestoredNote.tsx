'use client';
import { useTranslations } from 'next-intl';

/** Says what came back from this browser's storage, with a way to start over from the defaults. */
export function RestoredNote({ spec, model, busy, onStartOver }: { spec: boolean; model: boolean; busy: boolean; onStartOver: () => void }) {
  const t = useTranslations('train');
  if (!spec && !model) return null;
  const what = spec && model ? 'both' : model ? 'model' : 'spec';
  const text = what === 'both' ? t('drafts.restoredBoth') : what === 'model' ? t('drafts.restoredModel') : t('drafts.restoredSpec');
  return (
    <div role="status" data-testid="draft-restored" data-what={what} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-950 ring-1 ring-sky-200">
      <p>{text}</p>
      <button type="button" data-testid="draft-start-over" disabled={busy} onClick={onStartOver} className="font-semibold text-indigo-800 underline disabled:opacity-50">
        {t('drafts.startOver')}
      </button>
    </div>
  );
}
