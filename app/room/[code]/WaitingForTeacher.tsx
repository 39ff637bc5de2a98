'use client';
import { useTranslations } from 'next-intl';
import { ReconnectBanner } from '../../components/room/ReconnectBanner';

/**
 * A newcomer on the room's waiting list (the teacher admits each one): nothing of the class is shown,
 * since nothing of it is sent; the room opens by itself when the teacher lets them in.
 */
export function WaitingForTeacher({ nickname }: { nickname: string }) {
  const t = useTranslations('room');
  return (
    <section aria-labelledby="admit-title" data-testid="waiting-for-teacher" className="mx-auto flex w-full max-w-xl flex-col items-center gap-5 rounded-3xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <ReconnectBanner />
      <div aria-hidden="true" className="flex gap-2">
        {[0, 1, 2].map((i) => <span key={i} className="h-3 w-3 rounded-full bg-amber-500 motion-safe:animate-pulse" style={{ animationDelay: `${i * 200}ms` }} />)}
      </div>
      <h1 id="admit-title" className="text-2xl font-bold">{t('player.admitTitle')}</h1>
      <p role="status" className="text-lg text-slate-700">{t('player.admitBody', { nickname })}</p>
    </section>
  );
}
