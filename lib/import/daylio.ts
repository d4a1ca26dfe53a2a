import { createHash } from 'node:crypto';
import { parseCsv, CsvSyntaxError, type CsvRecord } from '@/lib/csv';
import { zonedTimeToUtc } from './zoned-time';

// Daylio's CSV export: `full_date,date,weekday,time,mood,activities,note_title,note`. Real files
// may start with a UTF-8 byte-order mark, lack `note_title` (7 columns), or use an older layout
// that starts `year,date,...` with dates like "28 September". Times are 12-hour ("10:00 pm") or
// 24-hour ("18:52"). Activities are separated by " | ".

export const MAX_ENTRIES = 50_000;
const MAX_TAGS = 40;
const MAX_NOTE_LENGTH = 2000;

export class DaylioImportError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.name = 'DaylioImportError';
  }
}

export type DaylioEntry = {
  line: number;
  localDate: string;
  /** 24-hour HH:MM. */
  time: string;
  moodLabel: string;
  tags: string[];
  note: string | null;
  importKey: string;
};

export type DaylioFile = {
  layout: 'full_date' | 'year_date';
  entries: DaylioEntry[];
  /** Each distinct mood label (as first written) with how many entries use it. */
  moodLabels: { label: string; count: number }[];
};

/** Labels are matched without regard to case or surrounding spaces ("sad " is "sad"). */
export function moodKey(label: string): string {
  return label.trim().toLowerCase();
}

// Daylio's five default moods, spread evenly over Tandem's 1–10 scale with "meh" at the middle.
export const DAYLIO_DEFAULT_MOODS: Readonly<Record<string, number>> = { rad: 10, good: 8, meh: 5, bad: 3, awful: 1 };

export function suggestedMoodMapping(labels: readonly string[]): Record<string, number | null> {
  return Object.fromEntries(labels.map((label) => [moodKey(label), DAYLIO_DEFAULT_MOODS[moodKey(label)] ?? null]));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

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

type Columns = { layout: DaylioFile['layout']; index: Record<string, number>; width: number };

function readHeader(record: CsvRecord | undefined): Columns {
  const names = (record?.cells ?? []).map((c) => c.trim().toLowerCase());
  const index = Object.fromEntries(names.map((n, i) => [n, i]));
  const has = (n: string) => n in index;
  if (!record || !has('mood') || !has('time') || !has('activities') || !has('date')) {
    throw new DaylioImportError(
      'this does not look like a Daylio export. The first line should be "full_date,date,weekday,time,mood,activities,note_title,note".',
      1,
    );
  }
  if (has('full_date')) return { layout: 'full_date', index, width: names.length };
  if (has('year')) return { layout: 'year_date', index, width: names.length };
  throw new DaylioImportError('the header names no "full_date" or "year" column, so the dates cannot be read.', 1);
}

/**
 * Reads a Daylio CSV export. Any problem stops the whole file with a message naming the line,
 * so an import is all or nothing.
 */
export function parseDaylio(text: string): DaylioFile {
  let records: CsvRecord[];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new DaylioImportError(error.message.replace(/^Line \d+: /, ''), error.line);
    throw error;
  }
  const columns = readHeader(records[0]);
  const rows = records.slice(1);
  if (rows.length === 0) throw new DaylioImportError('the file has a header but no entries.');
  if (rows.length > MAX_ENTRIES) throw new DaylioImportError(`the file has ${rows.length} entries; at most ${MAX_ENTRIES} can be imported at once.`);

  const cell = (r: CsvRecord, name: string) => {
    const i = columns.index[name];
    return i === undefined ? '' : (r.cells[i] ?? '');
  };
  const seen = new Map<string, number>();
  const labels = new Map<string, { label: string; count: number }>();
  const entries = rows.map((r): DaylioEntry => {
    if (r.cells.length !== columns.width) {
      throw new DaylioImportError(`it has ${r.cells.length} fields but the header has ${columns.width}. A comma inside a note may be missing its quotes.`, r.line);
    }
    const localDate =
      columns.layout === 'full_date' ? parseFullDate(cell(r, 'full_date')) : parseYearAndDay(cell(r, 'year'), cell(r, 'date'));
    if (!localDate) {
      const shown = columns.layout === 'full_date' ? cell(r, 'full_date') : `${cell(r, 'date')} ${cell(r, 'year')}`;
      throw new DaylioImportError(`the date "${shown.trim()}" is not a real date.`, r.line);
    }
    const time = parseTime(cell(r, 'time'));
    if (!time) throw new DaylioImportError(`the time "${cell(r, 'time').trim()}" is not a time like 18:52 or 6:52 pm.`, r.line);
    const moodLabel = cell(r, 'mood').trim();
    if (moodLabel === '') throw new DaylioImportError('the mood is empty.', r.line);
    const tags = [...new Map(cell(r, 'activities').split('|').map((t) => t.trim()).filter((t) => t !== '').map((t) => [t.toLowerCase(), t])).values()];
    if (tags.length > MAX_TAGS) throw new DaylioImportError(`it has ${tags.length} activities; a check-in holds at most ${MAX_TAGS}.`, r.line);
    const title = cell(r, 'note_title').trim();
    const body = cell(r, 'note').trim();
    const note = [title, body].filter((t) => t !== '').join('\n') || null;
    if (note && note.length > MAX_NOTE_LENGTH) {
      throw new DaylioImportError(`the note is ${note.length} characters long; a check-in note holds at most ${MAX_NOTE_LENGTH}.`, r.line);
    }

    const label = labels.get(moodKey(moodLabel));
    if (label) label.count += 1;
    else labels.set(moodKey(moodLabel), { label: moodLabel, count: 1 });

    // The key depends on the entry's content only (not on the mood mapping chosen), so
    // importing the same file again, with any mapping, adds nothing. Identical entries in one
    // file are told apart by their order of appearance.
    const content = JSON.stringify([localDate, time, moodKey(moodLabel), tags, note]);
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    const importKey = `daylio:${createHash('sha256').update(`${content}#${occurrence}`).digest('hex').slice(0, 32)}`;
    return { line: r.line, localDate, time, moodLabel, tags, note, importKey };
  });
  return { layout: columns.layout, entries, moodLabels: [...labels.values()] };
}

