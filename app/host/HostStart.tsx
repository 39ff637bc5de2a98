'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ApiError, HostCredentials } from '../../protocol';
import { useConnected, useSocket } from '../components/providers/SocketProvider';
import { request } from '../components/room/emit';
import { RoomError } from '../components/room/errors';
import { spacedCode } from '../components/room/format';
import { ReclaimForm } from '../components/room/ReclaimForm';
import { hostTokenKey, saveHostPin, saveHostToken } from '../components/room/storage';

/** Rooms whose host token this browser keeps (most recent last in storage order is not guaranteed). */
function storedRooms(): string[] {
  try {
    const prefix = hostTokenKey('');
    return Object.keys(window.localStorage).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)).sort();
  } catch {
    return [];
  }
}

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

/** /host: create a room (room:create) or take one back with its code and PIN (room:reclaim). */
export function HostStart() {
  const t = useTranslations('room');
  const socket = useSocket();
  const connected = useConnected();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const enter = (c: HostCredentials, showPin: boolean) => {
    saveHostToken(c.code, c.hostToken);
    if (showPin) saveHostPin(c.code, c.hostPin);
    router.push(`/room/${c.code}/host`);
  };

  async function create() {
    setBusy(true);
    setError(null);
    const res = await request(socket, 'room:create', {});
    if (res.ok) return enter(res.data, true);
    setBusy(false);
    setError(res.error);
  }

  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <section aria-labelledby="host-title" className="flex flex-col gap-4">
        <h1 id="host-title" className="text-3xl font-bold tracking-tight">{t('start.title')}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t('start.pitch')}</p>
        <HostSteps />
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" data-testid="create-room" onClick={create} disabled={busy || !connected} className="rounded-xl bg-indigo-700 px-6 py-3 text-lg font-bold text-white shadow hover:bg-indigo-800 disabled:opacity-50">
            {busy ? t('start.creating') : t('start.create')}
          </button>
          {!connected && <span className="text-sm text-slate-600">{t('start.connecting')}</span>}
          <span className="text-sm text-slate-600">{t('start.noAccount')}</span>
        </div>
        {error && <RoomError error={error} />}
      </section>
      <MyRooms />
      <ReclaimForm onReclaimed={(c) => enter(c, false)} />
    </div>
  );
}

/** How a class round goes, numbered; the numbers are decoration, the list's order says it. */
function HostSteps() {
  const t = useTranslations('room');
  return (
    <ol className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
      {STEPS.map((s, i) => (
        <li key={s} className="flex items-start gap-2 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
          <span aria-hidden="true" className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-indigo-700 text-xs font-bold text-white">{i + 1}</span>
          <span>{t(`start.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * Links back into rooms this browser hosts. Read after mounting, as the server render has no
 * localStorage (reading it during render would mismatch on hydration); nothing shows without any.
 */
function MyRooms() {
  const t = useTranslations('room');
  const [mine, setMine] = useState<string[]>([]);
  useEffect(() => setMine(storedRooms()), []);
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="mine-title" className="flex flex-col gap-2">
      <h2 id="mine-title" className="text-lg font-semibold">{t('start.mine')}</h2>
      <ul className="flex flex-wrap gap-2">
        {mine.map((c) => (
          <li key={c}>
            <Link href={`/room/${c}/host`} className="inline-block rounded-lg bg-white px-3 py-1.5 font-mono font-semibold tracking-widest text-indigo-800 ring-1 ring-slate-300 hover:ring-indigo-500">{spacedCode(c)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
