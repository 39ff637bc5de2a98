/** Small helpers every benchmark shares: percentiles, rounding, the machine line, JSON output. */
import { cpus, loadavg, totalmem } from 'node:os';

/** Nearest-rank percentile (p in 0..1) of `xs`; NaN for an empty list. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = xs.slice().sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] as number;
}

export const round = (x: number, digits = 1): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

export function summary(xs: readonly number[], digits = 1): { n: number; p50: number; p95: number; p99: number; max: number } {
  return {
    n: xs.length,
    p50: round(percentile(xs, 0.5), digits),
    p95: round(percentile(xs, 0.95), digits),
    p99: round(percentile(xs, 0.99), digits),
    max: round(xs.length ? Math.max(...xs) : NaN, digits),
  };
}

/** What the figures came from: CPU, cores, memory and the load average when the run started. */
export function machine(): { cpu: string; cores: number; memGiB: number; load: string } {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memGiB: Math.round(totalmem() / 2 ** 30),
    load: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/** One machine-readable line per result, prefixed so `npm run bench` can collect them. */
export function emit(bench: string, figures: Record<string, unknown>): void {
  console.log(`BENCH ${JSON.stringify({ bench, ...figures })}`);
}

/** Parses `--name value` and `--flag` arguments into a map (numbers stay strings). */
export function parseArgs(argv: readonly string[] = process.argv.slice(2)): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), 'true');
  }
  return out;
}

export function numArg(args: Map<string, string>, name: string, fallback: number): number {
  const v = args.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name}: expected a number, got ${v}`);
  return n;
}

export function listArg(args: Map<string, string>, name: string, fallback: readonly string[]): string[] {
  const v = args.get(name);
  return v === undefined ? [...fallback] : v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Prints rows as an aligned text table. */
export function table(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i] as number)).join('  ');
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}
