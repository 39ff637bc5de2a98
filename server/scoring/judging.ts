/**
 * What the server decides about one stored submission: a play challenge's entry is replayed here
 * (microseconds to a few ms); a model goes to a scoring worker (rebuilt, or trained by the server
 * where a rule is about training) and its predictions are judged against labels the main thread
 * loaded itself. The spec is parsed once on this side: by the socket handler for a fresh submission
 * (passed in as `checked`), or here from the row for one re-queued at start-up.
 */
import type { Db } from '../db';
import { getChallenge, type ModelChallenge } from '../../game/challenges';
import type { Score } from '../../game/scoring';
import { playEntrySchema, scorePlayEntry, type PlayEntry } from '../../game/solo/play';
import type { Stars } from '../../game/stars';
import type { ServerRun } from '../../game/verification';
import type { SubmissionRow } from '../../drizzle/schema';
import { parseModelSpec, type ModelSpec } from '../../models/spec';
import type { ApiError, ServerErrorCode } from '../../protocol';
import { placeScope, submissionPlace } from '../../game/boss/scope';
import type { BossScores } from '../../game/boss/score';
import { judgeBossOutput, judgeModelOutput } from './judge';
import { planFor } from './plan';
import type { ScoringPool } from './pool';
import { bossTrainExamples, ganTargetSample, testExamples } from './test-split';
import type { ScoringOutput } from './types';

export type Judged =
  | { ok: true; score: Score; stars: Stars; workerMs: number; boss?: Omit<BossScores, 'score'>; run?: ServerRun }
  | { ok: false; error: ApiError };

/** A submission's content as the socket handler validated it (so it is not parsed again). */
export type Checked = { kind: 'model'; spec: ModelSpec } | { kind: 'play'; entry: PlayEntry };

export interface Judge {
  judge(sub: SubmissionRow, checked?: Checked): Promise<Judged>;
}

const invalid = (code: ServerErrorCode, message: string): Judged => ({ ok: false, error: { code, message } });

/** The stored row's content, parsed (a row re-queued at start-up: nothing was checked in this process). */
function parseStored(sub: SubmissionRow, kind: 'model' | 'play'): Checked | null {
  const json: unknown = JSON.parse(sub.specJson);
  if (kind === 'play') {
    const entry = playEntrySchema.safeParse(json);
    return entry.success ? { kind, entry: entry.data } : null;
  }
  const spec = parseModelSpec(json);
  return spec.ok ? { kind, spec: spec.spec } : null;
}

function replay(entry: PlayEntry, challengeKind: string): Judged {
  if (entry.kind !== challengeKind) return invalid('play/invalid', 'the stored entry is not valid');
  const started = performance.now();
  const played = scorePlayEntry(entry);
  return { ok: true, ...played, workerMs: performance.now() - started };
}

/** Test and boss-train labels per challenge, loaded on first use and kept. */
function createLabels(dataDir: string) {
  const test = new Map<string, Uint8Array>();
  const train = new Map<string, Uint8Array | null>();
  const targets = new Map<string, Float32Array | null>();
  return {
    /** A GAN challenge's hidden target sample (its generators have no labels to meet). */
    target(c: ModelChallenge): Float32Array | null {
      if (!targets.has(c.id)) targets.set(c.id, ganTargetSample(c));
      return targets.get(c.id) ?? null;
    },
    test(c: ModelChallenge): Uint8Array {
      if (!test.has(c.id)) test.set(c.id, testExamples(dataDir, c).labels);
      return test.get(c.id) as Uint8Array;
    },
    bossTrain(c: ModelChallenge): Uint8Array | null {
      if (!train.has(c.id)) train.set(c.id, bossTrainExamples(dataDir, c)?.labels ?? null);
      return train.get(c.id) ?? null;
    },
  };
}

export function createJudge(deps: { db: Db; pool: ScoringPool; dataDir: string }): Judge {
  const labels = createLabels(deps.dataDir);

  /** Public score for everyone now; private and train accuracy kept for the reveal (no stars yet). */
  function judgeBossModel(sub: SubmissionRow, challenge: ModelChallenge, output: ScoringOutput & { ok: true }): Judged {
    const judged = judgeBossOutput(challenge, placeScope(submissionPlace(sub)), output, labels.test(challenge), labels.bossTrain(challenge));
    return judged.ok ? { ...judged, workerMs: output.workerMs } : judged;
  }

  /**
   * The server's score and stars for a model: of the model the server trained itself when the plan
   * (game/verification.ts) retrains the spec, else of the submitted weights.
   */
  async function judgeModel(sub: SubmissionRow, challenge: ModelChallenge, spec: ModelSpec): Promise<Judged> {
    const plan = planFor(deps.db, sub, challenge);
    const job = { challengeId: sub.challengeId, specJson: sub.specJson, weights: new Uint8Array(sub.weights), retrain: plan.retrain };
    const output = await deps.pool.score(job, sub.playerId);
    if (!output.ok) return output;
    if (challenge.boss) return judgeBossModel(sub, challenge, output);
    const target = challenge.objective === 'generate' ? labels.target(challenge) : null;
    const testLabels = target ? new Uint8Array(0) : labels.test(challenge);
    const judged = judgeModelOutput(challenge, { spec, paramCount: sub.paramCount }, output, testLabels, plan, target ?? undefined);
    return judged.ok ? { ...judged, workerMs: output.workerMs } : judged;
  }

  return {
    async judge(sub, checked) {
      const challenge = getChallenge(sub.challengeId);
      if (!challenge) return invalid('challenge/unknown', sub.challengeId);
      const kind = challenge.kind === 'model' ? 'model' : 'play';
      const content = checked?.kind === kind ? checked : parseStored(sub, kind);
      if (!content) return kind === 'play' ? invalid('play/invalid', 'the stored entry is not valid') : invalid('spec/invalid', 'the stored spec is not valid');
      if (content.kind === 'play') return replay(content.entry, challenge.kind);
      return judgeModel(sub, challenge as ModelChallenge, content.spec);
    },
  };
}
