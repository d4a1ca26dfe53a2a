'use client';

import { useEffect, useState } from 'react';

// Six slow breaths in one minute (4 seconds in, 6 out): paced breathing near six breaths a
// minute is the common "resonance" rate used in relaxation exercises.
const IN_SECONDS = 4;
const OUT_SECONDS = 6;
const BREATHS = 6;

type Phase = { kind: 'idle' } | { kind: 'in' | 'out'; breath: number } | { kind: 'done' };

export function BreathingExercise() {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  useEffect(() => {
    if (phase.kind !== 'in' && phase.kind !== 'out') return;
    const timer = setTimeout(
      () => {
        if (phase.kind === 'in') setPhase({ kind: 'out', breath: phase.breath });
        else setPhase(phase.breath >= BREATHS ? { kind: 'done' } : { kind: 'in', breath: phase.breath + 1 });
      },
      (phase.kind === 'in' ? IN_SECONDS : OUT_SECONDS) * 1000,
    );
    return () => clearTimeout(timer);
  }, [phase]);

  const isRunning = phase.kind === 'in' || phase.kind === 'out';
  const instruction =
    phase.kind === 'in'
      ? 'Breathe in…'
      : phase.kind === 'out'
        ? 'Breathe out…'
        : phase.kind === 'done'
          ? 'Well done. Notice how you feel now.'
          : 'Sit comfortably. When you are ready, press Start.';

  return (
    <div className="flex flex-col items-center gap-6">
      <div className="flex h-64 w-64 items-center justify-center" aria-hidden="true">
        <div
          className="rounded-full bg-brand-100 motion-safe:transition-transform motion-safe:ease-in-out"
          style={{
            width: '100%',
            height: '100%',
            transform: phase.kind === 'in' ? 'scale(1)' : 'scale(0.55)',
            transitionDuration: `${(phase.kind === 'in' ? IN_SECONDS : OUT_SECONDS) * 1000}ms`,
          }}
        />
      </div>
      <p aria-live="polite" className="text-center text-xl font-medium">
        {instruction}
        {isRunning && (
          <span className="block text-sm font-normal text-stone-600">
            Breath {phase.breath} of {BREATHS}
          </span>
        )}
      </p>
      {isRunning ? (
        <button
          type="button"
          onClick={() => setPhase({ kind: 'idle' })}
          className="min-h-12 rounded-lg border border-stone-300 bg-white px-6 font-medium hover:bg-stone-100"
        >
          Stop
        </button>
      ) : (
        <button
          type="button"
          onClick={() => setPhase({ kind: 'in', breath: 1 })}
          className="min-h-12 rounded-lg bg-brand-700 px-6 font-medium text-white hover:bg-brand-800"
        >
          {phase.kind === 'done' ? 'Once more' : 'Start'}
        </button>
      )}
    </div>
  );
}
