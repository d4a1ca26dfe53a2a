// After a check-in, a gentle, non-clinical nudge when the client's own recent days sit clearly
// below their own usual level. It is a prompt to look after themselves, not a signal about their
// care: the therapist-facing detectors live in lib/insights and are far stricter.

export type DayMood = { localDate: string; mood: number; tags: readonly string[] };

export type Nudge = { recentMean: number; baselineMean: number; copingTags: string[] };

// The recent week against the four weeks before it; at least 3 recent and 10 earlier logged days,
// and a gap of at least 1.5 points on the 1–10 scale, so one bad day alone never prompts.
const RECENT_DAYS = 7;
const BASELINE_DAYS = 28;
const MIN_RECENT = 3;
const MIN_BASELINE = 10;
const MIN_DIP = 1.5;

function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Daily means: several check-ins on one day count as one day. */
function dailyMeans(entries: readonly DayMood[]): Map<string, { mood: number; tags: Set<string> }> {
  const byDay = new Map<string, { moods: number[]; tags: Set<string> }>();
  for (const e of entries) {
    const day = byDay.get(e.localDate) ?? { moods: [], tags: new Set<string>() };
    day.moods.push(e.mood);
    e.tags.forEach((t) => day.tags.add(t));
    byDay.set(e.localDate, day);
  }
  return new Map([...byDay].map(([d, v]) => [d, { mood: mean(v.moods), tags: v.tags }]));
}

/**
 * The nudge for `today`, or null. Coping tags are the client's own: the tags most often logged
 * on their better-than-usual days in the baseline weeks (counts only, no causal claim).
 */
export function moodNudge(entries: readonly DayMood[], today: string): Nudge | null {
  const days = dailyMeans(entries);
  const recent: number[] = [];
  const baseline: { mood: number; tags: Set<string> }[] = [];
  for (const [date, day] of days) {
    const ago = dayDiff(today, date);
    if (ago >= 0 && ago < RECENT_DAYS) recent.push(day.mood);
    else if (ago >= RECENT_DAYS && ago < RECENT_DAYS + BASELINE_DAYS) baseline.push(day);
  }
  if (recent.length < MIN_RECENT || baseline.length < MIN_BASELINE) return null;
  const recentMean = mean(recent);
  const baselineMean = mean(baseline.map((d) => d.mood));
  if (baselineMean - recentMean < MIN_DIP) return null;

  const counts = new Map<string, number>();
  for (const day of baseline.filter((d) => d.mood > baselineMean)) {
    day.tags.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1));
  }
  const copingTags = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([tag]) => tag);
  return { recentMean: Math.round(recentMean * 10) / 10, baselineMean: Math.round(baselineMean * 10) / 10, copingTags };
}
