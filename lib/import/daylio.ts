import type { CsvRecord } from '@/lib/csv';
import {
  countLabels,
  ImportFileError,
  readRecords,
  importKeyMaker,
  isoDate,
  MAX_ENTRIES,
  moodKey,
  noteOf,
  tagsOf,
  type ImportFile,
} from './entries';

// Daylio's CSV export: `full_date,date,weekday,time,mood,activities,note_title,note`. Real files
// may start with a UTF-8 byte-order mark, lack `note_title` (7 columns), lack the header line
// altogether (some versions and locales), or use an older layout that starts `year,date,...`
// with dates like "28 September". The `date` and `weekday` columns follow the phone's language
// ("16 de octubre", "viernes"), so only the ISO `full_date` is read when there is one. Times are
// 12-hour ("10:00 pm", "10:00 p. m.") or 24-hour ("18:52"). Activities are separated by " | ".

export type DaylioFile = ImportFile & { layout: 'full_date' | 'year_date' | 'headerless' };

// Daylio's five default moods, spread evenly over Tandem's 1–10 scale with "meh" at the middle.
export const DAYLIO_DEFAULT_MOODS: Readonly<Record<string, number>> = { rad: 10, good: 8, meh: 5, bad: 3, awful: 1 };

export function suggestedMoodMapping(labels: readonly string[]): Record<string, number | null> {
  return Object.fromEntries(labels.map((label) => [moodKey(label), DAYLIO_DEFAULT_MOODS[moodKey(label)] ?? null]));
}

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parseFullDate(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The older layout: a year column and a day like "28 September", "September 28" or "Sep 28". */
function parseYearAndDay(yearRaw: string, dayRaw: string): string | null {
  if (!/^\d{4}$/.test(yearRaw.trim())) return null;
  const text = dayRaw.trim().toLowerCase().replace(',', '');
  const m = /^(\d{1,2})\s+([a-z]+)$/.exec(text) ?? /^([a-z]+)\s+(\d{1,2})$/.exec(text);
  if (!m) return null;
  const [dayText, monthText] = /^\d/.test(m[1] as string) ? [m[1], m[2]] : [m[2], m[1]];
  const month = MONTHS.indexOf((monthText as string).slice(0, 3)) + 1;
  if (month === 0) return null;
  return isoDate(Number(yearRaw), month, Number(dayText));
}

/** "10:00 pm", "8:13 AM", "18:52" or "18:52:07" as 24-hour HH:MM. */
export function parseTime(raw: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap])?\.?\s*(m\.?)?$/i.exec(raw.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59) return null;
  const meridiem = m[3]?.toLowerCase();
  if (meridiem) {
    if (!m[4] || hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (m[4] || hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

type Columns = { layout: DaylioFile['layout']; index: Record<string, number>; width: number; hasHeader: boolean };

const STANDARD_COLUMNS = ['full_date', 'date', 'weekday', 'time', 'mood', 'activities', 'note_title', 'note'];
const indexOf = (names: readonly string[]) => Object.fromEntries(names.map((n, i) => [n, i]));

const hasDaylioColumns = (names: readonly string[]) => ['mood', 'time', 'activities', 'date'].every((n) => names.includes(n));
const namesOf = (record: CsvRecord | undefined) => (record?.cells ?? []).map((c) => c.trim().toLowerCase());
/** Without its header line: the standard columns, the first being an ISO date. */
const isHeaderless = (record: CsvRecord | undefined) =>
  !!record && !!parseFullDate(record.cells[0] ?? '') && (record.cells.length === 8 || record.cells.length === 7);

/** Whether a file's first line is a Daylio header, or a Daylio entry of a file without one. */
export function isDaylioFirstLine(record: CsvRecord | undefined): boolean {
  return hasDaylioColumns(namesOf(record)) || isHeaderless(record);
}

function readHeader(record: CsvRecord | undefined): Columns {
  const names = namesOf(record);
  const index = indexOf(names);
  const has = (n: string) => n in index;
  if (record && hasDaylioColumns(names)) {
    if (has('full_date')) return { layout: 'full_date', index, width: names.length, hasHeader: true };
    if (has('year')) return { layout: 'year_date', index, width: names.length, hasHeader: true };
    throw new ImportFileError('the header names no "full_date" or "year" column, so the dates cannot be read.', 1);
  }
  if (isHeaderless(record)) {
    const columns = names.length === 8 ? STANDARD_COLUMNS : STANDARD_COLUMNS.filter((c) => c !== 'note_title');
    return { layout: 'headerless', index: indexOf(columns), width: names.length, hasHeader: false };
  }
  throw new ImportFileError(
    'this does not look like a Daylio export or an iMoodJournal export. A Daylio export starts "full_date,date,weekday,time,mood,activities,note_title,note".',
    1,
  );
}

/**
 * Reads a Daylio CSV export. Any problem stops the whole file with a message naming the line,
 * so an import is all or nothing.
 */
export function parseDaylio(text: string): DaylioFile {
  const records = readRecords(text);
  const columns = readHeader(records[0]);
  const rows = columns.hasHeader ? records.slice(1) : records;
  if (rows.length === 0) throw new ImportFileError('the file has a header but no entries.');
  if (rows.length > MAX_ENTRIES)
    throw new ImportFileError(`the file has ${rows.length} entries; at most ${MAX_ENTRIES} can be imported at once.`);

  const cell = (r: CsvRecord, name: string) => {
    const i = columns.index[name];
    return i === undefined ? '' : (r.cells[i] ?? '');
  };
  // With or without the header line, the same entries get the same keys.
  const keyOf = importKeyMaker('daylio');
  const entries = rows.map((r) => {
    if (r.cells.length !== columns.width) {
      const expected = columns.hasHeader ? `the header has ${columns.width}` : `the first line has ${columns.width}`;
      throw new ImportFileError(
        `it has ${r.cells.length} fields but ${expected}. A comma inside a note may be missing its quotes.`,
        r.line,
      );
    }
    const localDate =
      columns.layout === 'year_date' ? parseYearAndDay(cell(r, 'year'), cell(r, 'date')) : parseFullDate(cell(r, 'full_date'));
    if (!localDate) {
      const shown = columns.layout === 'year_date' ? `${cell(r, 'date')} ${cell(r, 'year')}` : cell(r, 'full_date');
      throw new ImportFileError(`the date "${shown.trim()}" is not a real date.`, r.line);
    }
    const time = parseTime(cell(r, 'time'));
    if (!time) throw new ImportFileError(`the time "${cell(r, 'time').trim()}" is not a time like 18:52 or 6:52 pm.`, r.line);
    const moodLabel = cell(r, 'mood').trim();
    if (moodLabel === '') throw new ImportFileError('the mood is empty.', r.line);
    const tags = tagsOf(cell(r, 'activities').split('|'), r.line, 'activities');
    const note = noteOf([cell(r, 'note_title').trim(), cell(r, 'note').trim()].filter((t) => t !== '').join('\n'), r.line);
    const importKey = keyOf([localDate, time, moodKey(moodLabel), tags, note]);
    return { line: r.line, localDate, time, moodLabel, mood: null, tags, note, importKey };
  });
  return {
    format: columns.hasHeader ? 'daylio' : 'daylio-headerless',
    source: 'daylio_import',
    layout: columns.layout,
    entries,
    moodLabels: countLabels(entries.map((e) => e.moodLabel)),
  };
}
