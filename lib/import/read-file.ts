import { parseCsv } from '@/lib/csv';
import { parseDaylio, suggestedMoodMapping } from './daylio';
import { moodKey, type ImportFile, type ImportFormat } from './entries';
import { isIMoodJournalHeader, parseIMoodJournal } from './imoodjournal';

/** Reads a tracker's CSV export, recognising iMoodJournal by its header and Daylio otherwise. */
export function readImportFile(text: string): ImportFile {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.trim() === '' ? undefined : safeFirstRecord(firstLine);
  return isIMoodJournalHeader(header) ? parseIMoodJournal(text) : parseDaylio(text);
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
  sample: { localDate: string; time: string; moodLabel: string; tags: string[] }[];
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
    sample: file.entries.slice(0, 5).map((e) => ({ localDate: e.localDate, time: e.time, moodLabel: e.moodLabel, tags: e.tags })),
  };
}
