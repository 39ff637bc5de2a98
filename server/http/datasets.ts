/**
 * GET /datasets/<dataset>/(manifest.json|train.bin|val.bin), streamed from <dataDir>/<dataset>/.
 * Only those three names are ever served: test.bin and anything else under /datasets/ is 404,
 * whatever the path spelling (no path is ever joined from the raw URL). The manifest is served
 * whole: clients validate it with models/dataset.ts manifestSchema, which expects all three splits,
 * and the test split's count and checksum reveal nothing about its labels.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

const PUBLIC_FILES = new Set(['manifest.json', 'train.bin', 'val.bin']);
const ROUTE = /^\/datasets\/([a-z0-9][a-z0-9-]{0,63})\/([a-z.]+)$/;
/** Binary splits change only when the data set is rebuilt; the ETag catches that on revalidation. */
const BIN_MAX_AGE_S = 7 * 24 * 3600;
const MANIFEST_MAX_AGE_S = 300;

export const isDatasetPath = (pathname: string) => pathname === '/datasets' || pathname.startsWith('/datasets/');

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('not found\n');
}

/** Handles every /datasets/* request (caller checked isDatasetPath). */
export function serveDataset(req: IncomingMessage, res: ServerResponse, dataDir: string): void {
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    return notFound(res);
  }
  const m = ROUTE.exec(pathname);
  if (!m || !PUBLIC_FILES.has(m[2] ?? '') || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res);
  const [, dataset = '', name = ''] = m;
  const file = join(dataDir, dataset, name);
  let stat;
  try {
    stat = statSync(file);
    if (!stat.isFile()) return notFound(res);
  } catch {
    return notFound(res);
  }
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const isManifest = name === 'manifest.json';
  const headers: Record<string, string> = {
    etag,
    'cache-control': `public, max-age=${isManifest ? MANIFEST_MAX_AGE_S : BIN_MAX_AGE_S}`,
    'content-type': isManifest ? 'application/json; charset=utf-8' : 'application/octet-stream',
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, { ...headers, 'content-length': String(stat.size) });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
