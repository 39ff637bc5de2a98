/** The reducer's small result builders, shared by machine.ts and the modules it delegates to. */
import type { RoomEffect, RoomErrorCode, RoomResult, RoomState } from './types';

export const fail = (state: RoomState, code: RoomErrorCode, message: string): RoomResult => ({ ok: false, state, error: { code, message } });
export const done = (state: RoomState, effects: RoomEffect[] = []): RoomResult => ({ ok: true, state, effects });
export const touch = (s: RoomState, now: number): RoomState => ({ ...s, lastActivityAt: Math.max(s.lastActivityAt, now) });
