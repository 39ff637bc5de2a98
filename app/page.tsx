import { getTranslations } from 'next-intl/server';
import { CHALLENGES } from '../game/challenges';
import { ChallengeCard } from './components/shell/ChallengeCard';
import { NicknameForm } from './components/shell/NicknameForm';
import { Welcome } from './components/shell/Welcome';

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

export default async function HomePage() {
  const t = await getTranslations('home');
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="home-title" className="flex flex-col gap-4">
        <h1 id="home-title" className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          {t('title')}
        </h1>
        <p className="max-w-3xl text-lg leading-relaxed text-slate-700">{t('pitch')}</p>
        <ol className="grid max-w-4xl grid-cols-1 gap-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((s, i) => (
            <li key={s} className="flex items-start gap-2 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
              <span aria-hidden="true" className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-indigo-700 text-xs font-bold text-white">
                {i + 1}
              </span>
              <span className="text-slate-800">{t(s)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-label={t('playerSection')} className="max-w-4xl">
        <NicknameForm />
        <Welcome />
      </section>
      <section aria-labelledby="challenges" className="flex max-w-4xl flex-col gap-3">
        <h2 id="challenges" className="text-2xl font-semibold">
          {t('challenges')}
        </h2>
        {Object.values(CHALLENGES).map((c) => (
          <ChallengeCard key={c.id} challenge={c} />
        ))}
      </section>
      <footer className="border-t border-slate-200 pt-4 text-xs text-slate-600">
        {t.rich('credits', {
          paper: (chunks) => (
            <a href="https://arxiv.org/abs/2011.08927" className="underline hover:text-indigo-800" rel="noopener noreferrer">
              {chunks}
            </a>
          ),
        })}
      </footer>
    </div>
  );
}