export type ImportedCheckIn = {
  localDate: string;
  recordedAt: Date;
  mood: number;
  tags: string[];
  note: string | null;
  importKey: string;
};

/** The check-ins a parsed file becomes under a mood mapping; every label must be mapped to 1–10. */
export function checkInsFromDaylio(file: DaylioFile, mapping: Readonly<Record<string, number>>, timeZone: string): ImportedCheckIn[] {
  for (const { label } of file.moodLabels) {
    const mood = mapping[moodKey(label)];
    if (mood === undefined || !Number.isInteger(mood) || mood < 1 || mood > 10) {
      throw new DaylioImportError(`choose a mood from 1 to 10 for "${label}".`);
    }
  }
  return file.entries.map((e) => ({
    localDate: e.localDate,
    recordedAt: zonedTimeToUtc(e.localDate, e.time, timeZone),
    mood: mapping[moodKey(e.moodLabel)] as number,
    tags: e.tags,
    note: e.note,
    importKey: e.importKey,
  }));
}

export type DaylioPreview = {
  entries: number;
  firstDate: string;
  lastDate: string;
  moods: { label: string; key: string; count: number; suggested: number | null }[];
  sample: { localDate: string; time: string; moodLabel: string; tags: string[] }[];
};

/** What the person checks before importing: the size, the dates, the moods to map and a few entries. */
export function previewOf(file: DaylioFile): DaylioPreview {
  const dates = file.entries.map((e) => e.localDate).sort();
  const suggested = suggestedMoodMapping(file.moodLabels.map((l) => l.label));
  return {
    entries: file.entries.length,
    firstDate: dates[0] ?? '',
    lastDate: dates.at(-1) ?? '',
    moods: file.moodLabels.map((l) => ({ ...l, key: moodKey(l.label), suggested: suggested[moodKey(l.label)] ?? null })),
    sample: file.entries.slice(0, 5).map((e) => ({ localDate: e.localDate, time: e.time, moodLabel: e.moodLabel, tags: e.tags })),
  };
}
