// Behavioural activation picks from what the client's own history says goes with their better
// days. It reuses the history page's tag patterns (lib/history/chart-data.ts, better and worse
// days split at the person's own median daily mood) rather than a second definition, and keeps a
// tag only when it really leans towards better days: logged on at least MIN_BETTER_DAYS better
// days, and on a larger share of better days than of worse days. A tag logged every day whatever
// the mood ("work") says nothing about what helps, so it is left out. The patterns list only tags
// seen on at least two days of a kind, so a tag on a single worse day counts as on none.

import { tagPatterns, type HistoryCheckIn } from '@/lib/history/chart-data';

const MIN_BETTER_DAYS = 3;
const MAX_TAGS = 3;

/** Up to three tags that lean towards the client's better days, most telling first. */
export function betterDayTags(checkIns: readonly HistoryCheckIn[]): string[] {
  const patterns = tagPatterns(checkIns, Number.POSITIVE_INFINITY);
  if (patterns.betterDays === 0) return [];
  const worse = new Map(patterns.worse.map((t) => [t.tag, t.days]));
  return patterns.better
    .filter((t) => t.days >= MIN_BETTER_DAYS)
    .map((t) => {
      const worseShare = patterns.worseDays > 0 ? (worse.get(t.tag) ?? 0) / patterns.worseDays : 0;
      return { tag: t.tag, lean: t.days / patterns.betterDays - worseShare };
    })
    .filter((t) => t.lean > 0)
    .sort((a, b) => b.lean - a.lean || a.tag.localeCompare(b.tag))
    .slice(0, MAX_TAGS)
    .map((t) => t.tag);
}

/**
 * The clock time in the client's own answer to "when could you do it?", to fill in the
 * reminder's time for them: "17:30", "at 5.15pm", "around 9 am", "noon". Null when the answer
 * names no clear time ("after lunch", "at 5"): the client then types the time themselves.
 */
export function suggestedReminderTime(when: string): string | null {
  const text = when.toLowerCase();
  const pad = (n: number) => String(n).padStart(2, '0');
  const twelve = /\b(1[0-2]|0?[1-9])(?:[:.]([0-5][0-9]))?\s*(am|pm|a\.m\.|p\.m\.)/.exec(text);
  if (twelve) {
    const hour = (Number(twelve[1]) % 12) + (twelve[3]!.startsWith('p') ? 12 : 0);
    return `${pad(hour)}:${twelve[2] ?? '00'}`;
  }
  const clock = /\b([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])\b/.exec(text);
  if (clock) return `${pad(Number(clock[1]))}:${clock[2]}`;
  if (/\bnoon\b|\bmidday\b/.test(text)) return '12:00';
  return null;
}
