'use client';
import type { ApiError } from '../../../protocol';
import { useErrorText } from '../errors/useErrorText';

/** Boss and reveal refusals in the boss's words, others in the general ones; never the raw code. */
export function BossError({ error }: { error: ApiError }) {
  const describe = useErrorText('boss');
  return (
    <div role="alert" data-testid="boss-error" data-code={error.code} className="rounded-lg bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
      <p className="font-medium">{describe(error)}</p>
    </div>
  );
}
