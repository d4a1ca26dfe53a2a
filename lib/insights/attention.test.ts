import { describe, expect, it } from 'vitest';
import { attentionReasons, compareByAttention, daysAgoText, moodTrend, type AttentionFacts } from './attention';

const quiet: AttentionFacts = { alert: null, newSignals: [], daysSinceCheckIn: 1, isPaused: false, overdue: [] };

describe('attentionReasons', () => {
  it('says nothing when nothing calls for attention', () => {
    expect(attentionReasons(quiet)).toEqual([]);
  });

  it('puts an unacknowledged item-9 answer first, in plain words', () => {
    const reasons = attentionReasons({
      ...quiet,
      alert: { kind: 'item9', source: 'measure', answer: 1, daysAgo: 2 },
      newSignals: [{ kind: 'decline', severity: 'attention', direction: 'worsening' }],
      daysSinceCheckIn: 9,
    });
    expect(reasons.map((r) => r.text)).toEqual(['PHQ-9 item 9 answered 2 days ago', 'New signal: mood declining', 'No check-in for 9 days']);
  });

  it('names risk language and where it was written, without any of the words', () => {
    expect(attentionReasons({ ...quiet, alert: { kind: 'crisis_language', source: 'journal', answer: null, daysAgo: 0 } })[0]?.text).toBe(
      'Risk language in a journal entry today',
    );
    expect(attentionReasons({ ...quiet, alert: { kind: 'crisis_language', source: 'check_in_note', answer: null, daysAgo: 1 } })[0]?.text).toBe(
      'Risk language in a check-in note yesterday',
    );
  });

  it('counts not logging from seven days; a declared break silences it and overdue questionnaires', () => {
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: 6 })).toEqual([]);
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: 7 })[0]?.text).toBe('No check-in for 7 days');
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: 30, isPaused: true, overdue: [{ instrument: 'phq9', daysOverdue: 9 }] })).toEqual([]);
  });

  it('rests nothing on check-ins that are not shared', () => {
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: null })).toEqual([]);
  });

  it('names overdue questionnaires with the days overdue', () => {
    expect(attentionReasons({ ...quiet, overdue: [{ instrument: 'phq9', daysOverdue: 5 }, { instrument: 'gad7', daysOverdue: 1 }] }).map((r) => r.text)).toEqual([
      'PHQ-9 overdue by 5 days',
      'GAD-7 overdue by 1 day',
    ]);
  });

  it('ranks a worsening mood signal above not logging, and both above improvement', () => {
    const reasons = attentionReasons({
      ...quiet,
      newSignals: [
        { kind: 'improvement', severity: 'info', direction: 'improving' },
        { kind: 'decline', severity: 'attention', direction: 'worsening' },
      ],
      daysSinceCheckIn: 12,
    });
    expect(reasons.map((r) => r.text)).toEqual(['New signal: mood declining', 'No check-in for 12 days', 'New signal: mood improving']);
  });

  it('lists one reason per kind of signal and direction, in words that say which way', () => {
    const worse = { kind: 'reliable_change', severity: 'attention', direction: 'worsening' } as const;
    const better = { kind: 'reliable_change', severity: 'info', direction: 'improving' } as const;
    expect(attentionReasons({ ...quiet, newSignals: [worse, better, worse] }).map((r) => r.text)).toEqual([
      'New signal: reliable worsening in scores',
      'New signal: reliable improvement in scores',
    ]);
  });
});

describe('compareByAttention', () => {
  const row = (name: string, facts: Partial<AttentionFacts> = {}) => ({ name, reasons: attentionReasons({ ...quiet, ...facts }) });

  it('orders alert, then worsening signal, then disengagement, then by name', () => {
    const rows = [
      row('Ada'),
      row('Ben', { daysSinceCheckIn: 20 }),
      row('Cal', { newSignals: [{ kind: 'decline', severity: 'attention', direction: 'worsening' }] }),
      row('Dee', { alert: { kind: 'item9', source: 'measure', answer: 2, daysAgo: 1 } }),
      row('abe'),
    ];
    expect(rows.sort(compareByAttention).map((r) => r.name)).toEqual(['Dee', 'Cal', 'Ben', 'abe', 'Ada']);
  });

  it('breaks a tie on the top reason by how many reasons there are', () => {
    const decline = { kind: 'decline', severity: 'attention', direction: 'worsening' } as const;
    const rows = [row('Ann', { newSignals: [decline] }), row('Zed', { newSignals: [decline], daysSinceCheckIn: 10 })];
    expect(rows.sort(compareByAttention).map((r) => r.name)).toEqual(['Zed', 'Ann']);
  });
});

describe('daysAgoText', () => {
  it('speaks in days', () => {
    expect([0, 1, 2].map(daysAgoText)).toEqual(['today', 'yesterday', '2 days ago']);
  });
});

describe('moodTrend', () => {
  const base = { recentMean: 6, recentDays: 7, baselineMean: 6, baselineSd: 1, baselineDays: 40 };
  it('needs enough data on both sides', () => {
    expect(moodTrend({ ...base, recentDays: 3 })).toBeNull();
    expect(moodTrend({ ...base, baselineDays: 13 })).toBeNull();
    expect(moodTrend({ ...base, recentMean: null })).toBeNull();
  });
  it('calls a gap lower or higher only past the engine’s bar for a change', () => {
    expect(moodTrend(base)).toBe('steady');
    expect(moodTrend({ ...base, recentMean: 4.8 })).toBe('steady');
    expect(moodTrend({ ...base, recentMean: 4.75 })).toBe('lower');
    expect(moodTrend({ ...base, recentMean: 7.5 })).toBe('higher');
  });
  it('judges the gap against the person’s own spread', () => {
    expect(moodTrend({ ...base, baselineSd: 2, recentMean: 4.5 })).toBe('steady');
    expect(moodTrend({ ...base, baselineSd: 2, recentMean: 4 })).toBe('lower');
  });
});
