import type { CsvRecord } from '@/lib/csv';
import { MONTHS } from './daylio';
import { ImportFileError, readRecords, importKeyMaker, isoDate, MAX_ENTRIES, noteOf, tagsOf, type ImportFile } from './entries';

// iMoodJournal's CSV export: `"Date","Day of week","Hour","Minute","Level","LevelText","Comment"`
// followed by one column per tag holding 1 when the entry has it and 0 (or nothing) when not.
// Dates read "September 5, 2015"; the hour is 0–23; the level is already 1–10, Tandem's scale.

export const IMOODJOURNAL_COLUMNS = ['date', 'day of week', 'hour', 'minute', 'level', 'leveltext', 'comment'] as const;

/** Whether a header line is iMoodJournal's: its seven fixed columns first, in order. */
export function isIMoodJournalHeader(record: CsvRecord | undefined): boolean {
  const names = (record?.cells ?? []).slice(0, IMOODJOURNAL_COLUMNS.length).map((c) => c.trim().toLowerCase());
  return names.length === IMOODJOURNAL_COLUMNS.length && names.every((n, i) => n === IMOODJOURNAL_COLUMNS[i]);
}

/** "September 5, 2015" or "Sep 5, 2015". */
function parseDate(raw: string): string | null {
  const m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(raw.trim());
  if (!m) return null;
  const month = MONTHS.indexOf((m[1] as string).slice(0, 3).toLowerCase()) + 1;
  return month === 0 ? null : isoDate(Number(m[3]), month, Number(m[2]));
}

function wholeNumber(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : null;
}

/** Reads an iMoodJournal CSV export; any problem stops the whole file with its line. */
export function parseIMoodJournal(text: string): ImportFile {
  const records = readRecords(text);
  const header = records[0];
  if (!header || !isIMoodJournalHeader(header)) {
    throw new ImportFileError(
      'this does not look like an iMoodJournal export. The first line should start "Date","Day of week","Hour","Minute","Level","LevelText","Comment".',
      1,
    );
  }
  const width = header.cells.length;
  // iMoodJournal writes tags as #hashtags; the tag is the word.
  const tagNames = header.cells.slice(IMOODJOURNAL_COLUMNS.length).map((name) => name.trim().replace(/^#/, ''));
  const rows = records.slice(1);
  if (rows.length === 0) throw new ImportFileError('the file has a header but no entries.');
  if (rows.length > MAX_ENTRIES)
    throw new ImportFileError(`the file has ${rows.length} entries; at most ${MAX_ENTRIES} can be imported at once.`);

  const keyOf = importKeyMaker('imoodjournal');
  const entries = rows.map((r) => {
    if (r.cells.length !== width) {
      throw new ImportFileError(
        `it has ${r.cells.length} fields but the header has ${width}. A comma inside a comment may be missing its quotes.`,
        r.line,
      );
    }
    const [dateRaw = '', , hourRaw = '', minuteRaw = '', levelRaw = '', , comment = ''] = r.cells;
    const localDate = parseDate(dateRaw);
    if (!localDate) throw new ImportFileError(`the date "${dateRaw.trim()}" is not a real date like "September 5, 2015".`, r.line);
    const hour = wholeNumber(hourRaw, 0, 23);
    const minute = wholeNumber(minuteRaw, 0, 59);
    if (hour === null || minute === null) {
      throw new ImportFileError(
        `the time "${hourRaw.trim()}:${minuteRaw.trim()}" is not an hour from 0 to 23 and a minute from 0 to 59.`,
        r.line,
      );
    }
    const mood = wholeNumber(levelRaw, 1, 10);
    if (mood === null) throw new ImportFileError(`the level "${levelRaw.trim()}" is not a whole number from 1 to 10.`, r.line);
    const flags = r.cells.slice(IMOODJOURNAL_COLUMNS.length).map((c) => c.trim());
    const badFlag = flags.findIndex((f) => f !== '' && f !== '0' && f !== '1');
    if (badFlag !== -1) {
      throw new ImportFileError(`the tag column "${tagNames[badFlag]}" holds "${flags[badFlag]}"; it should be 1 (tagged) or 0.`, r.line);
    }
    const tags = tagsOf(
      tagNames.filter((_, i) => flags[i] === '1'),
      r.line,
      'tags',
    );
    const note = noteOf(comment, r.line);
    const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    const importKey = keyOf([localDate, time, mood, tags, note]);
    return { line: r.line, localDate, time, moodLabel: String(mood), mood, tags, note, importKey };
  });
  return { format: 'imoodjournal', source: 'imoodjournal_import', entries, moodLabels: [] };
}
