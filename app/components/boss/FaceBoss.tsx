'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { getModelChallenge, type ChallengeId } from '../../../game/challenges';
import { nearChance } from '../../../game/boss/face';
import { previousOf } from '../../../game/solo/path';
import type { BossMine } from '../../../protocol';
import { percentText } from '../room/format';
import { faceCandidates, publicCorrect, wholePercent } from './boss-view';

/** Solo: the level is locked on the path, so the one-time reveal is not offered (the server refuses it too). */
function Locked({ challengeId }: { challengeId: ChallengeId }) {
  const t = useTranslations('boss');
  const tc = useTranslations('common');
  const previous = previousOf(challengeId);
  return (
    <p role="note" data-testid="boss-face-locked" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-300">
      {t('face.locked', { previous: previous ? tc(`challengeName.${previous}` as 'challengeName.sign-01') : '' })}
    </p>
  );
}

/**
 * The one-time "face the boss": the first press asks, quoting the public score of what will meet the
 * private part (the picks, or the best public submission) and warning when it is near chance.
 */
export function FaceBoss({ challengeId, mine, onFace, busy }: { challengeId: ChallengeId; mine: BossMine; onFace: () => Promise<void>; busy: boolean }) {
  const t = useTranslations('boss');
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (mine.locked) return <Locked challengeId={challengeId} />;
  if (mine.submissions.length === 0) return <p className="text-sm text-slate-600">{t('face.needSubmission')}</p>;
  if (!asking) {
    return (
      <button type="button" data-testid="boss-face" onClick={() => setAsking(true)} className="rounded-xl bg-rose-700 px-5 py-2.5 font-bold text-white shadow hover:bg-rose-800">
        {t('face.button')}
      </button>
    );
  }
  const { candidates, best } = faceCandidates(mine);
  const classes = getModelChallenge(challengeId)?.numClasses ?? 10;
  const chance = best !== null && nearChance(best.public, classes, best.publicTotal);
  return (
    <div role="group" aria-labelledby="boss-face-question" data-testid="boss-face-ask" className="flex w-full flex-col gap-2 rounded-xl bg-white p-3 ring-1 ring-rose-200" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <p id="boss-face-question" className="text-sm font-medium text-slate-900">{t('face.question')}</p>
      <ul className="flex flex-col gap-0.5 text-sm text-slate-800">
        {candidates.map((c) => (
          <li key={c.number} data-testid="boss-face-score" data-public={c.public} className="tabular-nums">
            {t('face.score', { number: c.number, value: percentText(c.public), correct: publicCorrect(c), total: c.publicTotal })}
          </li>
        ))}
      </ul>
      {chance && best && (
        <p role="alert" data-testid="boss-face-chance" className="rounded-lg bg-amber-50 p-2 text-sm font-medium text-amber-950 ring-1 ring-amber-300">
          {t('face.nearChance', { value: wholePercent(best.public), chance: wholePercent(1 / classes), classes })}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          data-testid="boss-face-confirm"
          disabled={busy}
          onClick={async () => {
            await onFace();
            setAsking(false);
          }}
          className="rounded-md bg-red-700 px-3 py-1 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          {t('face.confirm')}
        </button>
        <button type="button" data-testid="boss-face-cancel" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
