'use client';

import { Link } from '@/components/ui/link';
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { submitMeasure } from '@/app/(client)/measures/actions';
import { CrisisResources } from '@/components/support/crisis-resources';
import type { CrisisInfo } from '@/lib/dal/alerts';
import { SCORE_DISCLAIMER } from '@/lib/clinical/bands';
import type { AnswerOption, Instrument } from '@/lib/clinical/instruments';
import type { MeasureResult } from '@/lib/dal/measures';

type Pending = { instrument: Instrument; items: number[]; difficulty: number | null };
type Step =
  | { kind: 'intro' }
  | { kind: 'item'; index: number }
  | { kind: 'difficulty' }
  | { kind: 'sending'; pending: Pending }
  | { kind: 'failed'; pending: Pending; message: string }
  | { kind: 'done'; result: MeasureResult };

const subscribeStorage = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
};

function parsePending(raw: string | null, instrument: Instrument): Pending | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Pending;
    return value.instrument === instrument && Array.isArray(value.items) ? value : null;
  } catch {
    return null;
  }
}

/**
 * PHQ-9 or GAD-7, one question per screen. Before sending, the answers are kept in this browser,
 * so a failed save loses nothing; a PHQ-9 item-9 answer above 0 shows the clinic's crisis
 * resources at once, whether or not the save succeeds.
 */
