import { describe, expect, it } from 'vitest';
import { datesBetween, loggedDaysHeatmap, measureCharts, moodChart, tagPatterns, type HistoryCheckIn } from './chart-data';

const c = (localDate: string, mood: number, tags: string[] = []): HistoryCheckIn => ({ localDate, mood, tags });

describe('moodChart', () => {
  it('gives one point per day, the daily mean of several check-ins, and gaps as null', () => {
    const chart = moodChart([c('2026-03-01', 4), c('2026-03-01', 7), c('2026-03-03', 6)], '2026-03-01', '2026-03-03');
    expect(chart.points.map((p) => [p.date, p.mood])).toEqual([
      ['2026-03-01', 5.5],
      ['2026-03-02', null],
      ['2026-03-03', 6],
    ]);
    expect(chart.loggedDays).toBe(2);
    expect(chart.totalDays).toBe(3);
  });

  it('computes a 7-day mean only when at least 4 of the 7 days were logged', () => {
    const days = datesBetween('2026-03-01', '2026-03-10');
    const checkIns = days.filter((_, i) => i !== 1 && i !== 2).map((d, i) => c(d, i + 1));
    const chart = moodChart(checkIns, '2026-03-01', '2026-03-10');
    expect(chart.points.slice(0, 4).map((p) => p.rollingMean)).toEqual([null, null, null, null]);
    // Days 1, 4, 5, 6 logged with moods 1, 2, 3, 4.
    expect(chart.points[5]?.rollingMean).toBe(2.5);
    // 4 March to 10 March: moods 2..8, all logged.
    expect(chart.points[9]?.rollingMean).toBe(5);
  });

  it('says in words what the chart shows', () => {
    const days = datesBetween('2026-03-01', '2026-03-14');
    const chart = moodChart(
      days.map((d, i) => c(d, i < 7 ? 7 : 4)),
      '2026-03-01',
      '2026-03-14',
    );
    expect(chart.summary).toBe(
      'You checked in on 14 of the 14 days. Your daily mood averaged 5.5 out of 10, lowest 4, highest 7. The 7-day average went from 7 to 4.',
    );
    expect(moodChart([], '2026-03-01', '2026-03-30').summary).toBe('No check-ins in these 30 days.');
  });
});

describe('loggedDaysHeatmap', () => {
  it('lays days out in Monday-first weeks with counts and padding', () => {
    // 2026-03-04 is a Wednesday.
    const map = loggedDaysHeatmap([c('2026-03-04', 5), c('2026-03-04', 7), c('2026-03-09', 3)], '2026-03-04', '2026-03-10');
    expect(map.weeks).toHaveLength(2);
    expect(map.weeks[0]?.slice(0, 3)).toEqual([null, null, { date: '2026-03-04', count: 2, mood: 6 }]);
    expect(map.weeks[1]?.[0]).toEqual({ date: '2026-03-09', count: 1, mood: 3 });
    expect(map.weeks[1]?.slice(2)).toEqual([null, null, null, null, null]);
    expect(map.summary).toBe('Calendar of 7 days: 2 with at least one check-in, 5 without.');
  });
});

describe('tagPatterns', () => {
  it('counts tags on days above and below the person’s own median, each day once', () => {
    const patterns = tagPatterns([
      c('2026-03-01', 8, ['walk', 'friends']),
      c('2026-03-01', 8, ['walk']),
      c('2026-03-02', 9, ['Walk']),
      c('2026-03-03', 5, ['work']),
      c('2026-03-04', 2, ['bad sleep', 'work']),
      c('2026-03-05', 3, ['bad sleep']),
    ]);
    expect(patterns.median).toBe(5);
    expect(patterns.betterDays).toBe(2);
    expect(patterns.worseDays).toBe(2);
    expect(patterns.better).toEqual([{ tag: 'walk', days: 2 }]);
    expect(patterns.worse).toEqual([{ tag: 'bad sleep', days: 2 }]);
  });

  it('says nothing with fewer than two logged days', () => {
    expect(tagPatterns([c('2026-03-01', 8, ['walk'])])).toEqual({ better: [], worse: [], betterDays: 0, worseDays: 0, median: null });
  });
});

describe('measureCharts', () => {
  it('scores and bands each answer (Kroenke 2001; Spitzer 2006) and summarises the change', () => {
    const [phq9, gad7] = measureCharts([
      { instrument: 'phq9', items: [2, 2, 2, 2, 2, 1, 1, 0, 0], localDate: '2026-03-15' },
      { instrument: 'phq9', items: [1, 1, 1, 1, 0, 0, 0, 0, 0], localDate: '2026-03-29' },
      { instrument: 'gad7', items: [3, 3, 3, 3, 3, 3, 3], localDate: '2026-03-15' },
    ]);
    expect(phq9?.points).toEqual([
      { date: '2026-03-15', total: 12, band: 'Moderate' },
      { date: '2026-03-29', total: 4, band: 'Minimal' },
    ]);
    expect(phq9?.summary).toBe('2 PHQ-9 (low mood) answers, from 12 (moderate) to 4 (minimal) out of 27.');
    expect(gad7?.summary).toBe('One GAD-7 (anxiety) answer: 21 of 21, severe.');
    expect(measureCharts([])[0]?.summary).toBe('No PHQ-9 (low mood) answers in this period.');
  });
});
