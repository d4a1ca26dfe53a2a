'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import type { ImportPreview } from '@/lib/import/read-file';

type Step =
  | { name: 'choose' }
  | { name: 'preview'; csv: string; preview: ImportPreview; mapping: Record<string, string> }
  | { name: 'done'; added: number; skipped: number; lastDate: string };

/** "a", "a and b", "a, b and c". */
const listOf = (words: readonly string[]) => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

const longDay = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

async function post(body: unknown): Promise<{ preview?: ImportPreview; result?: { added: number; skipped: number }; error?: { message: string } }> {
  const response = await fetch('/api/me/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.json().catch(() => ({ error: { message: 'The server did not answer. Nothing was imported.' } }));
}

/** Import from Daylio or iMoodJournal: choose a file, check the preview and the moods, import. */
export function TrackerImport() {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function readFile(event: React.FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setError('Choose the CSV file you exported from Daylio or iMoodJournal.');
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
    const missing = step.preview.moods.filter((m) => step.mapping[m.key] === '').map((m) => `"${m.label}"`);
    if (missing.length > 0) return setError(`Choose a mood from 1 to 10 for ${listOf(missing)}.`);
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
    const isAllHere = preview.alreadyImported === preview.entries;
    const toAdd = preview.entries - preview.alreadyImported;
    return (
      <form onSubmit={confirm} className="flex flex-col gap-4">
        <p>
          The file holds <strong>{preview.entries}</strong> entr{preview.entries === 1 ? 'y' : 'ies'} from {longDay(preview.firstDate)} to{' '}
          {longDay(preview.lastDate)}.{' '}
          {preview.format === 'imoodjournal'
            ? 'It is an iMoodJournal export: levels are already 1 to 10 and are kept as they are; tags become tags and comments become check-in notes.'
            : 'It is a Daylio export: activities become tags and notes become check-in notes.'}
        </p>
        {preview.alreadyImported > 0 && (
          <p role="status" className="rounded-md border border-brand-100 bg-brand-50 p-3 font-medium text-brand-800">
            {isAllHere
              ? `You imported this file before: all ${preview.entries} entries are already in Tandem, so importing it again would add nothing.`
              : `${preview.alreadyImported} of these entries are already in Tandem and will be left as they are; ${toAdd} will be added.`}
          </p>
        )}
        {preview.moods.length > 0 && !isAllHere && (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 font-medium">How does each mood translate to Tandem&apos;s 1 to 10?</legend>
          <p className="text-sm text-stone-600">Moods you chose at an earlier import are filled in; you can change them.</p>
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
        )}
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
                    {preview.moods.length === 0 ? e.moodLabel : `${e.moodLabel} → ${step.mapping[e.moodLabel.trim().toLowerCase()] || '?'}`}
                  </td>
                  <td className="py-1">{e.tags.join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errorBox}
        <div className="flex flex-wrap gap-2">
          {!isAllHere && (
            <button type="submit" disabled={isBusy} className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
              {isBusy ? 'Importing…' : `Import ${toAdd} check-in${toAdd === 1 ? '' : 's'}`}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              setStep({ name: 'choose' });
              setError(null);
            }}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            {isAllHere ? 'Choose another file' : 'Cancel'}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={readFile} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="tracker-file" className="font-medium">
          CSV file from Daylio or iMoodJournal
        </label>
        <input
          ref={fileInput}
          id="tracker-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="tracker-file-help"
          className="max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-400 file:bg-white file:px-4 file:py-2 file:font-medium"
        />
        <p id="tracker-file-help" className="text-sm text-stone-600">
          In Daylio: More → Export entries → CSV. In iMoodJournal: export your entries as CSV. You will see a preview before anything is saved.
          Importing the same file twice adds nothing.
        </p>
      </div>
      {errorBox}
      <button type="submit" disabled={isBusy} className="min-h-11 self-start rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60">
        {isBusy ? 'Reading…' : 'Read the file'}
      </button>
    </form>
  );
}
