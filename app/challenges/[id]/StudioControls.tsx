'use client';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { controlsInUse, hasHiddenControls, shownControls, type ControlGroup } from '../../../game/controls';
import type { ModelChallengeId } from '../../../game/challenges';
import type { LockedHyper } from '../../../game/room/settings';
import { defaultSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';

export interface StudioControls {
  shown: ReadonlySet<ControlGroup>;
  all: boolean;
  setAll: (all: boolean) => void;
  /** Whether this challenge hides anything the switch could show. */
  switchable: boolean;
}

/** The controls the studio shows now: the lesson's, what the spec uses, what is locked, or all. */
export function useStudioControls(challengeId: ModelChallengeId, spec: ModelSpec, locked: LockedHyper | undefined): StudioControls {
  const [all, setAll] = useState(false);
  const base = useMemo(() => defaultSpec(challengeId), [challengeId]);
  const lockedKeys = Object.entries(locked ?? {}).filter(([, v]) => v !== undefined).map(([k]) => k).sort().join(',');
  const shown = useMemo(() => {
    const lockedSet = new Set(lockedKeys ? (lockedKeys.split(',') as ControlGroup[]) : []);
    return shownControls({ challengeId, all, inUse: controlsInUse(spec, base), locked: lockedSet });
  }, [challengeId, all, spec, base, lockedKeys]);
  return { shown, all, setAll, switchable: hasHiddenControls(challengeId) };
}

/** "All controls": for those who want every setting, also those this lesson leaves out. */
export function AllControlsSwitch({ controls }: { controls: StudioControls }) {
  const t = useTranslations('train');
  if (!controls.switchable) return null;
  return (
    <label className="flex items-center gap-2 text-sm" title={t('allControlsHelp')}>
      <input data-testid="all-controls" type="checkbox" checked={controls.all} onChange={(e) => controls.setAll(e.target.checked)} />
      <span className="font-medium">{t('allControls')}</span>
      <span className="text-xs text-slate-500">{t('allControlsHelp')}</span>
    </label>
  );
}
