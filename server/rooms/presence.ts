/**
 * Which sockets are in which room for which player, so the server knows when a player's LAST socket in
 * a room went away (only then is the player disconnected: a second tab keeps them present).
 */

export interface Departure {
  code: string;
  playerId: string;
}

export interface Presence {
  enter(code: string, playerId: string, socketId: string): void;
  /** Forgets a socket; answers the (room, player) pairs it was the last socket of. */
  exit(socketId: string): Departure[];
  /** Forgets a player in a room (left, kicked, removed), whichever sockets they had. */
  drop(code: string, playerId: string): void;
  /** Forgets a whole room (closed). */
  dropRoom(code: string): void;
  /** Whether the socket joined the room as a player. */
  has(code: string, socketId: string): string | undefined;
  /** The player's sockets in the room (a waiting player let in: only those join its channel). */
  sockets(code: string, playerId: string): string[];
}

export function createPresence(): Presence {
  /** code → playerId → socket ids. */
  const byRoom = new Map<string, Map<string, Set<string>>>();
  /** socket id → code → playerId. */
  const bySocket = new Map<string, Map<string, string>>();

  const forgetSocketRoom = (socketId: string, code: string) => {
    const rooms = bySocket.get(socketId);
    rooms?.delete(code);
    if (rooms?.size === 0) bySocket.delete(socketId);
  };

  return {
    enter(code, playerId, socketId) {
      let players = byRoom.get(code);
      if (!players) byRoom.set(code, (players = new Map()));
      let sockets = players.get(playerId);
      if (!sockets) players.set(playerId, (sockets = new Set()));
      sockets.add(socketId);
      let rooms = bySocket.get(socketId);
      if (!rooms) bySocket.set(socketId, (rooms = new Map()));
      rooms.set(code, playerId);
    },
    exit(socketId) {
      const rooms = bySocket.get(socketId);
      if (!rooms) return [];
      bySocket.delete(socketId);
      const out: Departure[] = [];
      for (const [code, playerId] of rooms) {
        const sockets = byRoom.get(code)?.get(playerId);
        if (!sockets) continue;
        sockets.delete(socketId);
        if (sockets.size === 0) {
          byRoom.get(code)?.delete(playerId);
          out.push({ code, playerId });
        }
      }
      return out;
    },
    drop(code, playerId) {
      const sockets = byRoom.get(code)?.get(playerId);
      if (!sockets) return;
      for (const id of sockets) forgetSocketRoom(id, code);
      byRoom.get(code)?.delete(playerId);
    },
    dropRoom(code) {
      const players = byRoom.get(code);
      if (!players) return;
      for (const sockets of players.values()) for (const id of sockets) forgetSocketRoom(id, code);
      byRoom.delete(code);
    },
    has(code, socketId) {
      return bySocket.get(socketId)?.get(code);
    },
    sockets(code, playerId) {
      return [...(byRoom.get(code)?.get(playerId) ?? [])];
    },
  };
}
