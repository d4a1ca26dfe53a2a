import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInsFromFile, ImportFileError } from './entries';
import { csvColumns, moodOnTandemScale, parseGenericCsv, type CsvMapping } from './generic-csv';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'test-data', name), 'utf8');

const numbers: CsvMapping = {
  dateColumn: 'Day',
  dateFormat: 'DD/MM/YYYY',
  timeColumn: 'At',
  moodColumn: 'Score',
  moodScale: { kind: 'numbers', min: 1, max: 5 },
  noteColumn: 'Diary',
  tagsColumn: 'Labels',
  tagSeparator: '|',
};

const labels: CsvMapping = {
  dateColumn: 'timestamp',
  dateFormat: 'YYYY-MM-DD',
  timeColumn: null,
  moodColumn: 'feeling',
  moodScale: { kind: 'labels' },
  noteColumn: 'comment',
  tagsColumn: null,
  tagSeparator: ',',
};

const bad: CsvMapping = {
  ...labels,
  dateColumn: 'date',
  dateFormat: 'MM/DD/YYYY',
  moodColumn: 'mood',
  noteColumn: 'note',
  moodScale: { kind: 'numbers', min: 0, max: 10 },
};

describe('moodOnTandemScale', () => {
  it('places a range linearly on 1–10 and rounds', () => {
    expect([1, 2, 3, 4, 5].map((v) => moodOnTandemScale(v, 1, 5))).toEqual([1, 3, 6, 8, 10]);
    expect([0, 5, 10].map((v) => moodOnTandemScale(v, 0, 10))).toEqual([1, 6, 10]);
    expect(moodOnTandemScale(7, 1, 10)).toBe(7);
  });
});

describe('parseGenericCsv', () => {
  it('lists the header columns to map', () => {
    expect(csvColumns(fixture('generic-numbers.csv'))).toEqual(['Day', 'At', 'Score', 'Diary', 'Labels']);
  });

  it('reads numbers on a range, day-first dates, a time column, notes and separated tags', () => {
    const file = parseGenericCsv(fixture('generic-numbers.csv'), numbers);
    expect(file).toMatchObject({ format: 'csv', source: 'csv_import', moodLabels: [] });
    expect(file.entries.map(({ importKey: _key, ...e }) => e)).toEqual([
      {
        line: 2,
        localDate: '2025-09-05',
        time: '08:30',
        moodLabel: '1',
        mood: 1,
        tags: ['sleep', 'work'],
        note: 'Rough night, woke early',
      },
      { line: 3, localDate: '2025-09-06', time: '12:00', moodLabel: '3', mood: 6, tags: [], note: null },
      { line: 4, localDate: '2025-09-07', time: '21:15', moodLabel: '5', mood: 10, tags: ['Walk', 'friends'], note: 'Walk by the river' },
    ]);
  });

  it('reads a combined date-time and labels the person maps one by one', () => {
    const file = parseGenericCsv(fixture('generic-labels.csv'), labels);
    expect(file.moodLabels).toEqual([
      { label: 'Good', count: 2 },
      { label: 'meh', count: 1 },
    ]);
    expect(file.entries.map((e) => [e.localDate, e.time, e.mood, e.note])).toEqual([
      ['2025-09-05', '18:52', null, null],
      ['2025-09-06', '19:10', null, 'Tired'],
      ['2025-09-07', '09:00', null, 'Said "hi" to a neighbour'],
    ]);
    const checkIns = checkInsFromFile(file, { good: 8, meh: 4 }, 'UTC');
    expect(checkIns.map((c) => [c.mood, c.recordedAt.toISOString()])).toEqual([
      [8, '2025-09-05T18:52:00.000Z'],
      [4, '2025-09-06T19:10:00.000Z'],
      [8, '2025-09-07T09:00:00.000Z'],
    ]);
  });

  it('refuses an unknown label left without a mood', () => {
    const file = parseGenericCsv(fixture('generic-labels.csv'), labels);
    expect(() => checkInsFromFile(file, { good: 8 }, 'UTC')).toThrow('choose a mood from 1 to 10 for "meh".');
  });

  it('gives the same keys to the same content, whatever the mapping', () => {
    const text = fixture('generic-numbers.csv');
    const keys = (m: CsvMapping) => parseGenericCsv(text, m).entries.map((e) => e.importKey);
    expect(keys({ ...numbers, moodScale: { kind: 'numbers', min: 0, max: 5 } })).toEqual(keys(numbers));
    expect(new Set(keys(numbers)).size).toBe(3);
  });

  it('names every problem with its line: a bad date, an out-of-range number, a missing mood, a word for a number', () => {
    let error: unknown;
    try {
      parseGenericCsv(fixture('generic-bad.csv'), bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportFileError);
    const message = (error as Error).message;
    expect(message).toContain('Line 2: the date "09/31/2025" is not a real date written MM/DD/YYYY.');
    expect(message).toContain('Line 3: the mood "11" is not a number from 0 to 10.');
    expect(message).toContain('Line 4: the mood is empty.');
    expect(message).toContain('Line 5: the mood "seven" is not a number from 0 to 10.');
    expect(message).not.toContain('Line 6');
    expect(message).not.toContain('more rows');
  });

  it('shows the first five problems, one of each kind, and counts the rest', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `2025-01-0${i + 1},11`);
    const message = (() => {
      try {
        parseGenericCsv(`date,mood\n${rows.join('\n')}\n2025-13-01,3\n`, { ...bad, dateFormat: 'YYYY-MM-DD', noteColumn: null });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message.match(/Line \d+:/g)).toEqual(['Line 2:', 'Line 3:', 'Line 4:', 'Line 5:', 'Line 6:', 'Line 10:']);
    expect(message).toContain('Line 10: the date "2025-13-01" is not a real date written YYYY-MM-DD.');
    expect(message).toMatch(/ And 3 more rows with problems like these\.$/);
  });

  it('refuses a mapping naming columns the file lacks, or a range that is not one', () => {
    const text = fixture('generic-numbers.csv');
    expect(() => parseGenericCsv(text, { ...numbers, moodColumn: 'Mood' })).toThrow(
      'the mood column "Mood" is not in the file. The file\'s columns are "Day", "At", "Score", "Diary", "Labels".',
    );
    expect(() => parseGenericCsv(text, { ...numbers, moodScale: { kind: 'numbers', min: 5, max: 1 } })).toThrow(
      'the mood range 5 to 1 is not a range',
    );
  });

  it('refuses a date in the other order, or a short row', () => {
    expect(() => parseGenericCsv(fixture('generic-numbers.csv'), { ...numbers, dateFormat: 'YYYY-MM-DD' })).toThrow(
      'Line 2: the date "05/09/2025" is not a real date written YYYY-MM-DD.',
    );
    expect(() => parseGenericCsv('date,mood\n2025-01-01\n', { ...bad, dateFormat: 'YYYY-MM-DD', noteColumn: null })).toThrow(
      'Line 2: it has 1 fields but the header has 2.',
    );
  });

  it('reads ten years of daily entries', () => {
    const start = Date.UTC(2015, 0, 1);
    const rows = Array.from(
      { length: 3653 },
      (_, i) => `${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},${(i % 10) + 1},day ${i}`,
    );
    const text = `date,mood,note\n${rows.join('\n')}\n`;
    const file = parseGenericCsv(text, { ...bad, dateFormat: 'YYYY-MM-DD' });
    expect(file.entries).toHaveLength(3653);
    expect(file.entries.at(-1)?.localDate).toBe('2024-12-31');
  });
});
