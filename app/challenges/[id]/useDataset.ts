'use client';
import { useEffect, useState } from 'react';
import { decodeSplit, manifestSchema, type SplitData } from '../../../models/dataset';

export interface Dataset {
  train: SplitData;
  val: SplitData;
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** Downloads and decodes the training and validation splits (the test split is never served). */
export function useDataset(name: string): { data: Dataset | null; error: string | null } {
  const [data, setData] = useState<Dataset | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const base = `/datasets/${name}`;
      const manifest = manifestSchema.parse(await (await fetch(`${base}/manifest.json`)).json());
      const [train, val] = await Promise.all([fetchBytes(`${base}/train.bin`), fetchBytes(`${base}/val.bin`)]);
      if (!cancelled) setData({ train: decodeSplit(train, manifest, 'train'), val: decodeSplit(val, manifest, 'val') });
    })().catch((err: Error) => !cancelled && setError(err.message));
    return () => {
      cancelled = true;
    };
  }, [name]);
  return { data, error };
}
