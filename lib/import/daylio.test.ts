import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDaylio, parseTime, suggestedMoodMapping } from './daylio';
import { checkInsFromFile, ImportFileError } from './entries';
import { previewOf } from './read-file';

// The shared Daylio samples (MichaelCurrin/daylio-csv-parser, MIT), read in place.
const sample = (name: string) => readFileSync(fileURLToPath(new URL(`../../../shared/data/daylio/${name}`, import.meta.url)), 'utf8');

const HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';

function errorOf(text: string): ImportFileError {
  try {
    parseDaylio(text);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseDaylio on the shared samples', () => {
  it('reads sample.csv: 12-hour times, trimmed custom moods, activities as tags', () => {
    const file = parseDaylio(sample('sample.csv'));
    expect(file.layout).toBe('full_date');
    expect(file.entries).toHaveLength(3);
    const first = file.entries[0];
    expect(first).toMatchObject({ line: 2, localDate: '2021-09-28', time: '22:00', moodLabel: 'sad', note: null });
    expect(first?.tags).toEqual(['clean', 'music', 'movies / tv', 'bad sleep', 'tired', 'sleep early', 'stomachache']);
    expect(file.entries[1]?.tags[0]).toBe('stressed / frustrated');
    expect(file.moodLabels).toEqual([
      { label: 'sad', count: 1 },
      { label: 'average', count: 2 },
    ]);
  });

  it('reads sample_multiple_moods.csv: 24-hour times, several entries a day, custom labels', () => {
    const file = parseDaylio(sample('sample_multiple_moods.csv'));
    expect(file.entries).toHaveLength(7);
    expect(file.entries.filter((e) => e.localDate === '2021-05-12').map((e) => e.time)).toEqual(['18:52', '15:40']);
    expect(file.moodLabels.map((l) => l.label)).toEqual(['OK', 'Refreshed', 'good', 'ok but sleepy', 'bad', 'Anxious']);
    expect(file.entries.find((e) => e.localDate === '2020-07-21' && e.time === '10:31')?.tags).toEqual([]);
  });

  it('gives identical entries in one file different keys, and the same file the same keys again', () => {
    const text = sample('sample_multiple_moods.csv');
    const keys = parseDaylio(text).entries.map((e) => e.importKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(parseDaylio(text).entries.map((e) => e.importKey)).toEqual(keys);
  });

  it('pre-maps the five Daylio defaults and leaves custom labels to the person', () => {
    const file = parseDaylio(sample('sample_multiple_moods.csv'));
    expect(suggestedMoodMapping(file.moodLabels.map((l) => l.label))).toEqual({
      ok: null,
      refreshed: null,
      good: 8,
      'ok but sleepy': null,
      bad: 3,
      anxious: null,
    });
  });
});

describe('previewOf', () => {
  it('shows the size, the date range, each mood with its suggestion, and the first entries', () => {
    const preview = previewOf(parseDaylio(sample('sample_multiple_moods.csv')));
    expect(preview).toMatchObject({ entries: 7, firstDate: '2020-07-21', lastDate: '2021-05-12' });
    expect(preview.moods.find((m) => m.key === 'good')).toEqual({ label: 'good', key: 'good', count: 1, suggested: 8 });
    expect(preview.moods.find((m) => m.key === 'ok')).toEqual({ label: 'OK', key: 'ok', count: 2, suggested: null });
    expect(preview.sample).toHaveLength(5);
  });
});

describe('parseDaylio on the other real-world variants', () => {
  it('ignores a UTF-8 byte-order mark and CRLF line ends', () => {
    const file = parseDaylio(`\uFEFF${HEADER}\r\n2024-03-01,1 March,Friday,08:00,rad,"walk","",""\r\n`);
    expect(file.entries[0]).toMatchObject({ localDate: '2024-03-01', moodLabel: 'rad' });
  });

  it('reads the 7-column export without note_title', () => {
    const file = parseDaylio(
      'full_date,date,weekday,time,mood,activities,note\n2024-03-01,1 March,Friday,9:05 am,good,"work | friends","Lunch with Sam, then a walk"\n',
    );
    expect(file.entries[0]).toMatchObject({ time: '09:05', tags: ['work', 'friends'], note: 'Lunch with Sam, then a walk' });
  });

  it('reads the older year,date layout', () => {
    const file = parseDaylio(
      'year,date,weekday,time,mood,activities,note\n2019,28 September,Saturday,12:30 am,meh,"",""\n2019,Sep 29,Sunday,12:15 pm,awful,"",""\n',
    );
    expect(file.layout).toBe('year_date');
    expect(file.entries.map((e) => [e.localDate, e.time])).toEqual([
      ['2019-09-28', '00:30'],
      ['2019-09-29', '12:15'],
    ]);
  });

  it('joins note title and note, keeping line breaks inside quotes and naming later lines correctly', () => {
    const file = parseDaylio(
      `${HEADER}\n2024-03-01,1 March,Friday,08:00,good,"","Title","first line\nsecond, line"\n2024-03-02,2 March,Saturday,08:00,bad,"","",""\n`,
    );
    expect(file.entries[0]?.note).toBe('Title\nfirst line\nsecond, line');
    expect(file.entries[1]?.line).toBe(4);
  });
});

describe('parseDaylio on malformed input', () => {
  it.each([
    ['an impossible date', `${HEADER}\n2024-02-30,30 February,Friday,08:00,good,"","",""`, 2, 'the date "2024-02-30" is not a real date'],
    ['a time that is not a time', `${HEADER}\n2024-03-01,1 March,Friday,25:00,good,"","",""`, 2, 'the time "25:00"'],
    ['13 pm', `${HEADER}\n2024-03-01,1 March,Friday,13:00 pm,good,"","",""`, 2, 'the time "13:00 pm"'],
    [
      'an empty mood',
      `${HEADER}\n2024-03-01,1 March,Friday,08:00,good,"","",""\n2024-03-02,2 March,Saturday,08:00,  ,"","",""`,
      3,
      'the mood is empty',
    ],
    ['a missing column', `${HEADER}\n2024-03-01,1 March,Friday,08:00,good,"",""`, 2, 'it has 7 fields but the header has 8'],
    ['an unclosed quote', `${HEADER}\n2024-03-01,1 March,Friday,08:00,good,"walk,"",""`, 2, 'a quoted field is never closed'],
    ['a stray quote', `${HEADER}\n2024-03-01,1 March,Friday,08:00,go"od,"","",""`, 2, 'a quote appears in the middle of a field'],
    ['a note too long', `${HEADER}\n2024-03-01,1 March,Friday,08:00,good,"","","${'x'.repeat(2001)}"`, 2, 'at most 2000'],
  ])('rejects %s, naming the line', (_name, text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toContain(`Line ${line}: `);
    expect(error.message).toContain(message);
  });

  it('rejects a file that is not a Daylio export', () => {
    const error = errorOf('date,mood\n2024-03-01,5\n');
    expect(error.line).toBe(1);
    expect(error.message).toContain('does not look like a Daylio export');
  });

  it('rejects a header without entries and an empty file', () => {
    expect(errorOf(`${HEADER}\n`).message).toContain('no entries');
    expect(errorOf('').message).toContain('does not look like a Daylio export');
  });
});

describe('parseTime', () => {
  it.each([
    ['12:00 am', '00:00'],
    ['12:05 PM', '12:05'],
    ['1:07 p.m.', '13:07'],
    ['23:59', '23:59'],
    ['07:31:20', '07:31'],
  ])('reads %s as %s', (raw, expected) => expect(parseTime(raw)).toBe(expected));

  it.each(['24:00', '0:00 am', '10:60', 'noon', '10 pm'])('rejects %s', (raw) => expect(parseTime(raw)).toBeNull());
});

describe('checkInsFromFile', () => {
  const file = parseDaylio(sample('sample.csv'));

  it('applies the mapping and places each entry at its local time in the person’s zone', () => {
    const checkIns = checkInsFromFile(file, { sad: 3, average: 6 }, 'Europe/Lisbon');
    expect(checkIns.map((c) => c.mood)).toEqual([3, 6, 6]);
    // 22:00 in Lisbon on 28 September 2021 (summer time, UTC+1) is 21:00 UTC.
    expect(checkIns[0]?.recordedAt.toISOString()).toBe('2021-09-28T21:00:00.000Z');
    expect(checkIns[0]?.localDate).toBe('2021-09-28');
  });

  it('refuses an unmapped or out-of-range label, naming it', () => {
    expect(() => checkInsFromFile(file, { sad: 3 }, 'UTC')).toThrow('"average"');
    expect(() => checkInsFromFile(file, { sad: 0, average: 5 }, 'UTC')).toThrow('"sad"');
  });

  // How long it takes is measured by `npm run import:preview` on such a file, not here.
  it('reads ten years of twice-daily entries', () => {
    const lines = [HEADER];
    const start = Date.UTC(2015, 0, 1);
    for (let day = 0; day < 3653; day += 1) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${date},x,x,8:15 am,good,"work | walk | friends","","a short note, with a comma"`);
      lines.push(`${date},x,x,21:40,meh,"reading","",""`);
    }
    const parsed = parseDaylio(lines.join('\n'));
    const checkIns = checkInsFromFile(parsed, { good: 8, meh: 5 }, 'Europe/London');
    expect(checkIns).toHaveLength(7306);
  });
});
