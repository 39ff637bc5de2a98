/**
 * Entry point: `tsx server/index.ts` (npm run dev / npm start). Also re-exports startServer for
 * tests, which import this module without starting anything.
 */
import { fileURLToPath } from 'node:url';
import { startServer } from './app';
import { readEnv } from './env';
import { consoleLogger } from './log';

export { startServer } from './app';
export type { RunningServer, ServerOptions } from './app';

/** After this long a shutdown stops waiting and exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const env = readEnv();
  const server = await startServer({
    port: env.PORT,
    host: env.HOST,
    databaseFile: env.DATABASE_FILE,
    next: true,
    dev: env.NODE_ENV !== 'production',
    scoringWorkers: env.SCORING_WORKERS,
    roomMaxPlayers: env.ROOM_MAX_PLAYERS,
    socketsPerAddress: env.SOCKETS_PER_ADDRESS,
  });
  consoleLogger.info(`Gradient Arena listening on ${server.url} (${env.NODE_ENV}, db ${env.DATABASE_FILE})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        consoleLogger.error('shutdown failed', { err: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
