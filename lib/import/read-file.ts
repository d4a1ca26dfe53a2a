import { parseCsv } from '@/lib/csv';
import { isDaylioFirstLine, parseDaylio, suggestedMoodMapping } from './daylio';
import { moodKey, type ImportFile, type ImportFormat } from './entries';
import { mappingNeeded, parseGenericCsv, type CsvMapping } from './generic-csv';
import { isIMoodJournalHeader, parseIMoodJournal } from './imoodjournal';

/**
 * Reads a tracker's CSV export, recognising iMoodJournal and Daylio by their first line. Any
 * other CSV is read through the person's mapping; without one, `CsvMappingNeeded` names its
 * columns so they can choose.
 */
export function readImportFile(text: string, csvMapping?: CsvMapping): ImportFile {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.trim() === '' ? undefined : safeFirstRecord(firstLine);
  if (isIMoodJournalHeader(header)) return parseIMoodJournal(text);
  if (header === undefined || isDaylioFirstLine(header)) return parseDaylio(text);
  if (csvMapping) return parseGenericCsv(text, csvMapping);
  throw mappingNeeded(text);
}

function safeFirstRecord(line: string) {
  try {
    return parseCsv(line)[0];
  } catch {
    return undefined;
  }
}

export type ImportPreview = {
  format: ImportFormat;
  entries: number;
  firstDate: string;
  lastDate: string;
  /** How many of the file's entries are already in Tandem (imported before). */
  alreadyImported: number;
  moods: { label: string; key: string; count: number; suggested: number | null }[];
  /** The first entries as Tandem will store them (`mood` is null while its label awaits a mapping). */
  sample: { localDate: string; time: string; moodLabel: string; mood: number | null; tags: string[]; note: string | null }[];
};

/**
 * What the person checks before importing: the size, the dates, how much is already here, the
 * moods to map (suggested from their own last mapping, else Daylio's defaults) and a few entries.
 */
export function previewOf(
  file: ImportFile,
  known: { alreadyImported: number; rememberedMoods: Readonly<Record<string, number>> } = { alreadyImported: 0, rememberedMoods: {} },
): ImportPreview {
  const dates = file.entries.map((e) => e.localDate).sort();
  const defaults = suggestedMoodMapping(file.moodLabels.map((l) => l.label));
  return {
    format: file.format,
    entries: file.entries.length,
    firstDate: dates[0] ?? '',
    lastDate: dates.at(-1) ?? '',
    alreadyImported: known.alreadyImported,
    moods: file.moodLabels.map((l) => {
      const key = moodKey(l.label);
      return { ...l, key, suggested: known.rememberedMoods[key] ?? defaults[key] ?? null };
    }),
    sample: file.entries
      .slice(0, 5)
      .map((e) => ({ localDate: e.localDate, time: e.time, moodLabel: e.moodLabel, mood: e.mood, tags: e.tags, note: e.note })),
  };
}
