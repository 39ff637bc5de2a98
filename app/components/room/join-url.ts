/**
 * The address students open to join. A teacher who opened the app on this computer as `localhost`
 * would hand out a link that only works on their own machine, so the server's network address is
 * used instead (or PUBLIC_URL, when the app sits behind a proxy or a domain).
 */

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$/i;

export interface JoinBase {
  /** Origin to prefix `/room/<code>` with, no trailing slash. */
  origin: string;
  /** True when the page's own origin was replaced by the machine's network address. */
  substituted: boolean;
}

/**
 * `page`: the origin the teacher's browser shows; `publicUrl`: the configured PUBLIC_URL, if any;
 * `lan`: the server's non-internal IPv4 addresses.
 */
export function joinBase(page: { protocol: string; hostname: string; port: string }, publicUrl: string | undefined, lan: readonly string[]): JoinBase {
  if (publicUrl) return { origin: publicUrl.replace(/\/+$/, ''), substituted: false };
  const port = page.port ? `:${page.port}` : '';
  const first = lan[0];
  if (LOOPBACK.test(page.hostname) && first) return { origin: `${page.protocol}//${first}${port}`, substituted: true };
  return { origin: `${page.protocol}//${page.hostname}${port}`, substituted: false };
}
