/**
 * Type-level tests of the catalogue (protocol/): `npx tsc --noEmit` checks this file (it is never
 * run). Each `@ts-expect-error` line must fail to compile; if one compiles, the directive is unused
 * and tsc fails (TS2578), so a loosened type shows up as a broken typecheck.
 */
import type { ArenaSocket as ClientSocket } from '../../app/components/providers/SocketProvider';
import { request } from '../../app/components/room/emit';
import type { z } from 'zod';
import type * as wire from '../../protocol';
import type { AckOf, ErrorCode, ParsedPayloadOf, PayloadOf, ServerErrorCode, ServerPayloadOf } from '../../protocol';
import type { bossRevealSchema, hostRoomViewSchema, playerRoomViewSchema, progressSchema } from '../../protocol/views';
import type { BossReveal } from '../../game/boss/reveal';
import type { Progress } from '../../game/solo/path';
import type { Stars } from '../../game/stars';
import type { ChallengeId } from '../../game/challenges';
import type { ModelSpec, SpecIssue } from '../../models/spec';
import type * as game from '../../game/room/views';
import type { ArenaSocket, HandlerContext } from '../../server/socket/context';
import { handle, refuse } from '../../server/socket/handle';
import { onHostEvent } from '../../server/socket/rooms/host-event';

declare const ctx: HandlerContext;
declare const socket: ArenaSocket;
declare const client: ClientSocket;

export function serverHandlers(): void {
  handle(ctx, socket, 'room:lock', (p, reply) => {
    const locked: boolean = p.locked;
    reply(locked ? { ok: true, data: null } : refuse('room/not_host', 'not your room'));
    // @ts-expect-error the payload has no such field
    void p.unlocked;
    // @ts-expect-error room:lock's ack carries no data
    reply({ ok: true, data: { locked } });
  });
  // @ts-expect-error a misspelt event does not register
  handle(ctx, socket, 'room:lokc', (_p, reply) => reply({ ok: true, data: null }));
  handle(ctx, socket, 'clock:sync', (p, reply) => {
    reply({ ok: true, data: { clientNow: p.clientNow, serverNow: 1 } });
    // @ts-expect-error the ack lacks serverNow
    reply({ ok: true, data: { clientNow: p.clientNow } });
  });
  handle(ctx, socket, 'room:export', (p) => {
    // The handler sees the schema's output: the zone is already canonical (or absent).
    const zone: string | undefined = p.timeZone;
    void zone;
  });
  // @ts-expect-error an error code the catalogue does not have
  refuse('room/lost', 'no such code');
  // @ts-expect-error client/* codes are the browser's own: the server never sends one
  refuse('client/offline', 'no connection');
  onHostEvent(
    ctx,
    socket,
    'room:rename',
    (p, actor, now) => ({ type: 'rename', actor, playerId: p.playerId, nickname: p.nickname, now }),
    (_state, p) => ({ nickname: p.nickname }),
  );
  onHostEvent(
    ctx,
    socket,
    'room:rename',
    (p, actor, now) => ({ type: 'rename', actor, playerId: p.playerId, nickname: p.nickname, now }),
    // @ts-expect-error room:rename answers the new nickname, not null
    () => null,
  );
  // @ts-expect-error room:join carries no host token, so it is no host event
  onHostEvent(ctx, socket, 'room:join', (_p, actor, now) => ({ type: 'endRound', actor, now }), () => null);
  socket.emit('room:kicked', { code: 'ABCD' });
  // @ts-expect-error a server event's payload has the catalogue's shape
  socket.emit('room:kicked', { room: 'ABCD' });
  // @ts-expect-error the server has no such event to send
  socket.emit('room:kiked', { code: 'ABCD' });
}