export function MeasureWizard({
  instrument,
  name,
  stem,
  items,
  difficultyQuestion,
  frequencyOptions,
  difficultyOptions,
  crisis,
  storageKey,
}: {
  instrument: Instrument;
  name: string;
  stem: string;
  items: readonly string[];
  difficultyQuestion: string;
  frequencyOptions: readonly AnswerOption[];
  difficultyOptions: readonly AnswerOption[];
  crisis: CrisisInfo;
  storageKey: string;
}) {
  const [step, setStep] = useState<Step>({ kind: 'intro' });
  const [answers, setAnswers] = useState<(number | null)[]>(() => items.map(() => null));
  const [difficulty, setDifficulty] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isRecoveryDismissed, setRecoveryDismissed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasMoved = useRef(false);
  const stored = useSyncExternalStore(
    subscribeStorage,
    () => window.localStorage.getItem(storageKey),
    () => null,
  );
  const recovered = parsePending(stored, instrument);

  useEffect(() => {
    // Move focus to each new screen's heading so screen readers announce it; not on first load.
    if (hasMoved.current) headingRef.current?.focus();
    hasMoved.current = true;
  }, [step]);

  async function send(pending: Pending) {
    window.localStorage.setItem(storageKey, JSON.stringify(pending));
    setStep({ kind: 'sending', pending });
    try {
      const response = await submitMeasure(pending);
      if (response.ok) {
        window.localStorage.removeItem(storageKey);
        setStep({ kind: 'done', result: response.result });
      } else {
        setStep({ kind: 'failed', pending, message: response.message });
      }
    } catch {
      setStep({ kind: 'failed', pending, message: 'Tandem could not be reached.' });
    }
  }

  function next(event: FormEvent) {
    event.preventDefault();
    if (step.kind === 'item') {
      if (answers[step.index] === null) {
        setError('Choose one answer to go on.');
        return;
      }
      setError(null);
      setStep(step.index + 1 < items.length ? { kind: 'item', index: step.index + 1 } : { kind: 'difficulty' });
    } else if (step.kind === 'difficulty') {
      void send({ instrument, items: answers as number[], difficulty });
    }
  }

  function back() {
    setError(null);
    if (step.kind === 'item') setStep(step.index === 0 ? { kind: 'intro' } : { kind: 'item', index: step.index - 1 });
    if (step.kind === 'difficulty') setStep({ kind: 'item', index: items.length - 1 });
  }

  const heading = (text: string) => (
    <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
      {text}
    </h1>
  );

  if (step.kind === 'intro') {
    return (
      <div className="flex flex-col gap-4">
        {heading(name)}
        {recovered && !isRecoveryDismissed && (
          <section aria-labelledby="recovered-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 id="recovered-heading" className="mb-1 font-medium">
              You have answers that were not sent
            </h2>
            <p className="mb-3 text-stone-700">They were kept on this device when saving failed.</p>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                onClick={() => void send(recovered)}
                className="min-h-12 rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
              >
                Send them now
              </button>
              <button
                type="button"
                onClick={() => {
                  window.localStorage.removeItem(storageKey);
                  setRecoveryDismissed(true);
                }}
                className="min-h-12 rounded-lg border border-stone-300 bg-white px-4 font-medium hover:bg-stone-100"
              >
                Discard them
              </button>
            </div>
          </section>
        )}
        <p className="text-stone-700">
          {items.length} questions about the last two weeks, one at a time, then one about how much it gets in the way. There are no right
          or wrong answers.
        </p>
        {instrument === 'phq9' && (
          <section aria-labelledby="safety-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
            <h2 id="safety-heading" className="mb-1 font-medium">
              Before you start
            </h2>
            <p>
              The last question asks about thoughts of being better off dead or of hurting yourself. If you answer it with anything other
              than “Not at all”, your therapist gets an alert, whatever you share with them, so they can check in with you. You will also
              see who to contact right away.
            </p>
          </section>
        )}
        <button
          type="button"
          onClick={() => setStep({ kind: 'item', index: 0 })}
          className="min-h-12 rounded-lg bg-brand-700 px-4 text-lg font-medium text-white hover:bg-brand-800"
        >
          Start {name}
        </button>
      </div>
    );
  }

  if (step.kind === 'item' || step.kind === 'difficulty') {
    const isItem = step.kind === 'item';
    const options = isItem ? frequencyOptions : difficultyOptions;
    const value = isItem ? answers[step.index] : difficulty;
    const questionId = 'question-text';
    const choose = (v: number) => {
      setError(null);
      if (isItem) setAnswers((a) => a.map((x, i) => (i === step.index ? v : x)));
      else setDifficulty(v);
    };
    return (
      <form onSubmit={next} className="flex flex-col gap-4" noValidate>
        {heading(isItem ? `${name}: question ${step.index + 1} of ${items.length}` : `${name}: last question`)}
        <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-stone-200">
          <div className="h-full bg-brand-600" style={{ width: `${((isItem ? step.index : items.length) / (items.length + 1)) * 100}%` }} />
        </div>
        <fieldset aria-describedby={error ? 'answer-error' : undefined}>
          <legend className="mb-3">
            {isItem && <span className="mb-1 block text-sm text-stone-600">{stem}</span>}
            <span id={questionId} className="block text-xl font-medium">
              {isItem ? items[step.index] : difficultyQuestion}
            </span>
            {!isItem && <span className="mt-1 block text-sm text-stone-600">Optional: you can send without answering.</span>}
          </legend>
          <div className="flex flex-col gap-2">
            {options.map((o) => (
              <label key={o.value} className="relative">
                <input
                  type="radio"
                  name="answer"
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => choose(o.value)}
                  className="peer sr-only"
                />
                <span className="flex min-h-14 items-center rounded-lg border border-stone-300 bg-white px-4 text-lg peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:font-medium peer-checked:text-brand-800 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 hover:bg-stone-100">
                  {o.label}
                </span>
              </label>
            ))}
          </div>
          {error && (
            <p id="answer-error" role="alert" className="mt-2 text-sm text-red-800">
              {error}
            </p>
          )}
        </fieldset>
        <div className="flex gap-3">
          <button
            type="button"
            onClick={back}
            className="min-h-12 rounded-lg border border-stone-300 bg-white px-5 font-medium hover:bg-stone-100"
          >
            Back
          </button>
          <button type="submit" className="min-h-12 flex-1 rounded-lg bg-brand-700 px-4 text-lg font-medium text-white hover:bg-brand-800">
            {isItem ? 'Next' : 'Send answers'}
          </button>
        </div>
      </form>
    );
  }

  const pending = step.kind === 'done' ? null : step.pending;
  const hasRisk = step.kind === 'done' ? step.result.hasRiskAlert : instrument === 'phq9' && (pending?.items[8] ?? 0) > 0;

  return (
    <div className="flex flex-col gap-4">
      {heading(step.kind === 'done' ? 'Thank you' : step.kind === 'sending' ? 'Sending your answers…' : 'Your answers are not saved yet')}
      {hasRisk && <CrisisResources crisis={crisis} hasAlerted={step.kind === 'done'} />}
      {step.kind === 'failed' && (
        <section role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
          <p className="mb-3">
            {step.message} Your answers are kept on this device and nothing is lost.
            {hasRisk && ' Your therapist has not been told yet: please use the contacts above if you need help now.'}
          </p>
          <button
            type="button"
            onClick={() => void send(step.pending)}
            className="min-h-12 rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
          >
            Try again
          </button>
        </section>
      )}
      {step.kind === 'done' && (
        <section aria-labelledby="score-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="score-heading" className="mb-1 font-medium">
            Your {name} score: {step.result.total} ({step.result.bandLabel.toLowerCase()})
          </h2>
          <p className="mb-2 text-stone-700">{step.result.bandDescription}</p>
          <p className="text-sm text-stone-600">{SCORE_DISCLAIMER}</p>
        </section>
      )}
      {step.kind === 'done' && (
        <Link href="/check-in" className="text-brand-700 underline underline-offset-4">
          Back to your check-in
        </Link>
      )}
    </div>
  );
}
