/**
 * 'room:create': a new lobby with a join code read aloud easily, a host token only this browser holds,
 * and a recovery PIN shown once. Only sha256 hashes of the token and the PIN are stored.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { generateJoinCode, JOIN_CODE_ALPHABET } from '../../../game/room/code';
import { hashToken } from '../../hash';
import { pinHash } from '../../rooms/service';
import { roomHostChannel, type ArenaSocket, type HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { limited } from '../limits';

/**
 * Length of the host recovery PIN: 19^12 ≈ 2.2e15 values, against at most ~260,000 checks a day from
 * one address (rooms/pin-guard.ts has the sum). Shown and typed in groups of PIN_GROUP.
 */
export const HOST_PIN_LENGTH = 12;
const PIN_GROUP = 4;
/** Fresh codes tried before giving up (19^6 ≈ 47 million codes, so a second try is already rare). */
const CODE_TRIES = 20;
const RAND_RANGE = 2 ** 40;

/** Uniform floats in [0, 1) from the OS's random source. */
const cryptoRandom = () => randomInt(RAND_RANGE) / RAND_RANGE;

export const newHostToken = () => randomBytes(32).toString('base64url');

function newPin(): string {
  let pin = '';
  for (let i = 0; i < HOST_PIN_LENGTH; i++) pin += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return pin;
}

/** What the teacher typed ("acde fhjk-mprt") as the PIN that was hashed ("ACDEFHJKMPRT"). */
export const normalizePin = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

/** "ACDE-FHJK-MPRT": read aloud and copied down in groups. */
export const formatPin = (pin: string) => (pin.match(new RegExp(`.{1,${PIN_GROUP}}`, 'g')) ?? [pin]).join('-');

export function onCreate(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:create', async (_payload, reply) => {
    const blocked = await limited(ctx.roomLimiters.create, socket.handshake.address, 'rooms created');
    if (blocked) return reply(blocked);
    let code: string | null = null;
    for (let i = 0; i < CODE_TRIES && !code; i++) {
      const candidate = generateJoinCode(cryptoRandom);
      if (!ctx.rooms.exists(candidate)) code = candidate;
    }
    if (!code) return reply(refuse('server/busy', 'could not find a free room code; try again'));
    const hostToken = newHostToken();
    const hostPin = newPin();
    ctx.rooms.create(code, hashToken(hostToken), pinHash(code, hostPin));
    await socket.join(roomHostChannel(code));
    ctx.log.info('room created', { code, socket: socket.id, address: socket.handshake.address });
    reply({ ok: true, data: { code, hostToken, hostPin: formatPin(hostPin) } });
  });
}