export async function clientCalls(): Promise<void> {
  client.emit('room:check', { code: 'ABCD' }, (r) => {
    if (r.ok) {
      const joinable: true = r.data.joinable;
      void joinable;
    } else {
      const code: ErrorCode = r.error.code;
      void code;
    }
  });
  // @ts-expect-error a misspelt event
  client.emit('room:chek', { code: 'ABCD' }, () => {});
  // @ts-expect-error a payload of the wrong shape
  client.emit('room:check', { kode: 'ABCD' }, () => {});
  client.emit('room:activity', { code: 'ABCD', activity: 'training', backend: 'wasm' });
  // @ts-expect-error the backend is the schema's enum (once a plain string in the hand-written type)
  client.emit('room:activity', { code: 'ABCD', activity: 'training', backend: 'metal' });
  client.on('room:wall', (u) => void u.curve);
  // @ts-expect-error the client cannot listen for an event nobody sends
  client.on('room:wal', () => {});
  const r = await request(client, 'room:start', {
    code: 'ABCD',
    hostToken: 't',
    settings: {} as PayloadOf<'room:start'>['settings'],
  });
  if (r.ok) {
    const endsAt: number = r.data.endsAt;
    void endsAt;
    // @ts-expect-error no such field in room:start's ack
    void r.data.startedAt;
  }
  // @ts-expect-error room:activity has no ack, so it cannot be awaited
  await request(client, 'room:activity', { code: 'ABCD', activity: 'idle' });
}

// The derived types follow the schemas: input and output of a transform, ack data, code unions.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const checks: [
  Equal<AckOf<'room:leave'>, null>,
  Equal<AckOf<'leaderboard:unsubscribe'>, null>,
  Equal<ParsedPayloadOf<'room:activity'>['backend'], 'webgpu' | 'webgl' | 'wasm' | 'cpu' | undefined>,
  Equal<Extract<ServerErrorCode, `client/${string}`>, never>,
] = [true, true, true, true];
// Every ack and message takes its type from its zod schema (protocol/views.ts for what game/ computes):
// the schema's type and game/'s own interface are assignable both ways, so neither can drift.
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Stamped<T> = T & { serverNow: number };
export const derived: [
  Equal<AckOf<'boss:reveal'>, z.infer<typeof bossRevealSchema>>,
  Equal<AckOf<'room:reveal'>, z.infer<typeof bossRevealSchema>>,
  Equal<AckOf<'progress:get'>['progress'], z.infer<typeof progressSchema>>,
  Mutual<AckOf<'room:host'>, Stamped<z.infer<typeof hostRoomViewSchema>>>,
  Mutual<ServerPayloadOf<'room:state'>, Stamped<z.infer<typeof playerRoomViewSchema>>>,
  Mutual<wire.BossReveal, BossReveal>,
  Mutual<wire.HostRoomView, game.HostRoomView>,
  Mutual<wire.PlayerRoomView, game.PlayerRoomView>,
  Mutual<wire.MyRoundView, game.MyRoundView>,
  Mutual<wire.RoundStanding, game.RoundStanding>,
  Mutual<wire.PublicRoundView, game.PublicRoundView>,
  Mutual<wire.WaitingRoomView, game.WaitingRoomView>,
  Mutual<wire.CurvePoint, game.CurvePoint>,
  Mutual<AckOf<'progress:get'>['progress'], Progress>,
  Mutual<NonNullable<ServerPayloadOf<'submission:result'>['stars']>, Stars>,
  Equal<AckOf<'run:get'>['challengeId'], ChallengeId>,
  Equal<AckOf<'run:get'>['spec'], ModelSpec | null>,
  Mutual<NonNullable<wire.ApiError['issues']>[number], SpecIssue>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

export function viewReplies(reveal: BossReveal, view: game.HostRoomView): void {
  handle(ctx, socket, 'boss:reveal', (_p, reply) => {
    reply({ ok: true, data: reveal });
    // @ts-expect-error the reply must satisfy the ack schema's type: a reveal's health is a number
    reply({ ok: true, data: { ...reveal, bossHealth: 'full' } });
  });
  handle(ctx, socket, 'room:host', (_p, reply) => {
    reply({ ok: true, data: { ...view, serverNow: 1 } });
    // @ts-expect-error a host view without the server's clock stamp is not room:host's ack
    reply({ ok: true, data: view });
    // @ts-expect-error a phase the schema's enum does not have
    reply({ ok: true, data: { ...view, phase: 'paused', serverNow: 1 } });
  });
}

// @ts-expect-error a check that is false does not compile
export const falseCheck: Equal<AckOf<'room:leave'>, string> = true;
