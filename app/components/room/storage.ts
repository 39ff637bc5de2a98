/**
 * What a browser remembers about rooms (localStorage survives a reload; sessionStorage only this tab).
 * Every access is guarded: private modes and full quotas throw.
 */

/** The host token of a room this browser hosts (contract: protocol/room.ts HostCredentials). */
export const hostTokenKey = (code: string) => `gradient-arena.host.${code}`;
/** The recovery PIN until the teacher dismisses it (this tab only, never in the URL). */
const hostPinKey = (code: string) => `gradient-arena.host-pin.${code}`;
/** The nickname this browser joined a room with, so a reload rejoins without asking again. */
const joinedKey = (code: string) => `gradient-arena.joined.${code}`;

function get(store: 'local' | 'session', key: string): string | null {
  try {
    return (store === 'local' ? window.localStorage : window.sessionStorage).getItem(key);
  } catch {
    return null;
  }
}

function set(store: 'local' | 'session', key: string, value: string | null): void {
  try {
    const s = store === 'local' ? window.localStorage : window.sessionStorage;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
  } catch {
    // Nothing to do: the page still works, it only forgets on reload.
  }
}

export const readHostToken = (code: string) => get('local', hostTokenKey(code));
export const saveHostToken = (code: string, token: string | null) => set('local', hostTokenKey(code), token);
export const readHostPin = (code: string) => get('session', hostPinKey(code));
export const saveHostPin = (code: string, pin: string | null) => set('session', hostPinKey(code), pin);
export const readJoined = (code: string) => get('local', joinedKey(code));
export const saveJoined = (code: string, nickname: string | null) => set('local', joinedKey(code), nickname);
