/**
 * The pages that train, served cross-origin isolated (COOP same-origin + COEP require-corp, set in
 * next.config.ts) so tfjs WASM may share memory between threads. Pure, so it is unit-tested.
 *
 * require-corp rather than credentialless: every resource these pages load is our own origin
 * (scripts, fonts, the data sets, the WASM binaries, QR codes drawn in the page), which
 * require-corp allows without a CORP header, and Safari (iPads) supports only require-corp.
 */

/** next.config.ts `headers()` sources; keep in step with ISOLATED_PATH below (a unit test does). */
export const ISOLATED_SOURCES = ['/challenges/:id', '/room/:code'] as const;

/** The studio of one challenge, and a room as its student sees it (not the teacher's /host). */
const ISOLATED_PATH = /^\/(challenges|room)\/[^/]+\/?$/;

export const isIsolatedPath = (pathname: string): boolean => ISOLATED_PATH.test(pathname);

/**
 * Isolation is fixed when a document loads; Next's client-side navigation keeps the document, so a
 * training page reached from a non-isolated one needs a real page load. Pure: true when the page
 * now shown trains, this document is not isolated, and it was loaded from another path (so a
 * load of this one would be). A page loaded here that still is not isolated (embedded in another
 * site, an old browser) stays as it is and trains on one thread.
 */
export function needsIsolatingLoad(opts: { pathname: string; loadedPathname: string; isolated: boolean }): boolean {
  return !opts.isolated && isIsolatedPath(opts.pathname) && !isIsolatedPath(opts.loadedPathname);
}
