import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { ISOLATED_SOURCES } from './app/components/isolation/routes';

const withNextIntl = createNextIntlPlugin('./app/i18n/request.ts');

const COEP = { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' };
const COOP = { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' };

const nextConfig: NextConfig = {
  // A separate build folder per process lets two dev servers share one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  // Native and Node-only packages stay out of the bundles; the custom server loads them.
  serverExternalPackages: ['better-sqlite3', 'piscina'],
  // The pages that train are cross-origin isolated, so tfjs WASM trains on every core
  // (app/components/isolation/routes.ts says why these and why require-corp). A dedicated worker
  // needs COEP on its own script to be isolated too; on other scripts the header is ignored.
  async headers() {
    return [
      ...ISOLATED_SOURCES.map((source) => ({ source, headers: [COOP, COEP] })),
      { source: '/_next/static/:path*', headers: [COEP] },
    ];
  },
};

export default withNextIntl(nextConfig);
