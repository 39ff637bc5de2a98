'use client';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { JOIN_CODE_LENGTH, normalizeJoinCode } from '../../../game/room/code';
import type { ApiError, Result } from '../../../protocol';
import { useErrorText } from '../errors/useErrorText';
import { useSocket, type ArenaSocket } from '../providers/SocketProvider';
import { request } from './emit';

/** How long a code waits for a socket still connecting (the page has just opened) before it says offline. */
const CONNECT_WAIT_MS = 5_000;

function connected(socket: ArenaSocket | null): Promise<void> {
  if (!socket || socket.connected) return Promise.resolve();
  return new Promise((done) => {
    const timer = window.setTimeout(finish, CONNECT_WAIT_MS);
    function finish() {
      window.clearTimeout(timer);
      socket?.off('connect', finish);
      done();
    }
    socket.on('connect', finish);
  });
}

/** Asks the server whether `code` opens a room this browser can join (room:check). */
async function checkCode(socket: ArenaSocket | null, code: string): Promise<Result<unknown>> {
  await connected(socket);
  return request(socket, 'room:check', { code });
}

/**
 * Type the code the teacher shows → /room/<code>. Spaces, dashes and lower case are fine; letters
 * that cannot be in a code are pointed out before anything is sent, and a code that opens no room
 * (or a closed, locked or full one) is said here, before the nickname step.
 */
export function JoinCodeForm({ initial = '', size = 'lg', autoFocus = false }: { initial?: string; size?: 'md' | 'lg'; autoFocus?: boolean }) {
  const t = useTranslations('room');
  const describe = useErrorText();
  const socket = useSocket();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [tried, setTried] = useState(initial !== '');
  const [checking, setChecking] = useState(false);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const code = normalizeJoinCode(value);
  const invalid = tried && value.trim() !== '' && !code;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setRefused(null);
    if (!code || checking) return;
    setChecking(true);
    const res = await checkCode(socket, code);
    setChecking(false);
    // A full page load, not router.push: the room page trains, and only a document loaded at its
    // own address is cross-origin isolated (app/components/isolation/routes.ts).
    if (res.ok) window.location.assign(`/room/${code}`);
    else setRefused(res.error);
  }

  const big = size === 'lg';
  const problem = invalid ? t('join.codeInvalid', { length: JOIN_CODE_LENGTH }) : refused ? describe(refused) : null;
  return (
    <form onSubmit={submit} data-testid="join-code-form" className="flex flex-col gap-2">
      <label htmlFor={id} className={big ? 'text-lg font-semibold' : 'text-sm font-medium'}>{t('join.codeLabel')}</label>
      <div className="flex flex-wrap gap-2">
        <JoinCodeInput
          id={id}
          value={value}
          autoFocus={autoFocus}
          big={big}
          invalid={problem !== null}
          onType={(typed) => {
            setValue(typed.toUpperCase());
            setRefused(null);
          }}
        />
        <button type="submit" data-testid="join-code-submit" disabled={checking} className={`rounded-xl bg-indigo-700 font-bold text-white shadow hover:bg-indigo-800 disabled:opacity-60 ${big ? 'px-6 py-3 text-lg' : 'px-4 py-2'}`}>
          {checking ? t('join.checking') : t('join.go')}
        </button>
      </div>
      <JoinCodeHelp id={id} refusedCode={refused?.code} problem={problem} />
    </form>
  );
}

/** Spaces and dashes may be typed inside the code (normalizeJoinCode drops them): hence a few characters past its length. */
function JoinCodeInput({ id, value, autoFocus, big, invalid, onType }: { id: string; value: string; autoFocus: boolean; big: boolean; invalid: boolean; onType: (typed: string) => void }) {
  return (
    <input
      id={id}
      data-testid="join-code-input"
      value={value}
      autoFocus={autoFocus}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={JOIN_CODE_LENGTH + 4}
      onChange={(e) => onType(e.target.value)}
      aria-invalid={invalid || undefined}
      aria-describedby={`${id}-help`}
      placeholder="ACD EF3"
      className={`rounded-xl border border-slate-400 bg-white font-mono uppercase tracking-[0.3em] placeholder:text-slate-300 ${big ? 'w-56 px-4 py-3 text-2xl' : 'w-40 px-3 py-2 text-lg'}`}
    />
  );
}

/** The field's help line, replaced by the problem (and announced) while there is one. */
function JoinCodeHelp({ id, refusedCode, problem }: { id: string; refusedCode: ApiError['code'] | undefined; problem: string | null }) {
  const t = useTranslations('room');
  return (
    <p
      id={`${id}-help`}
      data-testid="join-code-help"
      data-code={refusedCode}
      className={`text-sm ${problem ? 'font-medium text-red-700' : 'text-slate-600'}`}
      role={problem ? 'alert' : undefined}
    >
      {problem ?? t('join.codeHelp')}
    </p>
  );
}
