import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ModelChallenge } from '../../../game/challenges';
import manifest from '../../../data/sign-digits/manifest.json';

/** The Sign Digits card: what it is, the goal, the budget, and the ways in. */
export async function ChallengeCard({ challenge }: { challenge: ModelChallenge }) {
  const t = await getTranslations('home');
  const format = await getFormatter();
  const { splits } = manifest;
  const total = splits.train.count + splits.val.count + splits.test.count;
  const [h, w] = challenge.inputShape;
  const facts = [
    ['data', t('dataValue', { count: format.number(total), height: h, width: w })],
    ['split', t('splitValue', { train: format.number(splits.train.count), val: format.number(splits.val.count), test: format.number(splits.test.count) })],
    ['goal', t('goalValue', { percent: format.number(challenge.goalAccuracy * 100) })],
    ['budget', t('budgetValue', { params: format.number(challenge.budget.maxParams), layers: challenge.budget.maxLayers })],
  ] as const;
  return (
    <article
      data-testid={`challenge-card-${challenge.id}`}
      aria-labelledby={`challenge-${challenge.id}-title`}
      className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 id={`challenge-${challenge.id}-title`} className="text-xl font-semibold">
          {t('signDigitsTitle')}
        </h3>
        <span className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-indigo-200">
          {t('signDigitsTag')}
        </span>
      </div>
      <p className="text-slate-700">{t('signDigitsBody')}</p>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-medium text-slate-600">{t(key)}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-3">
        <Link
          data-testid={`open-challenge-${challenge.id}`}
          href={`/challenges/${challenge.id}`}
          className="rounded-lg bg-indigo-700 px-4 py-2 font-medium text-white shadow-sm hover:bg-indigo-800"
        >
          {t('openChallenge')}
        </Link>
        <Link
          data-testid={`open-leaderboard-${challenge.id}`}
          href={`/leaderboard/${challenge.id}`}
          className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
        >
          {t('openLeaderboard')}
        </Link>
      </div>
    </article>
  );
}
