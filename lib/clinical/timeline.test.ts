import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates';
import { buildTimeline, parseRange, personalBaseline, rangeStart } from './timeline';

const to = '2026-11-26';
const day = (n: number) => addDays(to, -n);

describe('timeline', () => {
  it('reads the range from the URL, defaulting to 90 days', () => {
    expect(parseRange('30')).toBe('30');
    expect(parseRange('all')).toBe('all');
    expect(parseRange('7')).toBe('90');
    expect(parseRange(undefined)).toBe('90');
    expect(rangeStart('30', to, null)).toBe(day(29));
    expect(rangeStart('all', to, '2025-01-01')).toBe('2025-01-01');
  });

  it('needs 14 logged days for a baseline, taken from the 8 weeks before the last 7 days (usual mood)', () => {
    const few = Array.from({ length: 13 }, (_, i) => ({ localDate: day(30 + i), mood: 6 }));
    expect(personalBaseline(few, to)).toBeNull();
    const enough = Array.from({ length: 20 }, (_, i) => ({ localDate: day(30 + i), mood: i % 2 ? 5 : 7 }));
    const recent = Array.from({ length: 7 }, (_, i) => ({ localDate: day(i), mood: 1 }));
    expect(personalBaseline([...enough, ...recent], to)).toMatchObject({
      mean: 6,
      low: 5,
      high: 7,
      loggedDays: 20,
      from: day(62),
      to: day(7),
    });
  });

  it('draws daily means, the 7-day mean, questionnaires, signals and sessions, and says so in words', () => {
    const checkIns = [0, 1, 2, 3].flatMap((n) => [
      { localDate: day(n), mood: 4 },
      { localDate: day(n), mood: 6 },
    ]);
    const t = buildTimeline({
      range: '30',
      to,
      checkIns,
      measures: [
        { id: 'm1', instrument: 'phq9', total: 8, localDate: day(20) },
        { id: 'm2', instrument: 'phq9', total: 16, localDate: day(2) },
        { id: 'old', instrument: 'gad7', total: 9, localDate: day(200) },
      ],
      insights: [{ id: 'i1', kind: 'decline', summary: 'Mood declining', windowStart: day(10), windowEnd: to }],
      sessions: [{ noteId: 'n1', sessionDate: day(5), status: 'signed' }],
    });
    expect(t.days).toHaveLength(30);
    expect(t.mood?.daily.at(-1)).toBe(5);
    expect(t.mood?.rollingMean.at(-1)).toBe(5);
    expect(t.mood?.rollingMean.at(-2)).toBeNull();
    expect(t.measures?.phq9.filter((v) => v !== null)).toEqual([8, 16]);
    expect(t.measures?.gad7.every((v) => v === null)).toBe(true);
    expect(t.changePoints).toEqual([{ insightId: 'i1', label: 'Sustained decline begins', date: day(10) }]);
    expect(t.windows).toEqual([{ insightId: 'i1', label: 'Sustained decline', start: day(10), end: to }]);
    expect(t.summary).toContain('Mood was logged on 4 of the 30 days, averaging 5 out of 10');
    expect(t.summary).toContain('PHQ-9 was taken 2 times, from 8 (mild) on');
    expect(t.summary).toContain(`1 session: ${day(5)}.`);
  });

  it('mentions nothing of data that is not shared', () => {
    const t = buildTimeline({ range: '90', to, checkIns: null, measures: null, insights: [], sessions: [] });
    expect(t.mood).toBeNull();
    expect(t.measures).toBeNull();
    expect(t.summary).toBe(`Timeline from ${day(89)} to ${to} (90 days).`);
  });

  it('marks risk answers and shades silences of a week or more, and says both in words', () => {
    // Logged on days 29–20 and 12–0 before today: 7 silent days (19–13).
    const checkIns = [...Array.from({ length: 10 }, (_, i) => day(20 + i)), ...Array.from({ length: 13 }, (_, i) => day(i))].map(
      (localDate) => ({ localDate, mood: 10 }),
    );
    const t = buildTimeline({
      range: '30',
      to,
      checkIns,
      measures: null,
      insights: [{ id: 's1', kind: 'shift', summary: 'Mood dropped', windowStart: day(12), windowEnd: to }],
      sessions: [],
      riskAnswers: [
        { kind: 'item9', answer: 1, localDate: day(2) },
        { kind: 'crisis_language', answer: null, localDate: day(40) },
      ],
    });
    expect(t.riskMarks).toEqual([{ date: day(2), label: 'PHQ-9 item 9 answered "several days" (1 of 3)' }]);
    expect(t.silentGaps).toEqual([{ start: day(19), end: day(13), days: 7 }]);
    expect(t.windows).toEqual([{ insightId: 's1', label: 'Level shift', start: day(12), end: to }]);
    expect(t.summary).toContain(`PHQ-9 item 9 answered "several days" (1 of 3) on ${day(2)}.`);
    expect(t.summary).toContain(`No check-in for 7 days: ${day(19)} to ${day(13)}.`);
    // Two three-day silences are not "not logging" and are not shaded; nothing is said of unshared check-ins.
    const broken = [...checkIns, { localDate: day(16), mood: 5 }];
    expect(buildTimeline({ range: '30', to, checkIns: broken, measures: null, insights: [], sessions: [] }).silentGaps).toEqual([]);
    expect(buildTimeline({ range: '30', to, checkIns: null, measures: null, insights: [], sessions: [] }).silentGaps).toBeNull();
  });
});
