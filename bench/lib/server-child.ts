/**
 * The real server (socket.io, SQLite, scoring pool; no Next) in its own process, so a benchmark
 * can read its CPU time and peak RSS from /proc without counting its own clients.
 * Run by bench/lib/server-process.ts: `node --import tsx bench/lib/server-child.ts <json options>`.
 */
import { startServer, type ServerOptions } from '../../server/app';
import { silentLogger } from '../../server/log';

/** Anything else given (room cap, limits, bench-only switches) is passed on to startServer. */
type ChildOptions = { databaseFile: string; scoringWorkers: number } & Partial<Omit<ServerOptions, 'log' | 'clock'>>;

const { databaseFile, scoringWorkers, ...extra } = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseFile,
  next: false,
  scoringWorkers,
  log: silentLogger,
  // Every bench client shares 127.0.0.1, so per-address and per-player limits are lifted.
  registerLimit: { points: 1_000_000, durationS: 60 },
  submitLimit: { points: 1_000_000, durationS: 60 },
  submitAddressLimit: { points: 1_000_000, durationS: 60 },
  socketsPerAddress: 1_000_000,
  ...extra,
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = () => void server.close().then(() => process.exit(0), () => process.exit(1));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
