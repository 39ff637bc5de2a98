import type { useTranslations } from 'next-intl';
import type { WasmThreads } from '../../../models/backend';

/** Why WASM trains on one thread of several cores (or how many of them it uses): the studio's badge and the GAN studios'. */
export function threadNotes(wasm: WasmThreads, t: ReturnType<typeof useTranslations<'train'>>): string[] {
  if ((wasm.replicas ?? 1) > 1) return [t('replicasHelp', { replicas: wasm.replicas ?? 1, cores: wasm.cores })];
  if (wasm.threads > 1) return [t('threadsHelp', { threads: wasm.threads, cores: wasm.cores })];
  if (wasm.cores <= 1) return [];
  // Isolation first: embedded in another site, a larger model could not use more threads either.
  if (!wasm.isolated) return [t('threadsNotIsolated')];
  return [t(wasm.light ? 'threadsLight' : 'threadsUnsupported')];
}
