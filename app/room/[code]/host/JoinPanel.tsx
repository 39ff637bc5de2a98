'use client';
import { useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { QrCode } from '../../../components/room/QrCode';
import { spacedCode } from '../../../components/room/format';
import { joinBase } from '../../../components/room/join-url';

/** What the server knows about its own address: PUBLIC_URL, and its network (LAN) IPv4 addresses. */
export interface JoinAddress {
  publicUrl?: string;
  lan: string[];
}
export const JoinAddressContext = createContext<JoinAddress>({ lan: [] });

/**
 * What the teacher projects: the code, big enough for the back row, the join URL and its QR code.
 * `aside`: what sits beside the QR on a wide screen (the lobby's Start round).
 */
export function JoinPanel({ code, compact = false, aside }: { code: string; compact?: boolean; aside?: ReactNode }) {
  const t = useTranslations('room');
  const address = useContext(JoinAddressContext);
  const [url, setUrl] = useState('');
  const [substituted, setSubstituted] = useState(false);
  useEffect(() => {
    const base = joinBase(window.location, address.publicUrl, address.lan);
    setUrl(`${base.origin}/room/${code}`);
    setSubstituted(base.substituted);
  }, [code, address]);
  if (compact) {
    return (
      <p className="flex flex-wrap items-baseline gap-2 text-sm text-slate-700">
        {t('host.joinWith')}
        <span data-testid="join-code-small" className="font-mono text-xl font-bold tracking-[0.2em] text-indigo-900">{spacedCode(code)}</span>
        {url && <span className="break-all text-slate-600">{url}</span>}
      </p>
    );
  }
  return (
    <section aria-labelledby="join-title" className="flex flex-col items-center gap-6 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-slate-200 md:flex-row md:justify-between">
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <h2 id="join-title" className="text-lg font-semibold text-slate-700">{t('host.joinTitle')}</h2>
        <p className="sr-only">{t('host.codeSpelled', { code: code.split('').join(' ') })}</p>
        <p data-testid="join-code" data-code={code} aria-hidden="true" className="font-mono text-7xl font-black leading-none tracking-[0.15em] text-indigo-900 xl:text-8xl">
          {spacedCode(code)}
        </p>
        <p className="text-slate-700">
          {t('host.orOpen')}{' '}
          {url && <a data-testid="join-url" href={url} target="_blank" rel="noreferrer" className="break-all font-semibold text-indigo-800 underline">{url}</a>}
        </p>
        {substituted && <p data-testid="join-url-lan" className="max-w-xl text-sm text-slate-600">{t('host.lanNote')}</p>}
      </div>
      {url && <QrCode text={url} label={t('host.qrLabel', { url })} className="h-44 w-44 shrink-0 rounded-lg ring-1 ring-slate-200 xl:h-52 xl:w-52" />}
      {aside}
    </section>
  );
}
