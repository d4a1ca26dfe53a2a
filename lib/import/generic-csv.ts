import type { CsvRecord } from '@/lib/csv';
import { parseTime } from './daylio';
import type { DateFormat } from './date-formats';
import {
  countLabels,
  ImportFileError,
  importKeyMaker,
  readRecords,
  isoDate,
  MAX_ENTRIES,
  noteOf,
  tagsOf,
  type ImportFile,
} from './entries';

// Any other tracker's CSV, read through a mapping the person chooses: which column holds the
// date (and in which order day, month and year are written), the time if any, the mood (numbers
// on a range, or labels mapped one by one later as Daylio's are), and optionally a note and tags.

export type MoodScale = { kind: 'numbers'; min: number; max: number } | { kind: 'labels' };

export type CsvMapping = {
  /** Column names as written in the header line. */
  dateColumn: string;
  dateFormat: DateFormat;
  /** A column holding the time; without one, a time after the date in its cell, else noon. */
  timeColumn: string | null;
  moodColumn: string;
  moodScale: MoodScale;
  noteColumn: string | null;
  tagsColumn: string | null;
  /** What separates tags in the tags column, such as "," or "|". */
  tagSeparator: string;
};

/** Entries without a time of day are placed at noon, away from both ends of the local day. */
const DEFAULT_TIME = '12:00';

/**
 * A number on the file's range [min, max] placed linearly on Tandem's 1–10 and rounded to the
 * nearest whole mood: mood = round(1 + (value − min) × 9 / (max − min)). So on 1–5, 3 is 5.5 → 6;
 * on 0–10, 0 is 1 and 10 is 10. Halves round up (Math.round).
 */
export function moodOnTandemScale(value: number, min: number, max: number): number {
  return Math.round(1 + ((value - min) * 9) / (max - min));
}

/** A CSV that is no tracker Tandem knows: the person maps its columns first. */
export class CsvMappingNeeded extends ImportFileError {
  constructor(
    readonly columns: string[],
    /** The first few rows as written, to help the person recognise the columns. */
    readonly rows: string[][],
  ) {
    super(
      `this does not look like a Daylio export or an iMoodJournal export. Choose which of its columns hold the date and the mood: ${columns.map((c) => `"${c}"`).join(', ')}.`,
    );
    this.name = 'CsvMappingNeeded';
  }
}

/** Asks for a mapping of any CSV with a header line, showing its columns and first rows. */
export function mappingNeeded(text: string): CsvMappingNeeded {
  const columns = csvColumns(text);
  const rows = readRecords(text)
    .slice(1, 4)
    .map((r) => r.cells.map((c) => c.trim()));
  return new CsvMappingNeeded(columns, rows);
}

/** The column names of a CSV's header line, for the person to map. */
export function csvColumns(text: string): string[] {
  const header = readRecords(text)[0];
  if (!header || header.cells.every((c) => c.trim() === ''))
    throw new ImportFileError('the file is empty; its first line should name its columns.', 1);
  return header.cells.map((c) => c.trim());
}

const DATE_PATTERN = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T]+(.+))?$/;

/** A date in the chosen order, with a time after it when the cell holds both. */
function parseDate(raw: string, format: DateFormat): { localDate: string; time: string | null } | null {
  const m = DATE_PATTERN.exec(raw.trim());
  if (!m) return null;
  const [a, b, c] = [m[1], m[2], m[3]] as [string, string, string];
  const [year, month, day] = format === 'YYYY-MM-DD' ? [a, b, c] : format === 'DD/MM/YYYY' ? [c, b, a] : [c, a, b];
  if (year.length !== 4) return null;
  const localDate = isoDate(Number(year), Number(month), Number(day));
  if (!localDate) return null;
  if (m[4] === undefined) return { localDate, time: null };
  const time = parseTime(m[4].replace(/(?:Z|[+-]\d{2}:?\d{2})$/, ''));
  return time ? { localDate, time } : null;
}

type ColumnIndex = Record<'date' | 'time' | 'mood' | 'note' | 'tags', number | null>;

