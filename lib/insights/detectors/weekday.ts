import { DETECTION } from '../config';
import { dayCoverage } from '../coverage';
import { between } from '../daily-series';
import { WEEKDAY_NAMES, weekdayOf } from '../dates';
import { mean } from '../stats/descriptive';
import { kruskalWallis } from '../stats/kruskal-wallis';
import { round, type AnalysisContext, type Detection } from './context';

/**
 * Weekday pattern over the last 12 weeks: mood minus the mean of its own Monday–Sunday week (so a
 * slow drift is not read as a weekday effect), grouped by weekday, Kruskal–Wallis test, and the
 * weekday whose average departs most from the rest of the week.
 */
export function detectWeekday(context: AnalysisContext): Detection[] {
  const { asOfDay, series } = context;
  const from = asOfDay - DETECTION.weekdayWindowDays + 1;
  const points = between(series.mood, from, asOfDay);
  const weeks = new Map<number, number[]>();
  const weekOf = (day: number) => day - weekdayOf(day);
  for (const p of points) {
    const list = weeks.get(weekOf(p.day)) ?? [];
    list.push(p.value);
    weeks.set(weekOf(p.day), list);
  }
  const groups: number[][] = WEEKDAY_NAMES.map(() => []);
  for (const p of points) {
    const week = weeks.get(weekOf(p.day)) as number[];
    if (week.length < 4) continue;
    groups[weekdayOf(p.day)]?.push(p.value - mean(week));
  }
  if (groups.some((g) => g.length < DETECTION.minWeekdayObservations)) return [];
  const test = kruskalWallis(groups);
  if (test.p >= DETECTION.weekdayAlpha) return [];
  let weekday = 0;
  let effect = 0;
  groups.forEach((g, i) => {
    const rest = groups.filter((_, j) => j !== i).flat();
    const e = mean(g) - mean(rest);
    if (Math.abs(e) > Math.abs(effect)) {
      effect = e;
      weekday = i;
    }
  });
  const sensitivity = context.sensitivity('weekday', 'neutral');
  if (Math.abs(effect) < DETECTION.minWeekdayEffectPoints * sensitivity.factor) return [];
  const name = WEEKDAY_NAMES[weekday] as string;
  const isLow = effect < 0;
  return [
    {
      kind: 'weekday',
      severity: 'info',
      direction: 'neutral',
      anchorDay: points[0]?.day ?? from,
      subject: `${name.toLowerCase()}-${isLow ? 'low' : 'high'}`,
      startDay: from,
      endDay: asOfDay,
      summary: `Over the last ${DETECTION.weekdayWindowDays / 7} weeks, mood tended to be ${isLow ? 'lower' : 'higher'} on ${name}s: ${round(Math.abs(effect), 1)} points ${isLow ? 'below' : 'above'} the rest of the same week.`,
      evidence: {
        method: 'Kruskal–Wallis test on mood relative to its own week, by weekday',
        numbers: {
          kruskalWallisH: round(test.h),
          p: Number(test.p.toPrecision(3)),
          epsilonSquared: round(test.epsilonSquared, 3),
          weekdayEffectPoints: round(effect),
          observations: groups.reduce((a, g) => a + g.length, 0),
        },
        coverage: dayCoverage(series.loggedDays, from, asOfDay, context.paused, true),
      },
    },
  ];
}
