import { describe, expect, it } from 'vitest';
import { attentionReasons, compareByAttention, daysAgoText, type AttentionFacts } from './attention';

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
    expect(reasons.map((r) => r.text)).toEqual([
      'PHQ-9 item 9 answered 2 days ago',
      'New signal: mood declining (needs attention)',
      'No check-in for 9 days',
    ]);
  });

  it('names risk language and where it was written, without any of the words', () => {
    expect(attentionReasons({ ...quiet, alert: { kind: 'crisis_language', source: 'journal', answer: null, daysAgo: 0 } })[0]?.text).toBe(
      'Risk language in a journal entry today',
    );
    expect(
      attentionReasons({ ...quiet, alert: { kind: 'crisis_language', source: 'check_in_note', answer: null, daysAgo: 1 } })[0]?.text,
    ).toBe('Risk language in a check-in note yesterday');
  });

  it('counts not logging from seven days; a declared break silences it and overdue questionnaires', () => {
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: 6 })).toEqual([]);
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: 7 })[0]?.text).toBe('No check-in for 7 days');
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: 30, isPaused: true, overdue: [{ instrument: 'phq9', daysOverdue: 9 }] })).toEqual(
      [],
    );
  });

  it('rests nothing on check-ins that are not shared', () => {
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: null })).toEqual([]);
  });

  it('names overdue questionnaires with the days overdue', () => {
    expect(
      attentionReasons({
        ...quiet,
        overdue: [
          { instrument: 'phq9', daysOverdue: 5 },
          { instrument: 'gad7', daysOverdue: 1 },
        ],
      }).map((r) => r.text),
    ).toEqual(['PHQ-9 overdue by 5 days', 'GAD-7 overdue by 1 day']);
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
    expect(reasons.map((r) => r.text)).toEqual([
      'New signal: mood declining (needs attention)',
      'No check-in for 12 days',
      'New signal: mood improving (for information)',
    ]);
  });

  it('lists one reason per kind of signal and direction, in words that say which way', () => {
    const worse = { kind: 'reliable_change', severity: 'attention', direction: 'worsening' } as const;
    const better = { kind: 'reliable_change', severity: 'info', direction: 'improving' } as const;
    expect(attentionReasons({ ...quiet, newSignals: [worse, better, worse] }).map((r) => r.text)).toEqual([
      'New signal: reliable worsening in scores (needs attention)',
      'New signal: reliable improvement in scores (for information)',
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

describe('the order of clinical need', () => {
  const row = (name: string, facts: Partial<AttentionFacts> = {}) => ({ name, reasons: attentionReasons({ ...quiet, ...facts }) });
  const order = (rows: ReturnType<typeof row>[]) => rows.sort(compareByAttention).map((r) => r.name);

  it('puts silence longer than the client’s usual gap above a small questionnaire change, overdue questionnaires and improvement', () => {
    const rows = [
      row('Band', { newSignals: [{ kind: 'band_change', severity: 'info', direction: 'worsening', daysAgo: 1 }] }),
      row('Theo', { daysSinceCheckIn: 12, usualLongestGap: 2 }),
      row('Late', { overdue: [{ instrument: 'phq9', daysOverdue: 30 }] }),
      row('Up', { newSignals: [{ kind: 'improvement', severity: 'info', direction: 'improving', daysAgo: 0 }] }),
      row('Worse', { newSignals: [{ kind: 'shift', severity: 'attention', direction: 'worsening', daysAgo: 20 }] }),
      row('Risk', { alert: { kind: 'item9', source: 'measure', answer: 1, daysAgo: 3 } }),
    ];
    expect(order(rows)).toEqual(['Risk', 'Worse', 'Theo', 'Late', 'Band', 'Up']);
  });

  it('orders worsening signals by severity, then by how recent their evidence is', () => {
    const rows = [
      row('Old', { newSignals: [{ kind: 'decline', severity: 'attention', direction: 'worsening', daysAgo: 25 }] }),
      row('New', { newSignals: [{ kind: 'decline', severity: 'attention', direction: 'worsening', daysAgo: 1 }] }),
      row('Minor', { newSignals: [{ kind: 'decline', severity: 'info', direction: 'worsening', daysAgo: 0 }] }),
    ];
    expect(order(rows)).toEqual(['New', 'Old', 'Minor']);
  });

  it('says when a silence is usual for this client and ranks it low', () => {
    const reasons = attentionReasons({ ...quiet, daysSinceCheckIn: 8, usualLongestGap: 10 });
    expect(reasons[0]?.text).toBe('No check-in for 8 days (gaps this long are usual for them: up to 10 days)');
    expect(
      order([
        row('Usual', { daysSinceCheckIn: 8, usualLongestGap: 10 }),
        row('Late', { overdue: [{ instrument: 'gad7', daysOverdue: 2 }] }),
      ]),
    ).toEqual(['Late', 'Usual']);
    expect(attentionReasons({ ...quiet, daysSinceCheckIn: 12, usualLongestGap: 3 })[0]?.text).toBe(
      'No check-in for 12 days (usually at most 3 days between check-ins)',
    );
  });
});
