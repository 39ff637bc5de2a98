import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/i18n/request.ts');

const nextConfig: NextConfig = {
  // A separate build folder per process lets two dev servers share one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  // Native and Node-only packages stay out of the bundles; the custom server loads them.
  serverExternalPackages: ['better-sqlite3', 'piscina'],
};

export default withNextIntl(nextConfig);
