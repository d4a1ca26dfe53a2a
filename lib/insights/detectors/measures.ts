import { bandFor, bandRank } from '../../clinical/bands';
import { instrumentDefinition, INSTRUMENTS, type Instrument } from '../../clinical/instruments';
import { assessOutcome, type OutcomeAssessment } from '../../clinical/outcomes';
import { shortDate } from '../dates';
import type { Coverage, InsightKind } from '../types';
import type { AnalysisContext, Detection, ScoredMeasure } from './context';

function measureCoverage(name: string, used: readonly ScoredMeasure[]): Coverage {
  const first = used[0] as ScoredMeasure;
  const last = used[used.length - 1] as ScoredMeasure;
  const days = last.day - first.day;
  return { loggedDays: used.length, windowDays: days + 1, text: `${used.length} ${name} scores over ${days} days` };
}

/**
 * A crossing into a worse band asks for attention only when the rise is itself a reliable change:
 * a smaller one (GAD-7 4 → 6 crosses from minimal to mild) is within the questionnaire's
 * measurement error, so it is shown as information, not as a warning.
 */
function bandChange(instrument: Instrument, own: readonly ScoredMeasure[], reliableChange: number): Detection[] {
  const latest = own[own.length - 1];
  const previous = own[own.length - 2];
  if (!latest || !previous) return [];
  const from = bandFor(instrument, previous.total);
  const to = bandFor(instrument, latest.total);
  if (from.id === to.id) return [];
  const isWorse = bandRank(instrument, to.id) > bandRank(instrument, from.id);
  const isReliable = Math.abs(latest.total - previous.total) >= reliableChange;
  const name = instrumentDefinition(instrument).name;
  return [
    {
      kind: 'band_change',
      severity: isWorse && isReliable ? 'attention' : 'info',
      direction: isWorse ? 'worsening' : 'improving',
      anchorDay: latest.day,
      subject: instrument,
      startDay: previous.day,
      endDay: latest.day,
      summary: `${name} moved from ${from.label.toLowerCase()} (${previous.total} on ${shortDate(previous.day)}) to ${to.label.toLowerCase()} (${latest.total} on ${shortDate(latest.day)}), against the previous score.`,
      evidence: {
        method: `${name} severity bands (${instrument === 'phq9' ? 'Kroenke, Spitzer & Williams 2001' : 'Spitzer et al. 2006'})`,
        numbers: { previousScore: previous.total, latestScore: latest.total, reliableChange },
        coverage: measureCoverage(name, [previous, latest]),
        ...(isReliable ? {} : { notes: [`A change of less than ${reliableChange} points can be measurement error.`] }),
      },
    },
  ];
}

interface OutcomeRule {
  kind: InsightKind;
  holds: (o: OutcomeAssessment) => boolean;
  direction: 'worsening' | 'improving';
  /** `scores` names both scores with their dates: "7 on 3 Jan → 13 on 20 Nov". */
  describe: (name: string, o: OutcomeAssessment, scores: string) => string;
}

// Reliable change and recovery compare the latest score with the first on record, the start of
// this episode of care (NHS Talking Therapies manual); the sentence says so, so it cannot be read
// against the previous score shown beside it.
const SINCE_FIRST = 'since the first score on record';

// One insight per questionnaire for the most specific reliable-change status, plus PHQ-9
// remission or response, so one good outcome does not arrive as four separate insights.
const CHANGE_RULES: readonly OutcomeRule[] = [
  {
    kind: 'reliable_change',
    direction: 'worsening',
    holds: (o) => o.reliableDeterioration,
    describe: (n, _o, scores) => `${n} has reliably worsened ${SINCE_FIRST}: ${scores}.`,
  },
  {
    kind: 'reliable_recovery',
    direction: 'improving',
    holds: (o) => o.reliableRecovery,
    describe: (n, _o, scores) =>
      `${n} shows reliable recovery ${SINCE_FIRST}: ${scores}, now below the clinical cut-off with a reliable fall.`,
  },
  {
    kind: 'recovery',
    direction: 'improving',
    holds: (o) => o.recovery,
    describe: (n, _o, scores) => `${n} has moved below the clinical cut-off ${SINCE_FIRST}: ${scores} (not yet a reliable change).`,
  },
  {
    kind: 'reliable_change',
    direction: 'improving',
    holds: (o) => o.reliableImprovement,
    describe: (n, _o, scores) => `${n} has reliably improved ${SINCE_FIRST}: ${scores}.`,
  },
];
const PHQ9_RULES: readonly OutcomeRule[] = [
  {
    kind: 'remission',
    direction: 'improving',
    holds: (o) => o.remission === true,
    describe: (n, _o, scores) => `${n} is in the remission range (below 5): ${scores}.`,
  },
  {
    kind: 'response',
    direction: 'improving',
    holds: (o) => o.response === true,
    describe: (n, _o, scores) => `${n} has fallen by half or more ${SINCE_FIRST}: ${scores}.`,
  },
];

function outcomes(context: AnalysisContext, instrument: Instrument, own: readonly ScoredMeasure[]): Detection[] {
  const first = own[0];
  const latest = own[own.length - 1];
  if (!first || !latest || own.length < 2) return [];
  const name = instrumentDefinition(instrument).name;
  const assessAt = (m: ScoredMeasure) => assessOutcome(instrument, first.total, m.total, context.thresholds);
  const now = assessAt(latest);
  const groups = instrument === 'phq9' ? [CHANGE_RULES, PHQ9_RULES] : [CHANGE_RULES];
  const out: Detection[] = [];
  for (const rules of groups) {
    const rule = rules.find((r) => r.holds(now));
    if (!rule) continue;
    // Anchor on the first score since which the status has held without a break.
    let since = own.length - 1;
    while (since > 1 && rule.holds(assessAt(own[since - 1] as ScoredMeasure))) since -= 1;
    const anchor = own[since] as ScoredMeasure;
    // A reliable rise that also ends in the clinical range is clinically significant deterioration
    // (Jacobson & Truax 1991: reliable change plus crossing the cut-off) and asks for attention; one
    // that stays below caseness is shown as information.
    const inCaseness = now.latest >= context.thresholds.caseness[instrument];
    out.push({
      kind: rule.kind,
      severity: rule.direction === 'worsening' && inCaseness ? 'attention' : 'info',
      direction: rule.direction,
      anchorDay: anchor.day,
      subject: instrument,
      startDay: first.day,
      endDay: latest.day,
      summary: rule.describe(name, now, `${now.first} on ${shortDate(first.day)} → ${now.latest} on ${shortDate(latest.day)}`),
      evidence: {
        method:
          'First vs latest score; caseness, reliable change and recovery per the NHS Talking Therapies manual; response ≥ 50 % fall and remission < 5 per common measurement-based-care definitions',
        numbers: {
          firstScore: now.first,
          latestScore: now.latest,
          change: now.change,
          reliableChangeThreshold: context.thresholds.reliableChange[instrument],
          casenessThreshold: context.thresholds.caseness[instrument],
        },
        coverage: measureCoverage(name, own),
      },
    });
  }
  return out;
}

export function detectMeasureChanges(context: AnalysisContext): Detection[] {
  return INSTRUMENTS.flatMap((instrument) => {
    const own = context.measures.filter((m) => m.instrument === instrument);
    return [...bandChange(instrument, own, context.thresholds.reliableChange[instrument]), ...outcomes(context, instrument, own)];
  });
}
