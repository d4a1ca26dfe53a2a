import { describe, expect, it } from 'vitest';
import { DEFAULT_CLINICAL_THRESHOLDS } from '../clinical/thresholds';
import { briefWindow, buildBrief, moodLines, renderBriefText, type BriefCheckIn, type BriefInput } from './brief';
import { dayAfter } from './test-fixtures';

const today = '2026-11-26';
const base: BriefInput = {
  today,
  lastSessionDate: '2026-11-12',
  checkIns: [],
  measures: [],
  pauses: [],
  signals: [],
  riskAnswers: [],
  thresholds: DEFAULT_CLINICAL_THRESHOLDS,
};
const days = (start: string, moods: number[], tags: string[] = []): BriefCheckIn[] =>
  moods.map((mood, i) => ({ localDate: dayAfter(start, i), mood, tags }));

describe('the window of the brief', () => {
  it('starts the day after the last signed session and ends today', () => {
    expect(briefWindow(today, '2026-11-12')).toEqual({ from: '2026-11-13', to: today });
  });

  it('covers the last 14 days when there is no earlier session, or the session is today', () => {
    expect(briefWindow(today, null)).toEqual({ from: '2026-11-13', to: today });
    expect(briefWindow(today, today)).toEqual({ from: '2026-11-13', to: today });
  });
});

