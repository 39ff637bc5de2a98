'use client';
import { useEffect, useState } from 'react';
import type { ModelChallenge } from '../../../game/challenges';
import { forChallenge, generatedSplits } from '../../../game/challenge-data';
import type { Examples } from '../../../models/challenge-data';
import { decodeSplit, manifestSchema } from '../../../models/dataset';

export interface Dataset {
  train: Examples;
  val: Examples;
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/**
 * The challenge's training and validation examples: generated from public seeds (2-D points, gate
 * tables) or downloaded and decoded (images; the test split is never served).
 */
export function useDataset(challenge: ModelChallenge): { data: Dataset | null; error: string | null } {
  const [data, setData] = useState<Dataset | null>(() => generatedSplits(challenge));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const generated = generatedSplits(challenge);
    if (generated) return setData(generated);
    if (challenge.data.type !== 'images') return;
    let cancelled = false;
    const base = `/datasets/${challenge.data.dataset}`;
    (async () => {
      const manifest = manifestSchema.parse(await (await fetch(`${base}/manifest.json`)).json());
      const [train, val] = await Promise.all([fetchBytes(`${base}/train.bin`), fetchBytes(`${base}/val.bin`)]);
      const decode = (bytes: ArrayBuffer, split: 'train' | 'val') => forChallenge(challenge, decodeSplit(bytes, manifest, split), split);
      if (!cancelled) setData({ train: decode(train, 'train'), val: decode(val, 'val') });
    })().catch((err: Error) => !cancelled && setError(err.message));
    return () => {
      cancelled = true;
    };
  }, [challenge]);
  return { data, error };
}
