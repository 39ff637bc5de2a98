import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { JoinCodeForm } from './components/room/JoinCodeForm';
import { PathCallout } from './components/solo/PathCallout';
import { NicknameForm } from './components/shell/NicknameForm';
import { Welcome } from './components/shell/Welcome';

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

export default async function HomePage() {
  const t = await getTranslations('home');
  return (
    <div className="flex flex-col gap-8 sm:gap-10">
      <section aria-labelledby="home-title" className="flex flex-col gap-4">
        <h1 id="home-title" className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          {t('title')}
        </h1>
        {/* A student in class comes for the code: on a phone the join box comes right under the title. */}
        <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
          <section aria-labelledby="class-title" data-testid="home-join" className="flex flex-col gap-3 rounded-3xl bg-gradient-to-br from-indigo-700 to-indigo-900 p-4 text-white shadow-md sm:p-6 lg:order-2">
            <h2 id="class-title" className="text-2xl font-bold">{t('classTitle')}</h2>
            <div className="rounded-2xl bg-white p-4 text-slate-900">
              <JoinCodeForm />
            </div>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-indigo-50">
              <p className="text-sm">{t('teacherPitch')}</p>
              <Link href="/host" data-testid="home-host" className="w-fit rounded-xl bg-white/15 px-4 py-2 font-semibold text-white ring-1 ring-white/40 hover:bg-white/25">
                {t('hostRoom')}
              </Link>
            </div>
          </section>
          <div className="flex flex-col gap-4 lg:order-1">
            <p className="max-w-3xl text-lg leading-relaxed text-slate-700">{t('pitch')}</p>
            <ol className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
              {STEPS.map((s, i) => (
                <li key={s} className="flex items-start gap-2 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
                  <span aria-hidden="true" className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-indigo-700 text-xs font-bold text-white">
                    {i + 1}
                  </span>
                  <span className="text-slate-800">{t(s)}</span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      </section>
      <section aria-label={t('playerSection')} className="max-w-4xl">
        <NicknameForm />
        <Welcome />
      </section>
      <PathCallout />
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
