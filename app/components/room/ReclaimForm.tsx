'use client';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { normalizeJoinCode } from '../../../game/room/code';
import type { ApiError, HostCredentials } from '../../../protocol';
import { useConnected, useSocket } from '../providers/SocketProvider';
import { request } from './emit';
import { RoomError } from './errors';

const input = 'rounded-lg border border-slate-400 bg-white px-3 py-2 font-mono text-lg uppercase tracking-widest';

/** Code + PIN → a fresh host token (room:reclaim); `fixedCode` when the page already names the room. */
export function ReclaimForm({ fixedCode, onReclaimed }: { fixedCode?: string; onReclaimed: (c: HostCredentials) => void }) {
  const t = useTranslations('room');
  const socket = useSocket();
  // Until the socket connects a reclaim could only fail as 'offline': wait, as Create does.
  const connected = useConnected();
  const id = useId();
  const [code, setCode] = useState(fixedCode ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const normalized = normalizeJoinCode(code);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!normalized) return;
    setBusy(true);
    setError(null);
    const res = await request(socket, 'room:reclaim', { code: normalized, hostPin: pin.trim() });
    setBusy(false);
    if (res.ok) onReclaimed(res.data);
    else setError(res.error);
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="reclaim-form" className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="text-lg font-semibold">{t('reclaim.title')}</h2>
      <p className="text-sm text-slate-700">{t('reclaim.body')}</p>
      <div className="flex flex-wrap items-end gap-3">
        {!fixedCode && (
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={`${id}-code`} className="font-medium">{t('reclaim.code')}</label>
            <input id={`${id}-code`} data-testid="reclaim-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} className={`${input} w-40`} aria-invalid={code !== '' && !normalized ? true : undefined} />
          </div>
        )}
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${id}-pin`} className="font-medium">{t('reclaim.pin')}</label>
          <input id={`${id}-pin`} data-testid="reclaim-pin" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="XXXX-XXXX-XXXX" className={`${input} w-64`} />
        </div>
        <button type="submit" data-testid="reclaim-submit" disabled={busy || !connected || !normalized || pin.trim() === ''} className="rounded-lg bg-indigo-700 px-4 py-2.5 font-semibold text-white hover:bg-indigo-800 disabled:opacity-50">
          {busy ? t('reclaim.busy') : t('reclaim.submit')}
        </button>
      </div>
      {code !== '' && !normalized && !fixedCode && <p className="text-xs text-slate-600">{t('join.codeHelp')}</p>}
      {error && <RoomError error={error} />}
    </form>
  );
}
