'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { CHALLENGES, imageDataset, isBossLevel } from '../../../game/challenges';
import type { BackendName } from '../../../models/backend-names';
import type { MyRoundView, PlayerRoomView, Stamped } from '../../../protocol';
import { BossRoundEnd } from '../../components/boss/BossLevel';
import { percentText } from '../../components/room/format';
import { DoorIcon } from '../../components/room/icons';
import { Podium } from '../../components/room/Podium';
import { ReconnectBanner } from '../../components/room/ReconnectBanner';
import { StandingsTable } from '../../components/room/StandingsTable';
import { JoinForm } from './JoinForm';
import { PlayerRunning } from './PlayerRunning';
import { usePlayerRoom } from './usePlayerRoom';
import { WaitingForTeacher } from './WaitingForTeacher';

type View = PlayerRoomView & Stamped;

/** Warms the browser cache with the data sets while the class waits, so the round starts fast. */
function usePrefetchDatasets(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const datasets = new Set(Object.values(CHALLENGES).map((c) => (c.kind === 'model' ? imageDataset(c) : null)));
    for (const d of datasets) {
      if (!d) continue;
      for (const f of ['manifest.json', 'train.bin', 'val.bin']) void fetch(`/datasets/${d}/${f}`).catch(() => undefined);
    }
  }, [enabled]);
}

function Lobby({ view, nickname, playerId }: { view: View; nickname: string; playerId: string | null }) {
  const t = useTranslations('room');
  return (
    <section aria-labelledby="lobby-title" data-testid="player-lobby" className="mx-auto flex w-full max-w-3xl flex-col items-center gap-6 text-center">
      <div aria-hidden="true" className="flex gap-2 pt-4">
        {[0, 1, 2].map((i) => <span key={i} className="h-3 w-3 rounded-full bg-indigo-500 motion-safe:animate-bounce" style={{ animationDelay: `${i * 150}ms` }} />)}
      </div>
      <h1 id="lobby-title" className="text-3xl font-bold">{t('player.waiting')}</h1>
      <p className="text-lg text-slate-700">{t('player.waitingBody', { nickname })}</p>
      <div className="w-full rounded-2xl bg-white p-5 text-left shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-3 font-semibold">{t('player.classmates', { count: view.playerCount })}</h2>
        <ul aria-live="polite" data-testid="lobby-players" className="flex flex-wrap gap-2">
          {view.players.map((p) => (
            <li key={p.playerId} data-testid="lobby-player" className={`rounded-full px-3 py-1 text-sm ${p.playerId === playerId ? 'bg-amber-200 font-semibold text-amber-950' : 'bg-slate-100 text-slate-800'} ${p.connected ? '' : 'opacity-50'}`}>
              {p.nickname}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function Ended({ view, me, playerId }: { view: View; me: MyRoundView | null; playerId: string | null }) {
  const t = useTranslations('room');
  const standings = view.standings ?? [];
  const round = view.round;
  const boss = round && isBossLevel(round.settings.challengeId) ? round.settings.challengeId : null;
  return (
    <section aria-labelledby="ended-title" data-testid="player-ended" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 id="ended-title" className="text-3xl font-bold">{t('ended.title', { round: round?.number ?? 1 })}</h1>
        <p data-testid="my-final" className="text-lg text-slate-800">
          {me?.best && me.rank ? t(boss ? 'ended.minePublic' : 'ended.mine', { rank: me.rank, score: percentText(me.best.score) }) : t('ended.noScore')}
        </p>
      </div>
      {round && round.pending > 0 && <p role="status" data-testid="pending-note" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">{t('ended.pending', { count: round.pending })}</p>}
      {/* A boss round: picks until the teacher's reveal, then the reveal itself, in place of a podium of the public board. */}
      {boss && round ? <BossRoundEnd key={round.number} challengeId={boss} roomCode={view.code} /> : <Podium standings={standings} meId={playerId ?? undefined} />}
      <StandingsTable rows={standings} meId={playerId ?? undefined} sortable caption={t('standings.final', { round: round?.number ?? 1 })} challengeId={round?.settings.challengeId} />
      <p className="text-sm text-slate-600">{t('ended.nextRound')}</p>
    </section>
  );
}

function Kicked({ denied }: { denied: boolean }) {
  const t = useTranslations('room');
  return (
    <section data-testid="kicked" data-denied={denied} role="alert" className="mx-auto flex max-w-xl flex-col items-center gap-4 rounded-3xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <DoorIcon className="h-14 w-14 text-slate-500" />
      <h1 className="text-2xl font-bold">{denied ? t('kicked.deniedTitle') : t('kicked.title')}</h1>
      <p className="text-slate-700">{denied ? t('kicked.deniedBody') : t('kicked.body')}</p>
      <Link href="/" className="rounded-lg bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800">{t('kicked.home')}</Link>
    </section>
  );
}

/** /room/<code>: join in two steps, then lobby → round → podium, following the room's phase. */
export function PlayerRoom({ code, prefer, preset }: { code: string; prefer?: BackendName; preset: 'default' | 'tiny' }) {
  const t = useTranslations('room');
  const room = usePlayerRoom(code);
  const { status, view } = room;
  // The teacher may rename a player: the room's list is the truth, the join answer the fallback.
  const nickname = view?.players.find((p) => p.playerId === room.playerId)?.nickname ?? room.nickname;
  usePrefetchDatasets(status === 'joined');

  if (status === 'kicked' || status === 'denied') return <Kicked denied={status === 'denied'} />;
  if (status === 'waiting' && room.nickname) return <WaitingForTeacher nickname={room.nickname} />;
  if (status === 'loading') return <p role="status" className="text-slate-600">{t('player.loading')}</p>;
  if (status !== 'joined' || !view || !nickname) {
    return <JoinForm code={code} busy={status === 'joining'} error={room.error} onJoin={(n) => void room.join(n)} />;
  }
  const renamed = room.typed !== null && room.typed !== nickname;
  return (
    <div data-testid="player-room" data-phase={view.phase} className="flex flex-col gap-4">
      <ReconnectBanner />
      {renamed && (
        <p role="status" data-testid="nickname-replaced" className="rounded-xl bg-sky-50 p-3 text-sm text-sky-950 ring-1 ring-sky-200">
          {t('player.renamed', { nickname })}
        </p>
      )}
      {view.phase === 'lobby' && <Lobby view={view} nickname={nickname} playerId={room.playerId} />}
      {view.phase === 'running' && <PlayerRunning view={view} me={room.me} clock={room.clock} nickname={nickname} playerId={room.playerId} prefer={prefer} preset={preset} onRefused={room.refused} />}
      {view.phase === 'ended' && <Ended view={view} me={room.me} playerId={room.playerId} />}
      {view.phase === 'closed' && <p data-testid="room-closed" className="rounded-xl bg-slate-100 p-4 text-slate-800">{t('player.closed')}</p>}
    </div>
  );
}
