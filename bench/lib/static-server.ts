/**
 * A tiny HTTP server for the in-browser benchmarks: the esbuild bundle, a blank page, the training
 * and validation splits (never the test split) and tfjs's WASM binaries, from one local origin.
 * Under `/iso/` the same page, bundle and files come with COOP/COEP (cross-origin isolation, as the
 * app's training pages are served), which lets tfjs pick its threaded build; elsewhere they come
 * without, so tfjs WASM runs single-threaded (SIMD), as the app did before. `isolated` sends the
 * headers everywhere.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

const PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title>
<script type="module">
window.runWorker = (msg) => new Promise((ok, fail) => {
  // Relative, so /iso/ gets its worker with the headers: a dedicated worker needs its own COEP.
  const w = new Worker('bundle/worker.js', { type: 'module' });
  w.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'log') console.log(m.text);
    else if (m.type === 'batch') window.lastBatch = m.progress;
    else {
      w.terminate();
      // Playwright returns JSON: trained weights travel back as base64.
      if (m.weights instanceof ArrayBuffer) {
        const b = new Uint8Array(m.weights);
        let s = '';
        for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
        m.weights = btoa(s);
      }
      m.type === 'error' ? fail(new Error(m.message)) : ok(m);
    }
  };
  w.onerror = (e) => { w.terminate(); fail(new Error('worker: ' + e.message)); };
  w.postMessage(msg);
});
window.benchReady = true;
</script>`;

/** URL prefix of the cross-origin isolated copy of everything served. */
export const ISOLATED_PREFIX = '/iso/';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `mounts` (URL prefix → folder) plus the page at `/`. Only the listed files are reachable. */
export async function startStaticServer(
  mounts: Record<string, string>,
  allow: (path: string) => boolean = () => true,
  isolated = false,
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    let path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
    if (path.startsWith(ISOLATED_PREFIX)) path = path.slice(ISOLATED_PREFIX.length - 1);
    else if (!isolated) return void serve(path, res);
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cross-origin-embedder-policy', 'require-corp');
    serve(path, res);
  });
  function serve(path: string, res: ServerResponse): void {
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] as string });
      return void res.end(PAGE);
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = join(dir, path.slice(prefix.length));
      if (!file.startsWith(dir) || !allow(path) || !existsSync(file) || !statSync(file).isFile()) break;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      return void createReadStream(file).pipe(res);
    }
    res.writeHead(404).end('not found');
  }
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
