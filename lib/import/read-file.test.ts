import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDaylio } from './daylio';
import { checkInsFromFile, ImportFileError } from './entries';
import { parseIMoodJournal } from './imoodjournal';
import { CsvMappingNeeded, type CsvMapping } from './generic-csv';
import { previewOf, readImportFile } from './read-file';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./test-data/${name}`, import.meta.url)), 'utf8');
const daylioSample = readFileSync(fileURLToPath(new URL('../../../shared/data/daylio/sample.csv', import.meta.url)), 'utf8');

function errorOf(read: () => unknown): ImportFileError {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('Daylio without its header line, in Spanish', () => {
  it('reads the standard columns by position, taking the day from full_date and the time from "10:00 p. m."', () => {
    const file = readImportFile(fixture('daylio-headerless-es.csv'));
    expect(file).toMatchObject({ format: 'daylio-headerless', source: 'daylio_import', layout: 'headerless' });
    expect(file.entries.map((e) => [e.line, e.localDate, e.time, e.moodLabel])).toEqual([
      [1, '2024-10-16', '22:00', 'bien'],
      [2, '2024-10-15', '08:30', 'regular'],
      [3, '2024-10-14', '21:05', 'mal'],
    ]);
    expect(file.entries[0]).toMatchObject({ tags: ['trabajo', 'amigos'], note: 'Cena con Ana, luego un paseo' });
    expect(file.entries[2]?.note).toBe('Título\nprimera línea');
    expect(file.moodLabels.map((l) => l.label)).toEqual(['bien', 'regular', 'mal']);
  });

  it('gives the same entries the same keys with or without the header, so neither re-imports the other', () => {
    const withHeader = readImportFile(fixture('daylio-es.csv'));
    expect(withHeader.format).toBe('daylio');
    expect(readImportFile(fixture('daylio-headerless-es.csv')).entries.map((e) => e.importKey)).toEqual(
      withHeader.entries.map((e) => e.importKey),
    );
  });

  it('names the line of a row with a missing field', () => {
    const error = errorOf(() => readImportFile(fixture('daylio-headerless-short-row.csv')));
    expect(error.message).toBe('Line 2: it has 7 fields but the first line has 8. A comma inside a note may be missing its quotes.');
  });

  it('asks for a mapping of a file that is neither Daylio nor iMoodJournal, naming its columns', () => {
    const error = errorOf(() => readImportFile('when,how\nyesterday,fine\n'));
    expect(error.message).toContain('does not look like a Daylio export or an iMoodJournal export');
    expect(error).toBeInstanceOf(CsvMappingNeeded);
    expect(error).toMatchObject({ columns: ['when', 'how'], rows: [['yesterday', 'fine']] });
    expect(error.message).toContain('Choose which of its columns hold the date and the mood: "when", "how".');
  });

  it('reads any other CSV through its mapping, and still Daylio as Daylio whatever mapping comes with it', () => {
    const mapping: CsvMapping = {
      dateColumn: 'when',
      dateFormat: 'YYYY-MM-DD',
      timeColumn: null,
      moodColumn: 'how',
      moodScale: { kind: 'numbers', min: 0, max: 10 },
      noteColumn: null,
      tagsColumn: null,
      tagSeparator: ',',
    };
    const file = readImportFile('when,how\n2025-03-01,10\n', mapping);
    expect(file).toMatchObject({ format: 'csv', source: 'csv_import', entries: [{ localDate: '2025-03-01', time: '12:00', mood: 10 }] });
    expect(previewOf(file).sample).toEqual([{ localDate: '2025-03-01', time: '12:00', moodLabel: '10', mood: 10, tags: [], note: null }]);
    expect(readImportFile(fixture('daylio-es.csv'), mapping).format).toBe('daylio');
  });
});

describe('iMoodJournal', () => {
  it('reads dates like "September 5, 2015", hour and minute, the 1–10 level as the mood, comments and tags marked 1', () => {
    const file = readImportFile(fixture('imoodjournal.csv'));
    expect(file).toMatchObject({ format: 'imoodjournal', source: 'imoodjournal_import', moodLabels: [] });
    expect(file.entries.map((e) => [e.line, e.localDate, e.time, e.mood, e.tags, e.note])).toEqual([
      [2, '2015-09-05', '21:30', 7, ['family'], 'Dinner with friends, then a walk'],
      [3, '2015-09-06', '08:05', 3, ['work', 'sleep'], null],
      [4, '2015-09-06', '20:45', 5, [], 'Tired'],
    ]);
  });

  it('needs no mood mapping: the levels go straight in', () => {
    const checkIns = checkInsFromFile(parseIMoodJournal(fixture('imoodjournal.csv')), {}, 'Europe/Lisbon');
    expect(checkIns.map((c) => c.mood)).toEqual([7, 3, 5]);
    // 21:30 in Lisbon on 5 September 2015 (summer time, UTC+1) is 20:30 UTC.
    expect(checkIns[0]?.recordedAt.toISOString()).toBe('2015-09-05T20:30:00.000Z');
    expect(checkIns.every((c) => c.importKey.startsWith('imoodjournal:'))).toBe(true);
  });

  it.each([
    ['imoodjournal-level-11.csv', 'Line 3: the level "11" is not a whole number from 1 to 10.'],
    ['imoodjournal-bad-date.csv', 'Line 2: the date "September 31, 2015" is not a real date like "September 5, 2015".'],
    ['imoodjournal-bad-tag.csv', 'Line 2: the tag column "work" holds "yes"; it should be 1 (tagged) or 0.'],
    ['imoodjournal-bad-hour.csv', 'Line 2: the time "24:30" is not an hour from 0 to 23 and a minute from 0 to 59.'],
  ])('refuses %s, naming the line and the problem', (name, message) => {
    expect(errorOf(() => readImportFile(fixture(name))).message).toBe(message);
  });

  it('refuses a header without entries', () => {
    expect(errorOf(() => parseIMoodJournal('"Date","Day of week","Hour","Minute","Level","LevelText","Comment"\n')).message).toContain(
      'no entries',
    );
  });
});

describe('mood mapping', () => {
  it('names every unmapped mood in one message', () => {
    const file = parseDaylio(fixture('daylio-es.csv'));
    expect(errorOf(() => checkInsFromFile(file, { regular: 5 }, 'UTC')).message).toBe('choose a mood from 1 to 10 for "bien" and "mal".');
    const four = parseDaylio(
      readFileSync(fileURLToPath(new URL('../../../shared/data/daylio/sample_multiple_moods.csv', import.meta.url)), 'utf8'),
    );
    expect(errorOf(() => checkInsFromFile(four, { good: 8, bad: 3 }, 'UTC')).message).toBe(
      'choose a mood from 1 to 10 for "OK", "Refreshed", "ok but sleepy" and "Anxious".',
    );
  });

  it('suggests the mood the person chose last time before Daylio’s defaults, and says how much is already here', () => {
    const preview = previewOf(parseDaylio(daylioSample), { alreadyImported: 2, rememberedMoods: { sad: 2 } });
    expect(preview).toMatchObject({ format: 'daylio', entries: 3, alreadyImported: 2 });
    expect(preview.moods.map((m) => [m.key, m.suggested])).toEqual([
      ['sad', 2],
      ['average', null],
    ]);
  });
});
