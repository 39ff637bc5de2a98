'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { StepsEntry } from '../../../../game/solo/play';
import { isCloseEnough, STEPS_LEARNING_RATE, stepProblem, type StepProblem, type StepQuestion, type StepStage } from '../../../../game/solo/steps-quiz';
import type { RoomMode } from '../Studio';
import { PlaySubmit } from './PlaySubmit';
import { STEP_COLORS, StepsDiagram } from './StepsDiagram';
import { fmt, parseAnswer, revealed, seedFromBits, stepsTrace } from './steps-view';

const STAGES: readonly StepStage[] = ['forward', 'loss', 'backward', 'update'];

interface Answer {
  /** The number as typed (what the server grades). */
  value: number;
  correct: boolean;
}

/** The UI may draw at random (game/ may not): a fresh network for every "New network". */
const randomSeed = () => seedFromBits(crypto.getRandomValues(new Uint32Array(1))[0] ?? 0);

function StageBar({ current }: { current: StepStage | null }) {
  const t = useTranslations('play.steps');
  const at = current ? STAGES.indexOf(current) : STAGES.length;
  return (
    <ol className="flex flex-wrap gap-2 text-sm" aria-label={t('stagesLabel')}>
      {STAGES.map((s, i) => (
        <li key={s} aria-current={i === at ? 'step' : undefined} className={`rounded-full px-3 py-1 font-medium ${i === at ? 'bg-indigo-600 text-white' : i < at ? 'bg-indigo-100 text-indigo-900' : 'bg-slate-100 text-slate-600'}`}>
          {i + 1}. {t(`stage.${s}`)}
        </li>
      ))}
    </ol>
  );
}

function QuestionForm({ question, index, total, onAnswer }: { question: StepQuestion; index: number; total: number; onAnswer: (value: number) => void }) {
  const t = useTranslations('play.steps');
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    const value = parseAnswer(draft);
    setInvalid(value === null);
    if (value === null) return;
    setDraft('');
    onAnswer(value);
  }
  return (
    <form onSubmit={submit} data-testid="steps-question" data-key={question.key} data-index={index} data-stage={question.stage} className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('question', { n: index + 1, total })}</p>
      <p className="font-semibold">{t(`q.${question.key}.prompt`)}</p>
      <p className="rounded-md bg-slate-50 px-3 py-2 font-mono text-sm text-slate-800">{t(`q.${question.key}.hint`)}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="steps-answer" className="text-sm font-medium">{t('answerLabel')}</label>
        <input id="steps-answer" data-testid="steps-answer" inputMode="decimal" autoComplete="off" autoFocus={index > 0} value={draft} onChange={(e) => setDraft(e.target.value)} aria-invalid={invalid} className="w-36 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums" />
        <button type="submit" data-testid="steps-check" className="rounded-md bg-indigo-600 px-4 py-1.5 font-semibold text-white hover:bg-indigo-700">{t('check')}</button>
      </div>
      {invalid && <p role="alert" className="text-sm text-red-700">{t('notANumber')}</p>}
    </form>
  );
}

