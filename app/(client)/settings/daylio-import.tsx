'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import type { DaylioPreview } from '@/lib/import/daylio';

type Step =
  | { name: 'choose' }
  | { name: 'preview'; csv: string; preview: DaylioPreview; mapping: Record<string, string> }
  | { name: 'done'; added: number; skipped: number; lastDate: string };

const longDay = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

async function post(body: unknown): Promise<{ preview?: DaylioPreview; result?: { added: number; skipped: number }; error?: { message: string } }> {
  const response = await fetch('/api/me/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.json().catch(() => ({ error: { message: 'The server did not answer. Nothing was imported.' } }));
}

export function DaylioImport() {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function readFile(event: React.FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setError('Choose the CSV file you exported from Daylio.');
    setIsBusy(true);
    setError(null);
    const csv = await file.text();
    const answer = await post({ csv });
    setIsBusy(false);
    if (!answer.preview) return setError(answer.error?.message ?? 'The file could not be read. Nothing was imported.');
    const mapping = Object.fromEntries(answer.preview.moods.map((m) => [m.key, m.suggested === null ? '' : String(m.suggested)]));
    setStep({ name: 'preview', csv, preview: answer.preview, mapping });
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (step.name !== 'preview') return;
    const missing = step.preview.moods.find((m) => step.mapping[m.key] === '');
    if (missing) return setError(`Choose a mood from 1 to 10 for "${missing.label}".`);
    setIsBusy(true);
    setError(null);
    const mapping = Object.fromEntries(Object.entries(step.mapping).map(([k, v]) => [k, Number(v)]));
    const answer = await post({ csv: step.csv, mapping });
    setIsBusy(false);
    if (!answer.result) return setError(answer.error?.message ?? 'Something went wrong. Nothing was imported.');
    setStep({ name: 'done', ...answer.result, lastDate: step.preview.lastDate });
  }

  const errorBox = error && (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 font-medium text-red-900">
      {error}
    </p>
  );

  if (step.name === 'done') {
    return (
      <div className="flex flex-col gap-2" role="status">
        <p className="font-medium">
          Imported {step.added} check-in{step.added === 1 ? '' : 's'}.
          {step.skipped > 0 && ` ${step.skipped} ${step.skipped === 1 ? 'was' : 'were'} already here and ${step.skipped === 1 ? 'was' : 'were'} left as they are.`}
        </p>
        <p>
          <Link href={`/history?days=365&to=${step.lastDate}`} className="font-medium text-brand-700 underline underline-offset-4">
            See them in your history
          </Link>
        </p>
      </div>
    );
  }

  if (step.name === 'preview') {
    const { preview } = step;
    return (
      <form onSubmit={confirm} className="flex flex-col gap-4">
        <p>
          The file holds <strong>{preview.entries}</strong> entr{preview.entries === 1 ? 'y' : 'ies'} from {longDay(preview.firstDate)} to{' '}
          {longDay(preview.lastDate)}. Activities become tags and notes become check-in notes.
        </p>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 font-medium">How does each Daylio mood translate to Tandem&apos;s 1 to 10?</legend>
          {preview.moods.map((m) => (
            <div key={m.key} className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-100 pb-2">
              <label htmlFor={`mood-${m.key}`}>
                <span className="font-medium">{m.label}</span>{' '}
                <span className="text-sm text-stone-600">
                  ({m.count} entr{m.count === 1 ? 'y' : 'ies'}
                  {m.suggested === null ? ', your own mood: please choose' : ''})
                </span>
              </label>
              <select
                id={`mood-${m.key}`}
                value={step.mapping[m.key]}
                onChange={(e) => setStep({ ...step, mapping: { ...step.mapping, [m.key]: e.target.value } })}
                className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2"
              >
                <option value="">Choose…</option>
                {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                    {n === 1 ? ' (lowest)' : n === 10 ? ' (highest)' : ''}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left font-medium">The first entries</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-2">Day</th>
                <th scope="col" className="py-1 pr-2">Time</th>
                <th scope="col" className="py-1 pr-2">Mood</th>
                <th scope="col" className="py-1">Tags</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((e, i) => (
                <tr key={i} className="border-t border-stone-100">
                  <td className="py-1 pr-2">{e.localDate}</td>
                  <td className="py-1 pr-2">{e.time}</td>
                  <td className="py-1 pr-2">
                    {e.moodLabel} → {step.mapping[e.moodLabel.trim().toLowerCase()] || '?'}
                  </td>
                  <td className="py-1">{e.tags.join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errorBox}
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={isBusy} className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
            {isBusy ? 'Importing…' : `Import ${preview.entries} check-in${preview.entries === 1 ? '' : 's'}`}
          </button>
          <button
            type="button"
            onClick={() => {
              setStep({ name: 'choose' });
              setError(null);
            }}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={readFile} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="daylio-file" className="font-medium">
          Daylio CSV file
        </label>
        <input
          ref={fileInput}
          id="daylio-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="daylio-help"
          className="max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-400 file:bg-white file:px-4 file:py-2 file:font-medium"
        />
        <p id="daylio-help" className="text-sm text-stone-600">
          In Daylio: More → Export entries → CSV. You will see a preview before anything is saved. Importing the same file twice adds nothing.
        </p>
      </div>
      {errorBox}
      <button type="submit" disabled={isBusy} className="min-h-11 self-start rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60">
        {isBusy ? 'Reading…' : 'Read the file'}
      </button>
    </form>
  );
}
