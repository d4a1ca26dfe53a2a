'use client';

import { Link } from '@/components/ui/link';
import { useRef, useState } from 'react';
import { DATE_FORMATS, type DateFormat } from '@/lib/import/date-formats';
import type { ImportPreview } from '@/lib/import/read-file';
import { dayText } from '@/lib/dates';

/** What the person chose for a CSV Tandem does not recognise, as typed ('' is "none"). */
type ColumnChoice = {
  dateColumn: string;
  dateFormat: DateFormat;
  timeColumn: string;
  moodColumn: string;
  moodKind: 'numbers' | 'labels';
  min: string;
  max: string;
  noteColumn: string;
  tagsColumn: string;
  tagSeparator: string;
};
type Columns = { names: string[]; rows: string[][] };
type Mapped = { columns: Columns; choice: ColumnChoice };

type Step =
  | { name: 'choose' }
  | { name: 'columns'; csv: string; columns: Columns; choice: ColumnChoice }
  | { name: 'preview'; csv: string; preview: ImportPreview; mapping: Record<string, string>; mapped: Mapped | null }
  | { name: 'done'; added: number; skipped: number; lastDate: string };

/** A first guess from the column names; the person checks every choice. */
function guessedChoice(names: readonly string[]): ColumnChoice {
  const find = (pattern: RegExp) => names.find((n) => pattern.test(n)) ?? '';
  return {
    dateColumn: find(/date|day|when|time ?stamp/i),
    dateFormat: 'YYYY-MM-DD',
    timeColumn: '',
    moodColumn: find(/mood|feel|score|rating|level/i),
    moodKind: 'numbers',
    min: '1',
    max: '5',
    noteColumn: '',
    tagsColumn: '',
    tagSeparator: ',',
  };
}

