import { instrumentDefinition, INSTRUMENTS } from '../../clinical/instruments';
import { DETECTION } from '../config';
import { unusualSilenceDays } from '../definitions';
import { dayCoverage } from '../coverage';
import { shortDate } from '../dates';
import { round, type AnalysisContext, type Detection } from './context';

function unpausedDays(from: number, to: number, paused: ReadonlySet<number>): number {
  let count = 0;
  for (let d = from; d <= to; d += 1) if (!paused.has(d)) count += 1;
  return count;
}

/** Longest run of unpaused days without a check-in between consecutive check-ins. */
function longestUsualGap(logged: readonly number[], paused: ReadonlySet<number>): number {
  let longest = 0;
  for (let i = 1; i < logged.length; i += 1) {
    longest = Math.max(longest, unpausedDays((logged[i - 1] as number) + 1, (logged[i] as number) - 1, paused));
  }
  return longest;
}

/**
 * Missed check-ins: days since the last check-in, declared pauses not counted, against the
 * person's own longest gap in the previous three months (at least a week). Needs an engaged
 * history: two weeks of check-ins in those months.
 */
function missedCheckIns(context: AnalysisContext): Detection[] {
  const { asOfDay, series, paused } = context;
  const logged = series.loggedDays;
  const last = logged[logged.length - 1];
  if (last === undefined) return [];
  const gap = unpausedDays(last + 1, asOfDay, paused);
  const history = logged.filter((d) => d > last - DETECTION.disengagementHistoryDays);
  if (history.length < 14) return [];
  const usual = longestUsualGap(history, paused);
  const sensitivity = context.sensitivity('disengagement');
  const threshold = unusualSilenceDays(usual) * sensitivity.factor;
  if (gap < threshold) return [];
  const rate = history.length / unpausedDays(last - DETECTION.disengagementHistoryDays + 1, last, paused);
  return [
    {
      kind: 'disengagement',
      severity: 'attention',
      direction: 'neutral',
      anchorDay: last,
      subject: 'checkins',
      startDay: last + 1,
      endDay: asOfDay,
      summary: `No check-in for ${gap} days (last on ${shortDate(last)}); the longest usual gap was ${usual} days.`,
      evidence: {
        method: "Days without a check-in, declared pauses excluded, against the person's longest gap in the previous 90 days",
        numbers: { daysSinceLastCheckIn: gap, usualLongestGap: usual, thresholdDays: round(threshold), previousLoggingRate: round(rate) },
        coverage: dayCoverage(logged, last + 1, asOfDay, paused, true),
      },
    },
  ];
}

/** Overdue questionnaires: last completion + the therapist's cadence + a week's grace, pauses excluded. */
function overdueMeasures(context: AnalysisContext): Detection[] {
  const { asOfDay, measures, paused } = context;
  const out: Detection[] = [];
  for (const instrument of INSTRUMENTS) {
    const own = measures.filter((m) => m.instrument === instrument);
    const last = own[own.length - 1];
    if (!last) continue;
    const due = last.day + context.measureCadenceDays;
    const overdue = unpausedDays(due + 1, asOfDay, paused);
    if (overdue < DETECTION.measureGraceDays * context.sensitivity('disengagement').factor) continue;
    const name = instrumentDefinition(instrument).name;
    out.push({
      kind: 'disengagement',
      severity: 'info',
      direction: 'neutral',
      anchorDay: due,
      subject: instrument,
      startDay: due,
      endDay: asOfDay,
      summary: `${name} is ${overdue} days overdue (last completed ${shortDate(last.day)}, due every ${context.measureCadenceDays} days).`,
      evidence: {
        method: 'Days past the questionnaire cadence, declared pauses excluded',
        numbers: { daysOverdue: overdue, cadenceDays: context.measureCadenceDays, completed: own.length },
        coverage: {
          loggedDays: own.length,
          windowDays: asOfDay - (own[0]?.day ?? last.day) + 1,
          text: `${own.length} ${name} on record, last ${asOfDay - last.day} days ago`,
        },
      },
    });
  }
  return out;
}

export function detectDisengagement(context: AnalysisContext): Detection[] {
  return [...missedCheckIns(context), ...overdueMeasures(context)];
}
