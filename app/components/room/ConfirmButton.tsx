'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A button that asks before it acts: the first press shows the question with Confirm / Cancel in
 * place (focus moves to Confirm; Escape cancels), so nothing irreversible happens on one stray click.
 */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, onConfirm, testId, danger = true, className = '' }: {
  label: ReactNode;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void | Promise<void>;
  testId: string;
  danger?: boolean;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  const tone = danger ? 'bg-red-700 hover:bg-red-800 text-white' : 'bg-indigo-700 hover:bg-indigo-800 text-white';
  if (!asking) {
    return (
      <button type="button" data-testid={testId} onClick={() => setAsking(true)} className={className}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <span className="text-sm font-medium text-slate-900">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        data-testid={`${testId}-confirm`}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await onConfirm();
          setBusy(false);
          setAsking(false);
        }}
        className={`rounded-md px-3 py-1 text-sm font-semibold disabled:opacity-60 ${tone}`}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
        {cancelLabel}
      </button>
    </span>
  );
}
