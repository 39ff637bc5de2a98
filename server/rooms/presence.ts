/**
 * Which sockets are in one room for which player, so the room knows when a player's LAST socket
 * went away (only then is the player disconnected: a second tab keeps them present). One per room,
 * owned by its Room (room.ts); the service keeps only which rooms a socket is in.
 */
export class RoomPresence {
  /** playerId → socket ids. */
  private readonly byPlayer = new Map<string, Set<string>>();
  /** socket id → playerId. */
  private readonly bySocket = new Map<string, string>();

  enter(playerId: string, socketId: string): void {
    let sockets = this.byPlayer.get(playerId);
    if (!sockets) this.byPlayer.set(playerId, (sockets = new Set()));
    sockets.add(socketId);
    this.bySocket.set(socketId, playerId);
  }

  /** Forgets a socket; answers the player it was the last socket of, if any. */
  exit(socketId: string): string | undefined {
    const playerId = this.bySocket.get(socketId);
    if (playerId === undefined) return undefined;
    this.bySocket.delete(socketId);
    const sockets = this.byPlayer.get(playerId);
    sockets?.delete(socketId);
    if (sockets && sockets.size > 0) return undefined;
    this.byPlayer.delete(playerId);
    return playerId;
  }

  /** Forgets a player (left, kicked, removed), whichever sockets they had. */
  drop(playerId: string): void {
    for (const id of this.byPlayer.get(playerId) ?? []) this.bySocket.delete(id);
    this.byPlayer.delete(playerId);
  }

  /** The player the socket joined as, if it did. */
  playerOf(socketId: string): string | undefined {
    return this.bySocket.get(socketId);
  }

  /** The player's sockets in the room (a waiting player let in: only those join its channel). */
  sockets(playerId: string): string[] {
    return [...(this.byPlayer.get(playerId) ?? [])];
  }

  clear(): void {
    this.byPlayer.clear();
    this.bySocket.clear();
  }
}
