import { instrumentDefinition, INSTRUMENTS } from '../../clinical/instruments';
import { DETECTION } from '../config';
import { unpausedDays, unusualSilenceDays, usualLongestGap } from '../definitions';
import { heldByCeiling } from '../sensitivity';
import { dayCoverage } from '../coverage';
import { shortDate } from '../dates';
import { round, type AnalysisContext, type Detection } from './context';

/**
 * Missed check-ins: days since the last check-in, declared pauses not counted, against the
 * person's own longest gap of the past year (`unusualSilenceDays` in definitions.ts, the rule the
 * caseload ranks by). Needs an engaged history: two weeks of check-ins in the previous three months.
 */
function missedCheckIns(context: AnalysisContext): Detection[] {
  const { asOfDay, series, paused } = context;
  const logged = series.loggedDays;
  const last = logged[logged.length - 1];
  if (last === undefined) return [];
  const gap = unpausedDays(last + 1, asOfDay, paused);
  const history = logged.filter((d) => d > last - DETECTION.disengagementHistoryDays);
  if (history.length < 14) return [];
  const usual = usualLongestGap(logged, paused, asOfDay);
  const dampening = context.sensitivity('disengagement', 'neutral');
  const threshold = unusualSilenceDays(usual, dampening.factor);
  if (gap < threshold) return [];
  // At the ceiling the dismissals did not move the bar: the insight must not say "less often".
  const held =
    dampening.note && threshold === unusualSilenceDays(usual)
      ? heldByCeiling(dampening.note, `a silence of ${DETECTION.maxSilenceDays} days always reaches the therapist.`)
      : undefined;
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
        method: "Days without a check-in, declared pauses excluded, against the person's longest gap of the past year",
        numbers: { daysSinceLastCheckIn: gap, usualLongestGap: usual, thresholdDays: round(threshold), previousLoggingRate: round(rate) },
        coverage: dayCoverage(logged, last + 1, asOfDay, paused, true),
      },
      ...(held ? { sensitivity: held } : {}),
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
    if (overdue < DETECTION.measureGraceDays * context.sensitivity('disengagement', 'neutral').factor) continue;
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
