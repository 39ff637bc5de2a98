'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ApiError, PublicRoundView } from '../../../../protocol';
import { request } from '../../../components/room/emit';
import { RoomError } from '../../../components/room/errors';
import { readHostToken } from '../../../components/room/storage';
import { useSocket } from '../../../components/providers/SocketProvider';

/**
 * The ended round's visibility: private to the room until the teacher publishes it (class rounds,
 * with the nicknames, and the challenge board), and back to private with one more press. The state
 * shown is the server's (the host view), not the button's last answer.
 */
export function PublishToggle({ code, round }: { code: string; round: PublicRoundView }) {
  const t = useTranslations('room');
  const socket = useSocket();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [publicId, setPublicId] = useState<string | null>(null);
  const published = round.publishedAt !== null;

  const toggle = async () => {
    setBusy(true);
    const res = await request(socket, 'room:publish', { code, hostToken: readHostToken(code) ?? '', round: round.number, published: !published });
    setBusy(false);
    setError(res.ok ? null : res.error);
    if (res.ok) setPublicId(res.data.publicId || null);
  };

  return (
    <div data-testid="publish-panel" data-published={published} className={`flex flex-col gap-2 rounded-2xl p-4 ring-1 ${published ? 'bg-emerald-50 ring-emerald-200' : 'bg-slate-50 ring-slate-200'}`}>
      <p data-testid="publish-state" className="text-sm text-slate-800">{t(published ? 'ended.publishedState' : 'ended.privateState')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          data-testid="publish-toggle"
          aria-pressed={published}
          disabled={busy}
          onClick={toggle}
          className={`rounded-lg px-4 py-2 font-semibold disabled:opacity-60 ${published ? 'bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100' : 'bg-emerald-700 text-white hover:bg-emerald-800'}`}
        >
          {t(published ? 'ended.unpublish' : 'ended.publish')}
        </button>
        {published && publicId && <Link href={`/leaderboard/round/${encodeURIComponent(publicId)}`} data-testid="public-link" className="text-sm text-indigo-800 underline">{t('ended.publicLink')}</Link>}
      </div>
      {error && <RoomError error={error} />}
    </div>
  );
}
