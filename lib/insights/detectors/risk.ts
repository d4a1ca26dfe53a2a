import { FREQUENCY_OPTIONS } from '../../clinical/instruments';
import { DETECTION } from '../config';
import { shortDate } from '../dates';
import type { AnalysisContext, Detection } from './context';

/**
 * PHQ-9 item 9 on the latest PHQ-9: any answer above 0 is urgent (DESIGN §4; Simon et al. 2013).
 * Never dampened by dismissals. The alert itself is raised in the write transaction; this keeps
 * the signal visible beside the other insights until a newer PHQ-9 replaces it.
 */
function item9(context: AnalysisContext): Detection[] {
  const phq = context.measures.filter((m) => m.instrument === 'phq9');
  const latest = phq[phq.length - 1];
  const answer = latest?.items[8];
  if (!latest || answer === undefined || answer === 0) return [];
  const label = FREQUENCY_OPTIONS[answer]?.label ?? String(answer);
  return [
    {
      kind: 'item9',
      severity: 'urgent',
      direction: 'worsening',
      anchorDay: latest.day,
      startDay: latest.day,
      endDay: latest.day,
      summary: `On ${shortDate(latest.day)} the PHQ-9 answer to thoughts of being better off dead or of self-harm was "${label}".`,
      evidence: {
        method: 'PHQ-9 item 9 answer above 0 (a 0 does not rule out risk)',
        numbers: { item9Answer: answer, phq9Total: latest.total },
        coverage: { loggedDays: 1, windowDays: 1, text: `PHQ-9 of ${shortDate(latest.day)}` },
      },
    },
  ];
}

/** Crisis language flagged by journal screening in the last two weeks; the text itself is not shown here. */
function crisisLanguage(context: AnalysisContext): Detection[] {
  const recent = [...new Set(context.journalHitDays)].filter((d) => d <= context.asOfDay && context.asOfDay - d < DETECTION.crisisRecentDays).sort((a, b) => a - b);
  return recent.map((day) => ({
    kind: 'crisis_language' as const,
    severity: 'urgent' as const,
    direction: 'worsening' as const,
    anchorDay: day,
    startDay: day,
    endDay: day,
    summary: `A journal entry on ${shortDate(day)} was flagged for crisis language.`,
    evidence: {
      method: 'Journal screening hit',
      numbers: { entriesFlagged: context.journalHitDays.filter((d) => d === day).length },
      coverage: { loggedDays: 1, windowDays: 1, text: `journal of ${shortDate(day)}` },
    },
  }));
}

export function detectRisk(context: AnalysisContext): Detection[] {
  return [...item9(context), ...crisisLanguage(context)];
}