describe('buildBrief', () => {
  it('gives the period’s mean and the last 7 days against usual mood: the 8 weeks before them', () => {
    // Usual (25 Sep – 19 Nov): 7 on each of the 55 days logged; last 7 days (20–26 Nov): 4 and 5.
    const checkIns = [...days('2026-09-23', Array(57).fill(7)), ...days('2026-11-20', [4, 4, 5, 4, 5, 4, 5])];
    const brief = buildBrief({ ...base, checkIns });
    // The period (13–26 Nov) holds six days of 7 and the seven new days.
    expect(brief.mood).toMatchObject({ daysLogged: 13, mean: 5.6 });
    expect(brief.mood?.usual.usual).toMatchObject({ mean: 7, loggedDays: 55, from: '2026-09-25', to: '2026-11-19' });
    expect(brief.mood?.usual.trend).toBe('lower');
    expect(moodLines(brief.mood as NonNullable<typeof brief.mood>)).toEqual([
      'Mean mood in this period: 5.6 of 10 over 13 logged days.',
      'Last 7 days: 4.4 over 7 logged days, lower than usual: usual mood 7.0 (mean of 55 logged days, 25 Sep – 19 Nov).',
    ]);
  });

  it('averages several check-ins on one day first', () => {
    const checkIns = [
      ...days('2026-11-01', [6]),
      { localDate: '2026-11-20', mood: 2, tags: [] },
      { localDate: '2026-11-20', mood: 8, tags: [] },
    ];
    expect(buildBrief({ ...base, checkIns }).mood).toMatchObject({ daysLogged: 1, mean: 5 });
  });

  it('says how old the last check-in is when the last 7 days are empty, and compares nothing', () => {
    const checkIns = days('2026-10-01', Array(45).fill(6));
    const mood = buildBrief({ ...base, checkIns }).mood as NonNullable<ReturnType<typeof buildBrief>['mood']>;
    expect(moodLines(mood)).toEqual([
      'Mean mood in this period: 6.0 of 10 over 2 logged days.',
      'No check-in in the last 7 days; the last was on 14 Nov (12 days ago).',
    ]);
  });

  it('gives each questionnaire its band, change and reliable-change verdict', () => {
    const measures = [
      { instrument: 'phq9' as const, total: 8, localDate: '2026-10-30' },
      { instrument: 'phq9' as const, total: 15, localDate: '2026-11-20' },
      { instrument: 'gad7' as const, total: 9, localDate: '2026-10-30' },
      { instrument: 'gad7' as const, total: 7, localDate: '2026-11-20' },
    ];
    const brief = buildBrief({ ...base, measures });
    expect(brief.measures).toEqual([
      {
        instrument: 'phq9',
        latest: { total: 15, band: 'Moderately severe', date: '2026-11-20' },
        previous: { total: 8, band: 'Mild', date: '2026-10-30' },
        change: 7,
        verdict: 'reliable deterioration',
      },
      {
        instrument: 'gad7',
        latest: { total: 7, band: 'Mild', date: '2026-11-20' },
        previous: { total: 9, band: 'Mild', date: '2026-10-30' },
        change: -2,
        verdict: 'no reliable change',
      },
    ]);
  });

  it('uses the clinic threshold for reliable change, exactly at the threshold', () => {
    const measures = [
      { instrument: 'phq9' as const, total: 16, localDate: '2026-10-30' },
      { instrument: 'phq9' as const, total: 12, localDate: '2026-11-20' },
    ];
    expect(buildBrief({ ...base, measures }).measures?.[0]?.verdict).toBe('no reliable change');
    expect(buildBrief({ ...base, measures, thresholds: { reliableChange: { phq9: 4, gad7: 4 } } }).measures?.[0]?.verdict).toBe(
      'reliable improvement',
    );
  });

  it('leaves out a questionnaire not taken since the last session', () => {
    const measures = [{ instrument: 'phq9' as const, total: 8, localDate: '2026-11-01' }];
    expect(buildBrief({ ...base, measures }).measures).toEqual([]);
  });

  it('counts missed check-in days, not counting declared breaks', () => {
    const checkIns = days('2026-11-13', [5, 5, 5, 5]);
    const brief = buildBrief({ ...base, checkIns, pauses: [{ start: '2026-11-20', end: '2026-11-24' }] });
    expect(brief.missedCheckIns).toEqual({ expectedDays: 9, loggedDays: 4, missedDays: 5 });
  });

  it('names the tags used on the most days', () => {
    const checkIns = [
      ...days('2026-11-13', [5, 5, 5], ['work', 'tired']),
      ...days('2026-11-16', [5, 5], ['family']),
      ...days('2026-11-18', [5], ['work']),
      ...days('2026-11-01', [5, 5, 5, 5, 5], ['family']),
    ];
    expect(buildBrief({ ...base, checkIns }).topTags).toEqual([
      { tag: 'work', count: 4 },
      { tag: 'tired', count: 3 },
      { tag: 'family', count: 2 },
    ]);
  });

  it('leaves out every part of a scope that is not shared, with no count', () => {
    const brief = buildBrief({ ...base, checkIns: null, measures: null });
    expect(brief.mood).toBeNull();
    expect(brief.missedCheckIns).toBeNull();
    expect(brief.topTags).toBeNull();
    expect(brief.measures).toBeNull();
    const text = renderBriefText(brief);
    expect(text).not.toMatch(/mood|check-in|tag|PHQ|GAD|questionnaire/i);
  });

  it('keeps risk answers inside the window, newest first, whatever is shared', () => {
    const riskAnswers = [
      { kind: 'item9' as const, source: 'measure' as const, answer: 1, date: '2026-11-20' },
      { kind: 'crisis_language' as const, source: 'check_in_note' as const, answer: null, date: '2026-11-24' },
      { kind: 'item9' as const, source: 'measure' as const, answer: 2, date: '2026-11-01' },
    ];
    const brief = buildBrief({ ...base, checkIns: null, measures: null, riskAnswers });
    expect(brief.riskAnswers.map((r) => r.date)).toEqual(['2026-11-24', '2026-11-20']);
    expect(renderBriefText(brief)).toContain('24 Nov: risk language in a check-in note.');
    expect(renderBriefText(brief)).toContain('20 Nov: PHQ-9 item 9 answered "several days" (1 of 3).');
  });

  it('renders plain text a therapist can edit', () => {
    const brief = buildBrief({
      ...base,
      checkIns: [...days('2026-11-01', [7, 7]), ...days('2026-11-13', [4, 5], ['work'])],
      measures: [{ instrument: 'phq9', total: 12, localDate: '2026-11-20' }],
      signals: [
        { kind: 'weekday', severity: 'info', summary: 'Mondays are lower.' },
        { kind: 'decline', severity: 'attention', summary: 'Mood has been falling for 3 weeks.' },
      ],
    });
    expect(renderBriefText(brief)).toBe(
      [
        'Since the last session on 12 Nov (13 Nov – 26 Nov).',
        'Mood:\n- Mean mood in this period: 4.5 of 10 over 2 logged days.\n- No check-in in the last 7 days; the last was on 14 Nov (12 days ago).',
        'Questionnaires:\n- PHQ-9 12 (Moderate) on 20 Nov; the first on record.',
        'Open signals:\n- Mood has been falling for 3 weeks.\n- Mondays are lower.',
        'Check-ins:\n- Logged 2 of 14 expected days (12 days missed, declared breaks excluded).',
        'Most used tags:\n- work (2)',
      ].join('\n\n'),
    );
  });
});
