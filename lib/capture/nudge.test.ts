import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates';
import { moodNudge, type DayMood } from './nudge';

const today = '2026-11-26';
const days = (from: number, to: number, mood: number, tags: string[] = []): DayMood[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ localDate: addDays(today, -(from + i)), mood, tags }));

describe('moodNudge', () => {
  it('nudges when the last week sits clearly below the four weeks before, with the client’s own good-day tags', () => {
    const entries = [...days(7, 20, 7, ['walk', 'friends']), ...days(21, 34, 6, ['work']), ...days(0, 3, 4)];
    expect(moodNudge(entries, today)).toEqual({ recentMean: 4, baselineMean: 6.5, copingTags: ['friends', 'walk'] });
  });

  it('stays quiet for a small dip, one bad day, or too little history', () => {
    expect(moodNudge([...days(7, 34, 6), ...days(0, 3, 5)], today)).toBeNull();
    expect(moodNudge([...days(7, 34, 7), { localDate: today, mood: 2, tags: [] }], today)).toBeNull();
    expect(moodNudge([...days(7, 12, 8), ...days(0, 3, 3)], today)).toBeNull();
  });

  it('averages several check-ins on one day, and ignores days in the future', () => {
    const entries = [
      ...days(7, 34, 7),
      ...days(1, 2, 4),
      { localDate: today, mood: 2, tags: [] },
      { localDate: today, mood: 6, tags: [] },
      { localDate: addDays(today, 1), mood: 1, tags: [] },
    ];
    expect(moodNudge(entries, today)?.recentMean).toBe(4);
  });
});
