'use client';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { CHALLENGE_IDS, CHALLENGES, type ChallengeId } from '../../../../game/challenges';
import { SOLO_PATH } from '../../../../game/solo/path';
import { locksVerifiable, MAX_SUBMISSIONS_PER_ROUND, ROUND_MAX_MS, ROUND_MIN_MS, roundSettingsSchema, type LockedHyper, type RoundSettings } from '../../../../game/room/settings';
import { LOSSES, OPTIMIZERS, SPEC_LIMITS } from '../../../../models/spec';
import type { ApiError, Result } from '../../../../protocol';
import { RoomError } from '../../../components/room/errors';
import { RoundTimeWarning } from './RoundTimeWarning';

const input = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 disabled:bg-slate-100 disabled:text-slate-400';
/** What a lock starts at when the teacher ticks it (the tiny and default presets' values). */
const LOCK_DEFAULTS: Required<LockedHyper> = { loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 5 };
const LOCK_KEYS = ['loss', 'optimizer', 'learningRate', 'batchSize', 'epochs'] as const;
type LockKey = (typeof LOCK_KEYS)[number];

/**
 * Locks fix a model's training, so a race or step-through round has none; nor has an image
 * challenge, where the server does not train the submitted model and so could not check them.
 */
function withChallenge(s: RoundSettings, challengeId: ChallengeId): RoundSettings {
  return { ...s, challengeId, locked: locksVerifiable(challengeId) ? s.locked : {} };
}

/** Settings kept from an earlier round (or the defaults), as the form and a one-click start use them. */
export const carriedOver = (s: RoundSettings): RoundSettings => withChallenge(s, s.challengeId);

/** Why a challenge's round has no locks: not a trained model, or not one the server retrains. */
function NoLocks({ challengeId }: { challengeId: ChallengeId }) {
  const t = useTranslations('room');
  const model = CHALLENGES[challengeId].kind === 'model';
  return (
    <p data-testid="settings-no-locks" data-reason={model ? 'not-retrained' : 'not-model'} className="rounded-xl bg-slate-50 p-3 text-xs text-slate-600">
      {model ? t('settings.lockedNotRetrained') : t('settings.lockedNotModel')}
    </p>
  );
}

function Row({ label, htmlFor, help, children }: { label: string; htmlFor: string; help?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={htmlFor} className="font-medium">{label}</label>
      {children}
      {help && <span className="text-xs text-slate-500">{help}</span>}
    </div>
  );
}

/** One locked hyper-parameter: a tick box, then the value every student must use. */
function LockRow({ k, locked, onChange }: { k: LockKey; locked: LockedHyper; onChange: (l: LockedHyper) => void }) {
  const t = useTranslations('room');
  const tt = useTranslations('train');
  const id = useId();
  const on = locked[k] !== undefined;
  const set = (v: LockedHyper[LockKey] | undefined) => {
    const next = { ...locked } as Record<LockKey, unknown>;
    if (v === undefined) delete next[k];
    else next[k] = v;
    onChange(next as LockedHyper);
  };
  const num = (v: number) => set(Number.isFinite(v) ? v : undefined);
  let control: ReactNode;
  if (k === 'loss') {
    control = <select id={id} data-testid="lock-loss-value" disabled={!on} value={locked.loss ?? LOCK_DEFAULTS.loss} onChange={(e) => set(e.target.value as LockedHyper['loss'])} className={input}>{LOSSES.map((l) => <option key={l} value={l}>{tt(`loss.${l}`)}</option>)}</select>;
  } else if (k === 'optimizer') {
    control = <select id={id} data-testid="lock-optimizer-value" disabled={!on} value={locked.optimizer ?? LOCK_DEFAULTS.optimizer} onChange={(e) => set(e.target.value as LockedHyper['optimizer'])} className={input}>{OPTIMIZERS.map((o) => <option key={o} value={o}>{tt(`optimizer.${o}`)}</option>)}</select>;
  } else {
    const limits = { learningRate: [SPEC_LIMITS.minLearningRate, SPEC_LIMITS.maxLearningRate, 0.0001], batchSize: [1, SPEC_LIMITS.maxBatchSize, 1], epochs: [1, SPEC_LIMITS.maxEpochs, 1] }[k];
    control = <input id={id} data-testid={`lock-${k}-value`} type="number" disabled={!on} min={limits[0]} max={limits[1]} step={limits[2]} value={locked[k] ?? LOCK_DEFAULTS[k]} onChange={(e) => num(e.target.valueAsNumber)} className={input} />;
  }
  return (
    <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1 text-sm">
      <input type="checkbox" id={`${id}-on`} data-testid={`lock-${k}`} checked={on} onChange={(e) => set(e.target.checked ? LOCK_DEFAULTS[k] : undefined)} className="h-4 w-4 accent-indigo-700" />
      <label htmlFor={`${id}-on`} className="font-medium">{t('settings.lockField', { field: tt(`field.${k}`) })}</label>
      <span />
      <label htmlFor={id} className="sr-only">{tt(`field.${k}`)}</label>
      {control}
    </div>
  );
}

/**
 * The round's basics: challenge, length, submissions, leaderboard visibility. The length is the
 * form's own minutes value (as typed), which it turns into durationMs.
 */
