import { toIsoDate } from '@/lib/insights/dates';
import { computeInsights } from '@/lib/insights/engine';
import type { Insight, PriorInsightInput, ReviewInput } from '@/lib/insights/types';
import type { SyntheticClient } from './synthetic';

export interface ReplayOptions {
  /** A clinician's answer to an insight the first time it appears: true dismisses it that day. */
  dismiss?: (insight: Insight, dayIndex: number) => boolean;
}

export interface ReplayResult {
  stored: Map<string, Insight>;
  /** Day index on which each stored key first appeared. */
  firstSeen: Map<string, number>;
  reviews: ReviewInput[];
}

/**
 * Recomputes a client's insights day by day, as production does after each new check-in: each
 * day sees only the data up to that day, the insights stored so far (same key → updated) and the
 * clinician's dismissals so far. `visit` returns true to stop early.
 */
export function replay(
  client: SyntheticClient,
  fromIndex: number,
  toIndex: number,
  visit: (insights: Insight[], dayIndex: number) => boolean | void,
  options: ReplayOptions = {},
): ReplayResult {
  const stored = new Map<string, Insight>();
  const firstSeen = new Map<string, number>();
  const reviews: ReviewInput[] = [];
  let visible = 0;
  for (let t = fromIndex; t <= toIndex; t += 1) {
    const asOfDay = client.firstDay + t;
    const asOf = toIsoDate(asOfDay);
    while (visible < client.checkIns.length && (client.checkIns[visible]?.localDate ?? '') <= asOf) visible += 1;
    const priorInsights: PriorInsightInput[] = [...stored.values()].map((i) => ({ key: i.key, kind: i.kind, window: i.window }));
    const insights = computeInsights({
      asOf,
      checkIns: client.checkIns.slice(0, visible),
      pauses: client.pauses,
      priorInsights,
      reviews,
    });
    for (const insight of insights) {
      if (!firstSeen.has(insight.key)) {
        firstSeen.set(insight.key, t);
        if (options.dismiss?.(insight, t))
          reviews.push({ kind: insight.kind, direction: insight.direction, key: insight.key, outcome: 'dismissed', date: asOf });
      }
      stored.set(insight.key, insight);
    }
    if (visit(insights, t) === true) break;
  }
  return { stored, firstSeen, reviews };
}
