import { toDay, toIsoDate } from './dates';
import type { DateWindow, InsightKind, PriorInsightInput, ReviewInput } from './types';

/** Stable key: kind, optional subject, and the date that anchors the event (its onset). */
export function insightKey(kind: InsightKind, anchorDay: number, subject?: string): string {
  return subject ? `${kind}:${subject}:${toIsoDate(anchorDay)}` : `${kind}:${toIsoDate(anchorDay)}`;
}

function prefixOf(key: string): string {
  return key.slice(0, key.lastIndexOf(':'));
}

function anchorOf(key: string): number | null {
  try {
    return toDay(key.slice(key.lastIndexOf(':') + 1));
  } catch {
    return null;
  }
}

interface KnownEvent {
  key: string;
  prefix: string;
  start: number;
  end: number;
}

/**
 * Recomputing a day later can move an event's onset by a day or two; the event keeps the key it
 * already has when a stored insight (or a review of one) of the same kind and subject overlaps it,
 * or is anchored within the tolerance. Ties go to the nearest anchor, then the smallest key.
 */
export function reconcileKey(
  key: string,
  window: DateWindow,
  priors: readonly PriorInsightInput[],
  reviews: readonly ReviewInput[],
  toleranceDays: number,
): string {
  const prefix = prefixOf(key);
  const anchor = anchorOf(key);
  if (anchor === null) return key;
  const start = toDay(window.start);
  const end = toDay(window.end);
  const known: KnownEvent[] = [];
  for (const p of priors) known.push({ key: p.key, prefix: prefixOf(p.key), start: toDay(p.window.start), end: toDay(p.window.end) });
  for (const r of reviews) {
    const a = anchorOf(r.key);
    if (a !== null) known.push({ key: r.key, prefix: prefixOf(r.key), start: a, end: a });
  }
  let best: { key: string; distance: number } | null = null;
  for (const k of known) {
    if (k.prefix !== prefix) continue;
    const priorAnchor = anchorOf(k.key);
    if (priorAnchor === null) continue;
    const overlaps = k.start <= end && start <= k.end;
    const distance = Math.abs(priorAnchor - anchor);
    if (!overlaps && distance > toleranceDays) continue;
    if (!best || distance < best.distance || (distance === best.distance && k.key < best.key)) best = { key: k.key, distance };
  }
  return best?.key ?? key;
}
