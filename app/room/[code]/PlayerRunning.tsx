'use client';
import { useTranslations } from 'next-intl';
import type { BackendName } from '../../../models/backend-names';
import type { MyRoundView, PlayerRoomView, Stamped } from '../../../protocol';
import { ChallengePlay } from '../../challenges/[id]/ChallengePlay';
import { Countdown } from '../../components/room/Countdown';
import { percentText } from '../../components/room/format';
import { StandingsTable } from '../../components/room/StandingsTable';
import type { ServerClock } from '../../components/room/useServerClock';

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex flex-col">
      <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</span>
      <span data-testid={testId} className="text-2xl font-bold tabular-nums leading-tight">{value}</span>
    </div>
  );
}

/** Countdown, submissions, best and rank: always in view while the student works. */
function RoomBar({ view, me, clock, nickname }: { view: PlayerRoomView & Stamped; me: MyRoundView | null; clock: ServerClock; nickname: string }) {
  const t = useTranslations('room');
  const round = view.round;
  if (!round) return null;
  const used = me?.submissions ?? 0;
  const max = me?.maxSubmissions ?? round.settings.maxSubmissions;
  return (
    <div data-testid="room-bar" className="sticky top-0 z-30 -mx-4 flex flex-wrap items-center gap-x-8 gap-y-2 border-b border-slate-200 bg-white/95 px-4 py-3 shadow-sm backdrop-blur">
      <div className="flex flex-col">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{t('player.roundOf', { round: round.number })}</span>
        <span className="max-w-[12rem] truncate font-semibold" title={nickname}>{nickname}</span>
      </div>
      <Countdown endsAt={round.endsAt} now={clock.now} />
      <Stat testId="my-submissions" label={t('player.submissions')} value={t('player.usedOf', { used, max })} />
      <Stat testId="my-best" label={t('player.best')} value={me?.best ? t('percent', { value: percentText(me.best.score) }) : '—'} />
      <Stat testId="my-rank" label={t('player.rank')} value={me?.rank ? t('player.rankValue', { rank: me.rank }) : '—'} />
      {me && me.pending > 0 && <span role="status" className="animate-pulse text-sm text-slate-700">{t('player.scoring', { count: me.pending })}</span>}
    </div>
  );
}

/** The round as a student plays it: the room bar, the studio in room mode and, if shown, the standings. */
export function PlayerRunning({ view, me, clock, nickname, playerId, prefer, preset, onRefused }: {
  view: PlayerRoomView & Stamped;
  me: MyRoundView | null;
  clock: ServerClock;
  nickname: string;
  playerId: string | null;
  prefer?: BackendName;
  preset: 'default' | 'tiny';
  onRefused: (code: string) => void;
}) {
  const t = useTranslations('room');
  const round = view.round;
  if (!round) return null;
  const remaining = (me?.maxSubmissions ?? round.settings.maxSubmissions) - (me?.submissions ?? 0);
  return (
    <div data-testid="player-running" className="flex flex-col gap-4">
      <RoomBar view={view} me={me} clock={clock} nickname={nickname} />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_16rem]">
        {/* A new round starts a fresh studio (its locks and limits may differ). */}
        <ChallengePlay key={round.number} challengeId={round.settings.challengeId} prefer={prefer} preset={preset} room={{ code: view.code, locked: round.settings.locked, remaining, onRefused, round: { number: round.number, startedAt: round.startedAt } }} />
        <aside aria-labelledby="room-standings" className="flex flex-col gap-2 xl:sticky xl:top-24">
          <h2 id="room-standings" className="text-lg font-semibold">{t('standings.live')}</h2>
          {view.standings ? (
            <StandingsTable rows={view.standings} meId={playerId ?? undefined} compact caption={t('standings.live')} challengeId={round.settings.challengeId} />
          ) : (
            <p data-testid="standings-hidden" className="rounded-xl bg-white p-3 text-sm text-slate-700 ring-1 ring-slate-200">{t('standings.hidden')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
