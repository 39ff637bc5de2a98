'use client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { ApiError } from '../../../protocol';
import { errorMessageKey, type ErrorContextName } from './codes';

/**
 * The one way a page turns an error into words: the reader's language, never the code or the
 * server's English text (those stay in the element's data-code and the console, for whoever debugs).
 * `context`: a place with its own wording for some codes (see codes.ts); others get the general one.
 */
export function useErrorText(context?: ErrorContextName): (error: Pick<ApiError, 'code'>) => string {
  // The root translator: the sentence may live in any namespace (errors, train, boss, ...).
  const t = useTranslations() as unknown as { (key: string): string; has(key: string): boolean };
  return useCallback((error) => t(errorMessageKey(error.code, (key) => t.has(key), context)), [t, context]);
}
