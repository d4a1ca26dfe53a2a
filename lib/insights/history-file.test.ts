import { describe, expect, it } from 'vitest';
import { engineInputFromHistory, HistoryCsvError, historyFromCsv, historyFromExport, lastDate } from './history-file';

describe('historyFromCsv', () => {
  it('reads date and mood with optional columns in any order, a BOM and CRLF', () => {
    const csv = '\uFEFFmood,date,sleep_hours,anxiety\r\n6,2025-01-01,7.5,\r\n4,"2025-01-02T21:10:00+01:00",,3\r\n\r\n';
    const history = historyFromCsv(csv);
    expect(history.checkIns).toEqual([
      { localDate: '2025-01-01', mood: 6, sleepHours: 7.5 },
      { localDate: '2025-01-02', mood: 4, anxiety: 3 },
    ]);
    expect(lastDate(history)).toBe('2025-01-02');
  });

  it('needs date and mood columns', () => {
    expect(() => historyFromCsv('day,score\n2025-01-01,5\n')).toThrow(HistoryCsvError);
  });

  it('reports bad rows with their line numbers', () => {
    expect(() => historyFromCsv('date,mood\n2025-01-01,5\n2025-13-01,5\n2025-01-03,11\n')).toThrow(/line 3[\s\S]*line 4/);
  });
});

describe('historyFromExport', () => {
  const data = {
    checkIns: [
      { id: 'a', localDate: '2025-01-01', timeZone: 'Europe/Dublin', mood: 6, anxiety: null, energy: 5, sleepHours: 7, tags: ['work'] },
    ],
    measureResponses: [{ instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, 0], completedAt: '2025-01-03T09:00:00Z' }],
    pauses: [{ start: '2025-01-10', end: null }],
  };

  it('reads Tandem’s export, ignoring fields it does not need', () => {
    const history = historyFromExport(data);
    expect(history.checkIns).toEqual([{ localDate: '2025-01-01', mood: 6, anxiety: null, energy: 5, sleepHours: 7 }]);
    expect(history.measures).toEqual([{ instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, 0], completedAt: '2025-01-03' }]);
    expect(engineInputFromHistory(history, '2025-01-05')).toMatchObject({
      asOf: '2025-01-05',
      pauses: [{ start: '2025-01-10', end: null }],
    });
    expect(lastDate(history)).toBe('2025-01-03');
  });

  it('rejects a mood outside 1–10 and an unknown questionnaire', () => {
    expect(() => historyFromExport({ checkIns: [{ localDate: '2025-01-01', mood: 0 }] })).toThrow();
    expect(() =>
      historyFromExport({ checkIns: [], measureResponses: [{ instrument: 'bdi', items: [], completedAt: '2025-01-01' }] }),
    ).toThrow();
  });
});