function BasicFields({ id, value, minutes, onChange, onMinutes }: {
  /** The form's useId: the fields' ids are built from it. */
  id: string;
  value: RoundSettings;
  minutes: number;
  onChange: (s: RoundSettings) => void;
  onMinutes: (m: number) => void;
}) {
  const t = useTranslations('room');
  // Path challenges carry their number on the path; the boss levels after it go by name.
  const optionLabel = (c: ChallengeId) => {
    const n = (SOLO_PATH as readonly string[]).indexOf(c) + 1;
    return n > 0 ? t('settings.challengeOption', { number: n, name: t(`challengeName.${c}`) }) : t(`challengeName.${c}`);
  };
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Row label={t('settings.challenge')} htmlFor={`${id}-ch`}>
        <select id={`${id}-ch`} data-testid="settings-challenge" value={value.challengeId} onChange={(e) => onChange(withChallenge(value, e.target.value as ChallengeId))} className={input}>
          {CHALLENGE_IDS.map((c) => <option key={c} value={c}>{optionLabel(c)}</option>)}
        </select>
      </Row>
      <Row label={t('settings.minutes')} htmlFor={`${id}-min`} help={t('settings.minutesHelp', { min: ROUND_MIN_MS / 60_000, max: ROUND_MAX_MS / 60_000 })}>
        <input id={`${id}-min`} data-testid="settings-minutes" type="number" min={ROUND_MIN_MS / 60_000} max={ROUND_MAX_MS / 60_000} step={0.5} value={Number.isFinite(minutes) ? minutes : ''} onChange={(e) => onMinutes(e.target.valueAsNumber)} className={input} />
      </Row>
      <Row label={t('settings.maxSubmissions')} htmlFor={`${id}-max`} help={t('settings.maxSubmissionsHelp')}>
        <input id={`${id}-max`} data-testid="settings-max-submissions" type="number" min={1} max={MAX_SUBMISSIONS_PER_ROUND} value={Number.isFinite(value.maxSubmissions) ? value.maxSubmissions : ''} onChange={(e) => onChange({ ...value, maxSubmissions: e.target.valueAsNumber })} className={input} />
      </Row>
      <div className="flex items-start gap-2 pt-6 text-sm">
        <input id={`${id}-lb`} data-testid="settings-leaderboard" type="checkbox" checked={value.leaderboardVisible} onChange={(e) => onChange({ ...value, leaderboardVisible: e.target.checked })} className="mt-0.5 h-4 w-4 accent-indigo-700" />
        <label htmlFor={`${id}-lb`} className="flex flex-col">
          <span className="font-medium">{t('settings.leaderboardVisible')}</span>
          <span className="text-xs text-slate-500">{t('settings.leaderboardVisibleHelp')}</span>
        </label>
      </div>
    </div>
  );
}

/** The hyper-parameters the teacher may fix for every student, one tick box each. */
function LockFields({ locked, onChange }: { locked: LockedHyper; onChange: (l: LockedHyper) => void }) {
  const t = useTranslations('room');
  return (
    <fieldset data-testid="settings-locks" className="flex flex-col gap-2 rounded-xl bg-slate-50 p-3">
      <legend className="px-1 text-sm font-semibold">{t('settings.lockedTitle')}</legend>
      <p className="text-xs text-slate-600">{t('settings.lockedHelp')}</p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {LOCK_KEYS.map((k) => <LockRow key={k} k={k} locked={locked} onChange={onChange} />)}
      </div>
    </fieldset>
  );
}

interface RoundSettingsFormProps {
  initial: RoundSettings;
  roundNumber: number;
  onStart: (s: RoundSettings) => Promise<Result<{ round: number; endsAt: number }>>;
  onBack?: (current: RoundSettings | null) => void;
}

/**
 * Challenge, length, submissions, leaderboard visibility and locked hyper-parameters → room:start.
 * `onBack` leaves the step with what the form holds (null when a value is out of range).
 */
export function RoundSettingsForm({ initial, roundNumber, onStart, onBack }: RoundSettingsFormProps) {
  const t = useTranslations('room');
  const id = useId();
  // A round kept from before locks needed a retrained challenge may carry locks the form would hide.
  const [s, setS] = useState<RoundSettings>(() => carriedOver(initial));
  const [minutes, setMinutes] = useState(initial.durationMs / 60_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const settings: RoundSettings = { ...s, durationMs: Math.round(minutes * 60_000) };
  const parsed = roundSettingsSchema.safeParse(settings);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!parsed.success) return;
    setBusy(true);
    setError(null);
    const res = await onStart(parsed.data);
    setBusy(false);
    if (!res.ok) setError(res.error);
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="round-settings" data-round={roundNumber} className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="text-lg font-semibold">{t('settings.title', { round: roundNumber })}</h2>
      <BasicFields id={id} value={s} minutes={minutes} onChange={setS} onMinutes={setMinutes} />
      {locksVerifiable(s.challengeId) ? (
        <LockFields locked={s.locked} onChange={(locked) => setS({ ...s, locked })} />
      ) : (
        <NoLocks challengeId={s.challengeId} />
      )}
      <RoundTimeWarning challengeId={s.challengeId} durationMs={settings.durationMs} />
      {!parsed.success && <p role="alert" data-testid="settings-invalid" className="text-sm text-red-700">{t('settings.invalid')}</p>}
      {error && <RoomError error={error} />}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" data-testid="start-round" disabled={busy || !parsed.success} className="rounded-xl bg-emerald-700 px-6 py-3 text-lg font-bold text-white shadow hover:bg-emerald-800 disabled:opacity-50">
          {busy ? t('settings.starting') : t('settings.start')}
        </button>
        {onBack && (
          <button type="button" data-testid="settings-back" onClick={() => onBack(parsed.success ? parsed.data : null)} className="rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">
            {t('lobby.backToLobby')}
          </button>
        )}
      </div>
    </form>
  );
}
