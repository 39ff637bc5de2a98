'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { ChallengeDef } from '../../../game/challenges';
import { scoreText } from './score-text';

const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

/** A server score in the reader's language: "91.2%", "87 points", "7/8 right". */
export function useScoreText(): (def: ChallengeDef, score: number) => string {
  const t = useTranslations('solo');
  const format = useFormatter();
  return useCallback(
    (def: ChallengeDef, score: number) => {
      const text = scoreText(def, score);
      if (text.key === 'percent') return t('score.percent', { value: format.number(text.values.value ?? 0, ONE_DECIMAL) });
      return t(`score.${text.key}`, text.values);
    },
    [t, format],
  );
}