/** The request's csvMapping, or the problems to fix first (all of them). */
function csvMappingOf(c: ColumnChoice): { csvMapping: unknown } | { problems: string[] } {
  const problems: string[] = [];
  if (c.dateColumn === '') problems.push('choose the column with the dates');
  if (c.moodColumn === '') problems.push('choose the column with the moods');
  const [min, max] = [Number(c.min), Number(c.max)];
  if (
    c.moodKind === 'numbers' &&
    (c.min.trim() === '' || c.max.trim() === '' || !Number.isFinite(min) || !Number.isFinite(max) || min >= max)
  ) {
    problems.push('give the lowest and highest mood the file uses as numbers, the lowest below the highest');
  }
  if (c.tagsColumn !== '' && c.tagSeparator === '') problems.push('give what separates the tags, such as a comma');
  if (problems.length > 0) return { problems };
  const orNull = (v: string) => (v === '' ? null : v);
  return {
    csvMapping: {
      dateColumn: c.dateColumn,
      dateFormat: c.dateFormat,
      timeColumn: orNull(c.timeColumn),
      moodColumn: c.moodColumn,
      moodScale: c.moodKind === 'numbers' ? { kind: 'numbers', min, max } : { kind: 'labels' },
      noteColumn: orNull(c.noteColumn),
      tagsColumn: orNull(c.tagsColumn),
      tagSeparator: c.tagSeparator,
    },
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a and b", "a, b and c". */
const listOf = (words: readonly string[]) => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

async function post(
  body: unknown,
): Promise<{ preview?: ImportPreview; columns?: Columns; result?: { added: number; skipped: number }; error?: { message: string } }> {
  const response = await fetch('/api/me/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json().catch(() => ({ error: { message: 'The server did not answer. Nothing was imported.' } }));
}

/**
 * Import from Daylio, iMoodJournal or any other tracker's CSV: choose a file, map its columns
 * when Tandem does not know it, check the preview and the moods, import.
 */
export function TrackerImport() {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  function startOver() {
    setStep({ name: 'choose' });
    setError(null);
  }

  async function readFile(event: React.FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setError('Choose the CSV file you exported from Daylio, iMoodJournal or another tracker.');
    setIsBusy(true);
    setError(null);
    const csv = await file.text();
    const answer = await post({ csv });
    setIsBusy(false);
    if (answer.columns) return setStep({ name: 'columns', csv, columns: answer.columns, choice: guessedChoice(answer.columns.names) });
    if (!answer.preview) return setError(answer.error?.message ?? 'The file could not be read. Nothing was imported.');
    showPreview(csv, answer.preview, null);
  }

  function showPreview(csv: string, preview: ImportPreview, mapped: Mapped | null) {
    const mapping = Object.fromEntries(preview.moods.map((m) => [m.key, m.suggested === null ? '' : String(m.suggested)]));
    setStep({ name: 'preview', csv, preview, mapping, mapped });
  }

  async function readColumns(event: React.FormEvent) {
    event.preventDefault();
    if (step.name !== 'columns') return;
    const request = csvMappingOf(step.choice);
    if ('problems' in request) return setError(`${capitalised(listOf(request.problems))}.`);
    setIsBusy(true);
    setError(null);
    const answer = await post({ csv: step.csv, csvMapping: request.csvMapping });
    setIsBusy(false);
    if (!answer.preview) return setError(answer.error?.message ?? 'The file could not be read. Nothing was imported.');
    showPreview(step.csv, answer.preview, { columns: step.columns, choice: step.choice });
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (step.name !== 'preview') return;
    const missing = step.preview.moods.filter((m) => step.mapping[m.key] === '').map((m) => `"${m.label}"`);
    if (missing.length > 0) return setError(`Choose a mood from 1 to 10 for ${listOf(missing)}.`);
    setIsBusy(true);
    setError(null);
    const mapping = Object.fromEntries(Object.entries(step.mapping).map(([k, v]) => [k, Number(v)]));
    const mapped = step.mapped && csvMappingOf(step.mapped.choice);
    const answer = await post({ csv: step.csv, mapping, ...(mapped && 'csvMapping' in mapped ? { csvMapping: mapped.csvMapping } : {}) });
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
          {step.skipped > 0 &&
            ` ${step.skipped} ${step.skipped === 1 ? 'was' : 'were'} already here and ${step.skipped === 1 ? 'was' : 'were'} left as they are.`}
        </p>
        <p>
          <Link href={`/history?days=365&to=${step.lastDate}`} className="font-medium text-brand-700 underline underline-offset-4">
            See them in your history
          </Link>
        </p>
      </div>
    );
  }

  if (step.name === 'columns') {
    const { choice, columns } = step;
    const choose = (change: Partial<ColumnChoice>) => setStep({ ...step, choice: { ...choice, ...change } });
    const selectClass = 'min-h-11 max-w-full rounded-md border border-stone-400 bg-white px-3 py-2';
    const columnSelect = (id: string, label: string, value: string, onChange: (v: string) => void, none: string | null) => (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={selectClass}>
          <option value="">{none ?? 'Choose…'}</option>
          {columns.names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    );
    return (
      <form onSubmit={readColumns} className="flex flex-col gap-4" noValidate>
        <p>
          This file is not a Daylio or iMoodJournal export. Tell Tandem which columns hold what; you will see the first entries as Tandem
          will store them before anything is saved.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left font-medium">The file&apos;s first rows</caption>
            <thead>
              <tr>
                {columns.names.map((n) => (
                  <th key={n} scope="col" className="py-1 pr-2">
                    {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {columns.rows.map((row, i) => (
                <tr key={i} className="border-t border-stone-100">
                  {columns.names.map((n, j) => (
                    <td key={n} className="max-w-48 truncate py-1 pr-2">
                      {row[j] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <fieldset className="flex min-w-0 flex-col gap-3">
          <legend className="mb-2 font-medium">Date and time</legend>
          {columnSelect('csv-date', 'Date column', choice.dateColumn, (v) => choose({ dateColumn: v }), null)}
          <div className="flex flex-col gap-1">
            <label htmlFor="csv-date-format" className="font-medium">
              Dates are written
            </label>
            <select
              id="csv-date-format"
              value={choice.dateFormat}
              onChange={(e) => choose({ dateFormat: e.target.value as DateFormat })}
              className={selectClass}
            >
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f === 'YYYY-MM-DD'
                    ? 'year, month, day (2025-09-30)'
                    : f === 'DD/MM/YYYY'
                      ? 'day, month, year (30/09/2025)'
                      : 'month, day, year (09/30/2025)'}
                </option>
              ))}
            </select>
          </div>
          {columnSelect(
            'csv-time',
            'Time column',
            choice.timeColumn,
            (v) => choose({ timeColumn: v }),
            'None: the time is in the date column, or noon',
          )}
        </fieldset>
        <fieldset className="flex min-w-0 flex-col gap-3">
          <legend className="mb-2 font-medium">Mood</legend>
          {columnSelect('csv-mood', 'Mood column', choice.moodColumn, (v) => choose({ moodColumn: v }), null)}
          <fieldset className="flex min-w-0 flex-col gap-2">
            <legend className="font-medium">The moods are</legend>
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="csv-mood-kind"
                checked={choice.moodKind === 'numbers'}
                onChange={() => choose({ moodKind: 'numbers' })}
                className="size-5"
              />
              Numbers on a range (placed evenly on Tandem&apos;s 1 to 10)
            </label>
            {choice.moodKind === 'numbers' && (
              <div className="flex flex-wrap gap-3 pl-7">
                <div className="flex flex-col gap-1">
                  <label htmlFor="csv-min" className="text-sm font-medium">
                    Lowest mood in the file
                  </label>
                  <input
                    id="csv-min"
                    inputMode="decimal"
                    value={choice.min}
                    onChange={(e) => choose({ min: e.target.value })}
                    className="min-h-11 w-24 rounded-md border border-stone-400 px-3 py-2"
                  />
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor="csv-max" className="text-sm font-medium">
                    Highest mood in the file
                  </label>
                  <input
                    id="csv-max"
                    inputMode="decimal"
                    value={choice.max}
                    onChange={(e) => choose({ max: e.target.value })}
                    className="min-h-11 w-24 rounded-md border border-stone-400 px-3 py-2"
                  />
                </div>
              </div>
            )}
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="csv-mood-kind"
                checked={choice.moodKind === 'labels'}
                onChange={() => choose({ moodKind: 'labels' })}
                className="size-5"
              />
              Words (you give each one a mood from 1 to 10 next)
            </label>
          </fieldset>
        </fieldset>
        <fieldset className="flex min-w-0 flex-col gap-3">
          <legend className="mb-2 font-medium">Note and tags (optional)</legend>
          {columnSelect('csv-note', 'Note column', choice.noteColumn, (v) => choose({ noteColumn: v }), 'None')}
          {columnSelect('csv-tags', 'Tags column', choice.tagsColumn, (v) => choose({ tagsColumn: v }), 'None')}
          {choice.tagsColumn !== '' && (
            <div className="flex flex-col gap-1">
              <label htmlFor="csv-separator" className="font-medium">
                Tags are separated by
              </label>
              <input
                id="csv-separator"
                value={choice.tagSeparator}
                onChange={(e) => choose({ tagSeparator: e.target.value })}
                className="min-h-11 w-24 rounded-md border border-stone-400 px-3 py-2"
              />
            </div>
          )}
        </fieldset>
        {errorBox}
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={isBusy}
            className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {isBusy ? 'Reading…' : 'Show the first entries'}
          </button>
          <button
            type="button"
            onClick={startOver}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            Cancel
          </button>
        </div>
      </form>
    );
  }

  if (step.name === 'preview') {
    const { preview } = step;
    const isAllHere = preview.alreadyImported === preview.entries;
    const toAdd = preview.entries - preview.alreadyImported;
    return (
      <form onSubmit={confirm} className="flex flex-col gap-4">
        <p>
          The file holds <strong>{preview.entries}</strong> entr{preview.entries === 1 ? 'y' : 'ies'} from {dayText(preview.firstDate)} to{' '}
          {dayText(preview.lastDate)}.{' '}
          {preview.format === 'imoodjournal'
            ? 'It is an iMoodJournal export: levels are already 1 to 10 and are kept as they are; tags become tags and comments become check-in notes.'
            : preview.format === 'csv'
              ? 'It is read with the columns you chose; check the first entries below as Tandem will store them.'
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
          <fieldset className="flex min-w-0 flex-col gap-3">
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
                <th scope="col" className="py-1 pr-2">
                  Day
                </th>
                <th scope="col" className="py-1 pr-2">
                  Time
                </th>
                <th scope="col" className="py-1 pr-2">
                  Mood
                </th>
                <th scope="col" className="py-1 pr-2">
                  Tags
                </th>
                <th scope="col" className="py-1">
                  Note
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((e, i) => (
                <tr key={i} className="border-t border-stone-100">
                  <td className="py-1 pr-2">{e.localDate}</td>
                  <td className="py-1 pr-2">{e.time}</td>
                  <td className="py-1 pr-2">
                    {e.mood !== null
                      ? e.moodLabel === String(e.mood)
                        ? e.moodLabel
                        : `${e.moodLabel} → ${e.mood}`
                      : `${e.moodLabel} → ${step.mapping[e.moodLabel.trim().toLowerCase()] || '?'}`}
                  </td>
                  <td className="py-1 pr-2">{e.tags.join(', ') || '–'}</td>
                  <td className="max-w-48 truncate py-1">{e.note ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errorBox}
        <div className="flex flex-wrap gap-2">
          {!isAllHere && (
            <button
              type="submit"
              disabled={isBusy}
              className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {isBusy ? 'Importing…' : `Import ${toAdd} check-in${toAdd === 1 ? '' : 's'}`}
            </button>
          )}
          {step.mapped && (
            <button
              type="button"
              onClick={() => {
                if (step.mapped) setStep({ name: 'columns', csv: step.csv, ...step.mapped });
                setError(null);
              }}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
            >
              Back to the columns
            </button>
          )}
          <button
            type="button"
            onClick={startOver}
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
          CSV file from Daylio or iMoodJournal, or another tracker
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
          In Daylio: More → Export entries → CSV. In iMoodJournal: export your entries as CSV. From any other tracker: a CSV whose first
          line names its columns; you will choose which column holds what. You will see a preview before anything is saved. Importing the
          same file twice adds nothing.
        </p>
      </div>
      {errorBox}
      <button
        type="submit"
        disabled={isBusy}
        className="min-h-11 self-start rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60"
      >
        {isBusy ? 'Reading…' : 'Read the file'}
      </button>
    </form>
  );
}
