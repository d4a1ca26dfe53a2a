import { toIsoDate } from '@/lib/insights/dates';
import { computeInsights } from '@/lib/insights/engine';
import type { Insight, PriorInsightInput } from '@/lib/insights/types';
import type { SyntheticClient } from './synthetic';

/**
 * Recomputes a client's insights day by day, as production does after each new check-in: each
 * day sees only the data up to that day, and the insights stored so far (same key → updated).
 * `visit` returns true to stop early.
 */
export function replay(client: SyntheticClient, fromIndex: number, toIndex: number, visit: (insights: Insight[], dayIndex: number) => boolean | void): Map<string, Insight> {
  const stored = new Map<string, Insight>();
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
    });
    for (const insight of insights) stored.set(insight.key, insight);
    if (visit(insights, t) === true) break;
  }
  return stored;
}
