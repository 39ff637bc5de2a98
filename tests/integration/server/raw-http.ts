/** Raw HTTP for tests that send request targets fetch() would normalize or refuse. */
import { connect as netConnect } from 'node:net';

/** One raw HTTP/1.1 request, so the target goes out exactly as written (fetch would normalize it). */
export function rawRequest(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const socket = netConnect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('error', fail);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      ok({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}
