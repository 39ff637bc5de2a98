import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CHALLENGES } from '../game/challenges';
import { NicknameForm } from './components/shell/NicknameForm';

export default async function HomePage() {
  const t = await getTranslations('home');
  const c = CHALLENGES['sign-digits'];
  return (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t('pitch')}</p>
        <ol className="flex flex-wrap gap-2 text-sm text-slate-700">
          {(['step1', 'step2', 'step3', 'step4'] as const).map((s, i) => (
            <li key={s} className="rounded-full bg-white px-3 py-1 shadow-sm ring-1 ring-slate-200">
              {i + 1}. {t(s)}
            </li>
          ))}
        </ol>
      </section>
      <NicknameForm />
      <section aria-labelledby="challenges" className="flex flex-col gap-3">
        <h2 id="challenges" className="text-xl font-semibold">
          {t('challenges')}
        </h2>
        <article data-testid="challenge-card-sign-digits" className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 md:max-w-2xl">
          <h3 className="text-lg font-semibold">{t('signDigitsTitle')}</h3>
          <p className="text-slate-700">{t('signDigitsBody')}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
            <dt className="text-slate-500">{t('goal')}</dt>
            <dd className="font-medium">{t('goalValue', { percent: Math.round(c.goalAccuracy * 100) })}</dd>
            <dt className="text-slate-500">{t('budget')}</dt>
            <dd className="font-medium">{t('budgetValue', { params: c.budget.maxParams.toLocaleString('en-US') })}</dd>
          </dl>
          <div className="flex flex-wrap gap-2">
            <Link data-testid="open-challenge-sign-digits" href="/challenges/sign-digits" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
              {t('openChallenge')}
            </Link>
            <Link data-testid="open-leaderboard-sign-digits" href="/leaderboard/sign-digits" className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
              {t('openLeaderboard')}
            </Link>
          </div>
        </article>
      </section>
      <footer className="text-xs text-slate-500">{t('credits')}</footer>
    </div>
  );
}
