/** Starts bench/lib/server-child.ts and reads its CPU time and memory from /proc (Linux). */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Current and peak resident set size, in MiB (VmRSS / VmHWM). */
  memory(): { rssMiB: number; peakRssMiB: number };
  /** User + system CPU seconds used so far (all threads, scoring workers included). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_S = 100;

function statusKiB(pid: number, field: string): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : NaN;
}

/** `opts` beyond the two named are passed on to startServer (server-child.ts). */
export async function startServerProcess(opts: { databaseFile: string; scoringWorkers: number } & Record<string, unknown>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'lib', 'server-child.ts'), JSON.stringify(opts)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const url = await new Promise<string>((ok, fail) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) ok((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => fail(new Error(`bench server exited with ${code}`)));
  });
  const pid = child.pid as number;
  return {
    url,
    pid,
    memory: () => ({ rssMiB: statusKiB(pid, 'VmRSS') / 1024, peakRssMiB: statusKiB(pid, 'VmHWM') / 1024 }),
    cpuSeconds() {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
