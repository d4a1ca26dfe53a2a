import { FREQUENCY_OPTIONS } from '../../clinical/instruments';
import { DETECTION } from '../config';
import { shortDate } from '../dates';
import type { RiskLanguageSource } from '../types';
import type { AnalysisContext, Detection } from './context';

/**
 * PHQ-9 item 9 on the latest PHQ-9: any answer above 0 is urgent (docs/design.md §4; Simon et al. 2013).
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

const SOURCE_WORDS: Record<RiskLanguageSource, string> = { journal: 'a journal entry', check_in_note: 'a check-in note' };

/**
 * Risk language flagged by the screen (lib/clinical/risk-language) in a journal entry or check-in
 * note in the last two weeks, one signal per day; the words themselves are never shown here.
 */
function crisisLanguage(context: AnalysisContext): Detection[] {
  const recent = context.riskLanguageHits.filter((h) => h.day <= context.asOfDay && context.asOfDay - h.day < DETECTION.crisisRecentDays);
  const days = [...new Set(recent.map((h) => h.day))].sort((a, b) => a - b);
  return days.map((day) => {
    const hits = recent.filter((h) => h.day === day);
    const where = [...new Set(hits.map((h) => SOURCE_WORDS[h.source]))].join(' and ');
    return {
      kind: 'crisis_language' as const,
      severity: 'urgent' as const,
      direction: 'worsening' as const,
      anchorDay: day,
      startDay: day,
      endDay: day,
      summary: `Risk language was flagged in ${where} on ${shortDate(day)}.`,
      evidence: {
        method: 'Risk-language screen hit (a screen for a clinician to review, not an assessment)',
        numbers: { textsFlagged: hits.length },
        coverage: { loggedDays: 1, windowDays: 1, text: `${where} of ${shortDate(day)}` },
      },
    };
  });
}

export function detectRisk(context: AnalysisContext): Detection[] {
  return [...item9(context), ...crisisLanguage(context)];
}