function checkMapping(mapping: CsvMapping, columns: readonly string[]): ColumnIndex {
  const problems: string[] = [];
  const indexOfColumn = (name: string | null, what: string): number | null => {
    if (name === null) return null;
    const i = columns.findIndex((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (i === -1) problems.push(`the ${what} column "${name}" is not in the file`);
    return i === -1 ? null : i;
  };
  const index: ColumnIndex = {
    date: indexOfColumn(mapping.dateColumn, 'date'),
    time: indexOfColumn(mapping.timeColumn, 'time'),
    mood: indexOfColumn(mapping.moodColumn, 'mood'),
    note: indexOfColumn(mapping.noteColumn, 'note'),
    tags: indexOfColumn(mapping.tagsColumn, 'tags'),
  };
  const scale = mapping.moodScale;
  if (scale.kind === 'numbers' && !(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.min < scale.max)) {
    problems.push(`the mood range ${scale.min} to ${scale.max} is not a range: the lowest must be below the highest`);
  }
  if (mapping.tagsColumn !== null && mapping.tagSeparator === '') problems.push('the tags need a separator, such as a comma');
  if (problems.length > 0)
    throw new ImportFileError(`${problems.join('; ')}. The file's columns are ${columns.map((c) => `"${c}"`).join(', ')}.`);
  return index;
}

/**
 * Reads a CSV through the person's mapping. Every row's problems are gathered, one line each, so
 * the error names every kind of problem at once; any problem stops the whole file.
 */
export function parseGenericCsv(text: string, mapping: CsvMapping): ImportFile {
  const records = readRecords(text);
  const columns = csvColumns(text);
  const index = checkMapping(mapping, columns);
  const rows = records.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw new ImportFileError('the file has a header but no entries.');
  if (rows.length > MAX_ENTRIES)
    throw new ImportFileError(`the file has ${rows.length} entries; at most ${MAX_ENTRIES} can be imported at once.`);

  const cell = (r: CsvRecord, i: number | null) => (i === null ? '' : (r.cells[i] ?? '').trim());
  const keyOf = importKeyMaker('csv');
  const scale = mapping.moodScale;
  const problems: string[] = [];
  const entries: ImportFile['entries'] = [];
  for (const r of rows) {
    try {
      if (r.cells.length !== columns.length) {
        throw new ImportFileError(
          `it has ${r.cells.length} fields but the header has ${columns.length}. A comma inside a note may be missing its quotes.`,
          r.line,
        );
      }
      const dateRaw = cell(r, index.date);
      const date = parseDate(dateRaw, mapping.dateFormat);
      if (!date) throw new ImportFileError(`the date "${dateRaw}" is not a real date written ${mapping.dateFormat}.`, r.line);
      let time = date.time ?? DEFAULT_TIME;
      if (index.time !== null && cell(r, index.time) !== '') {
        const parsed = parseTime(cell(r, index.time));
        if (!parsed) throw new ImportFileError(`the time "${cell(r, index.time)}" is not a time like 18:52 or 6:52 pm.`, r.line);
        time = parsed;
      }
      const moodLabel = cell(r, index.mood);
      if (moodLabel === '') throw new ImportFileError('the mood is empty.', r.line);
      let mood: number | null = null;
      if (scale.kind === 'numbers') {
        const value = /^-?\d+(?:\.\d+)?$/.test(moodLabel) ? Number(moodLabel) : NaN;
        if (!(value >= scale.min && value <= scale.max)) {
          throw new ImportFileError(`the mood "${moodLabel}" is not a number from ${scale.min} to ${scale.max}.`, r.line);
        }
        mood = moodOnTandemScale(value, scale.min, scale.max);
      }
      const tags = tagsOf(index.tags === null ? [] : cell(r, index.tags).split(mapping.tagSeparator), r.line, 'tags');
      const note = noteOf(index.note === null ? '' : (r.cells[index.note] ?? ''), r.line);
      const importKey = keyOf([date.localDate, time, moodLabel, tags, note]);
      entries.push({ line: r.line, localDate: date.localDate, time, moodLabel, mood, tags, note, importKey });
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new ImportFileError(summaryOf(problems));
  return {
    format: 'csv',
    source: 'csv_import',
    entries,
    moodLabels: scale.kind === 'labels' ? countLabels(entries.map((e) => e.moodLabel)) : [],
  };
}

/** The first few problems in full, then how many more; each kind of problem shown at least once. */
function summaryOf(problems: readonly string[]): string {
  const kindOf = (p: string) => p.replace(/^Line \d+: /, '').replace(/"[^"]*"/g, '""');
  const shown = new Map<string, string>();
  for (const p of problems) if (!shown.has(kindOf(p))) shown.set(kindOf(p), p);
  const first = [...new Set([...problems.slice(0, 5), ...shown.values()])];
  const more = problems.length - first.length;
  return `${first.join(' ')}${more > 0 ? ` And ${more} more ${more === 1 ? 'row' : 'rows'} with problems like these.` : ''}`;
}
