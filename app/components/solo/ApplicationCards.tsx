'use client';
import { useTranslations } from 'next-intl';
import { APPLICATIONS, type ApplicationCard } from './applications';

/** One application: what goes in, what comes out, how it works, and the challenges it is built from. */
function Card({ card }: { card: ApplicationCard }) {
  const t = useTranslations('applications');
  const tc = useTranslations('common');
  const key = (field: string) => `card.${card.id}.${field}`;
  return (
    <article data-testid={`application-${card.id}`} aria-labelledby={`application-${card.id}-title`} className="flex flex-1 flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('kind')}</span>
      <h3 id={`application-${card.id}-title`} className="text-lg font-semibold text-indigo-900">{t(key('title'))}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">{t('input')}</dt>
        <dd className="text-slate-900">{t(key('input'))}</dd>
        <dt className="font-medium text-slate-600">{t('output')}</dt>
        <dd className="text-slate-900">{t(key('output'))}</dd>
      </dl>
      <p className="text-sm text-slate-700">{t(key('body'))}</p>
      <p className="text-sm text-slate-600">
        <span className="font-medium">{t('buildsOn')}</span>{' '}
        {card.buildsOn.map((id, i) => (
          <span key={id} data-challenge={id}>
            {i > 0 && ', '}
            {tc(`challengeName.${id}`)}
          </span>
        ))}
      </p>
    </article>
  );
}

/** The end of the path: what the ideas of the course are used for. Read, not played. */
export function ApplicationCards() {
  const t = useTranslations('applications');
  return (
    <section aria-labelledby="applications-title" data-testid="application-cards" className="flex flex-col gap-3">
      <h2 id="applications-title" className="text-2xl font-bold">{t('heading')}</h2>
      <p className="max-w-3xl text-slate-700">{t('intro')}</p>
      <ul className="grid gap-3 md:grid-cols-2">
        {APPLICATIONS.map((card) => (
          <li key={card.id} className="flex">
            <Card card={card} />
          </li>
        ))}
      </ul>
    </section>
  );
}
