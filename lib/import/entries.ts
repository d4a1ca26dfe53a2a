import { createHash } from 'node:crypto';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '@/lib/csv';
import { instantOf } from '@/lib/dates';

// What every tracker's file becomes before it is imported: dated entries with a mood (a number
// on Tandem's 1–10 scale, or a label the person maps to one), tags, a note and a key that
// depends on the entry's content only.

export const MAX_ENTRIES = 50_000;
export const MAX_TAGS = 40;
export const MAX_NOTE_LENGTH = 2000;

export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.name = 'ImportFileError';
  }
}

/** The rows of an export file (a byte-order mark dropped); a CSV syntax error stops it with its line. */
export function readRecords(text: string): CsvRecord[] {
  try {
    return parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportFileError(error.message.replace(/^Line \d+: /, ''), error.line);
    throw error;
  }
}

export type ImportFormat = 'daylio' | 'daylio-headerless' | 'imoodjournal' | 'csv';
export type ImportSource = 'daylio_import' | 'imoodjournal_import' | 'csv_import';

export type ImportEntry = {
  line: number;
  localDate: string;
  /** 24-hour HH:MM. */
  time: string;
  /** As written in the file: a label to map, or the number itself when the file uses 1–10. */
  moodLabel: string;
  /** Set when the file's own scale is Tandem's 1–10, so no mapping is needed. */
  mood: number | null;
  tags: string[];
  note: string | null;
  importKey: string;
};

export type ImportFile = {
  format: ImportFormat;
  source: ImportSource;
  entries: ImportEntry[];
  /** Each distinct mood label needing a mapping (as first written), with how many entries use it. */
  moodLabels: { label: string; count: number }[];
};

/** Labels are matched without regard to case or surrounding spaces ("sad " is "sad"). */
export function moodKey(label: string): string {
  return label.trim().toLowerCase();
}

/** Counts each distinct label (by key) in order of first appearance. */
export function countLabels(labels: readonly string[]): ImportFile['moodLabels'] {
  const counts = new Map<string, { label: string; count: number }>();
  for (const label of labels) {
    const seen = counts.get(moodKey(label));
    if (seen) seen.count += 1;
    else counts.set(moodKey(label), { label, count: 1 });
  }
  return [...counts.values()];
}

/**
 * Import keys for a file's entries. A key depends on the entry's content only (not on the mood
 * mapping chosen), so importing the same file again, with any mapping, adds nothing. Identical
 * entries in one file are told apart by their order of appearance.
 */
export function importKeyMaker(prefix: string): (content: unknown[]) => string {
  const seen = new Map<string, number>();
  return (content) => {
    const text = JSON.stringify(content);
    const occurrence = (seen.get(text) ?? 0) + 1;
    seen.set(text, occurrence);
    return `${prefix}:${createHash('sha256').update(`${text}#${occurrence}`).digest('hex').slice(0, 32)}`;
  };
}

/** A note as stored: trimmed, null when empty, refused (with its line) when too long. */
export function noteOf(text: string, line: number): string | null {
  const note = text.trim() || null;
  if (note && note.length > MAX_NOTE_LENGTH) {
    throw new ImportFileError(`the note is ${note.length} characters long; a check-in note holds at most ${MAX_NOTE_LENGTH}.`, line);
  }
  return note;
}

/** Tags without blanks or repeats (ignoring case), refused (with the line) past a check-in's limit. */
export function tagsOf(raw: readonly string[], line: number, what: string): string[] {
  const tags = [
    ...new Map(
      raw
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .map((t) => [t.toLowerCase(), t]),
    ).values(),
  ];
  if (tags.length > MAX_TAGS) throw new ImportFileError(`it has ${tags.length} ${what}; a check-in holds at most ${MAX_TAGS}.`, line);
  return tags;
}

export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export type ImportedCheckIn = {
  localDate: string;
  recordedAt: Date;
  mood: number;
  tags: string[];
  note: string | null;
  importKey: string;
};

const isMood = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 1 && n <= 10;

/** "a", "a and b", "a, b and c". */
function listOf(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The check-ins a parsed file becomes under a mood mapping. Every label needing one must be
 * mapped to 1–10; the error names all that are not.
 */
export function checkInsFromFile(file: ImportFile, mapping: Readonly<Record<string, number>>, timeZone: string): ImportedCheckIn[] {
  const unmapped = file.moodLabels.filter(({ label }) => !isMood(mapping[moodKey(label)])).map(({ label }) => `"${label}"`);
  if (unmapped.length > 0) throw new ImportFileError(`choose a mood from 1 to 10 for ${listOf(unmapped)}.`);
  return file.entries.map((e) => ({
    localDate: e.localDate,
    recordedAt: instantOf(e.localDate, e.time, timeZone),
    mood: e.mood ?? (mapping[moodKey(e.moodLabel)] as number),
    tags: e.tags,
    note: e.note,
    importKey: e.importKey,
  }));
}