function AnswerTable({ problem, answers }: { problem: StepProblem; answers: readonly Answer[] }) {
  const t = useTranslations('play.steps');
  if (answers.length === 0) return null;
  return (
    <table data-testid="steps-answers" className="w-full max-w-xl text-sm">
      <caption className="pb-1 text-left font-semibold">{t('answersTitle')}</caption>
      <thead className="text-left text-xs text-slate-500">
        <tr><th className="py-1">{t('colQuestion')}</th><th className="text-right">{t('colYours')}</th><th className="text-right">{t('colTrue')}</th><th /></tr>
      </thead>
      <tbody>
        {answers.map((a, i) => {
          const q = problem.questions[i];
          if (!q) return null;
          return (
            <tr key={q.key} data-testid="steps-answer-row" data-correct={a.correct} className="border-t border-slate-100">
              <td className="py-1">{i + 1}. {t(`q.${q.key}.symbol`)}</td>
              <td className="text-right tabular-nums">{fmt(a.value)}</td>
              <td className="text-right tabular-nums" style={{ color: q.stage === 'update' ? STEP_COLORS.update : q.stage === 'backward' ? STEP_COLORS.backward : STEP_COLORS.forward }}>{fmt(q.answer)}</td>
              <td className={`pl-2 font-bold ${a.correct ? 'text-emerald-700' : 'text-red-700'}`} aria-label={a.correct ? t('right') : t('wrong', { value: fmt(q.answer) })}>{a.correct ? '✓' : '✗'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The feedback on the answer just checked. */
function Feedback({ problem, answers }: { problem: StepProblem; answers: readonly Answer[] }) {
  const t = useTranslations('play.steps');
  const last = answers.at(-1);
  const q = problem.questions[answers.length - 1];
  if (!last || !q) return null;
  return (
    <p data-testid="steps-feedback" data-correct={last.correct} role="status" className={`text-sm font-medium ${last.correct ? 'text-emerald-800' : 'text-red-800'}`}>
      {last.correct ? t('right') : t('wrong', { value: fmt(q.answer) })} <span className="font-normal text-slate-500">({t('youTyped', { value: fmt(last.value) })})</span>
    </p>
  );
}

/**
 * The step-through (challenge 9): one tiny network from a seed the page draws, eight questions
 * from the forward pass to the weight update, each checked here and revealed on the diagram, then
 * the typed answers go to the server, which regrades them from the seed. The concept card above it
 * (ChallengePlay) carries the title and the idea. `initial`: a submitted entry whose network to
 * start from (a reproduced run); its answers are not filled in, the point is to work them out.
 */
export function StepsChallenge({ room, initial }: { room?: RoomMode; initial?: StepsEntry }) {
  const t = useTranslations('play.steps');
  const [seed, setSeed] = useState<number | null>(initial?.seed ?? null);
  const [answers, setAnswers] = useState<Answer[]>([]);
  // Drawn after mount: a seed drawn during the server render would not match the browser's.
  useEffect(() => setSeed((s) => s ?? randomSeed()), []);
  const problem = useMemo(() => (seed === null ? null : stepProblem(seed)), [seed]);
  const trace = useMemo(() => (problem ? stepsTrace(problem) : null), [problem]);

  if (seed === null || !problem || !trace) {
    return <div data-testid="steps-challenge" data-room={room?.code ?? ''}><p className="text-slate-500">{t('loading')}</p></div>;
  }
  const total = problem.questions.length;
  const question = problem.questions[answers.length] ?? null;
  const entry: StepsEntry | null = answers.length === total ? { kind: 'steps', seed, answers: answers.map((a) => a.value) } : null;
  const answer = (value: number) => {
    if (question) setAnswers((as) => [...as, { value, correct: isCloseEnough(value, question.answer) }]);
  };
  return (
    <div data-testid="steps-challenge" data-room={room?.code ?? ''} className="flex flex-col gap-6">
      <section data-testid="steps-problem" data-seed={seed} className="flex flex-col gap-3">
        <p className="max-w-3xl text-sm text-slate-700">{t('intro')}</p>
        <div className="flex flex-wrap items-center gap-3">
          <p className="font-medium">{t('example', { x1: problem.x[0], x2: problem.x[1], y: problem.y, lr: STEPS_LEARNING_RATE })}</p>
          <button type="button" data-testid="steps-new" title={t('newNetworkHelp')} onClick={() => { setSeed(randomSeed()); setAnswers([]); }} className="rounded-md border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-100">
            {t('newNetwork')}
          </button>
        </div>
        <StepsDiagram problem={problem} trace={trace} show={revealed(problem.questions, answers.length)} />
        <StageBar current={question?.stage ?? null} />
        <Feedback problem={problem} answers={answers} />
        {question ? <QuestionForm key={`${seed}:${answers.length}`} question={question} index={answers.length} total={total} onAnswer={answer} /> : <p data-testid="steps-done" className="font-medium text-emerald-800">{t('done')}</p>}
        <AnswerTable problem={problem} answers={answers} />
      </section>
      <section aria-labelledby="steps-submit" className="flex flex-col gap-2 rounded-xl bg-emerald-50/60 p-4 ring-1 ring-emerald-200">
        <h2 id="steps-submit" className="text-xl font-semibold">{t('submitTitle')}</h2>
        <p className="max-w-3xl text-sm text-slate-700">{t('submitHelp')}</p>
        <PlaySubmit key={seed} challengeId="backprop-steps" entry={entry} room={room} />
      </section>
    </div>
  );
}
