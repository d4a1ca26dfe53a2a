import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { schema } from '@/db';
import { checkInDay } from '@/lib/capture/check-in-day';
import { bandFor } from '@/lib/clinical/bands';
import type { Instrument } from '@/lib/clinical/instruments';
import { hasItem9Risk, totalScore } from '@/lib/clinical/scoring';
import { addDays } from '@/lib/dates';
import { TandemError } from '@/lib/errors';
import { measureSchema, type MeasureInput } from '@/lib/validation/measure';
import { raiseUrgentAlert } from './alerts';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';

export type MeasureResult = {
  id: string;
  instrument: Instrument;
  total: number;
  bandLabel: string;
  bandDescription: string;
  hasRiskAlert: boolean;
};

/**
 * The client stores a completed PHQ-9 or GAD-7. Item answers are stored, the total and band are
 * derived. A PHQ-9 item-9 answer above 0 raises the urgent alert in this same transaction
 * (docs/design.md §5): the answers and the alert are stored together or not at all.
 */
export async function recordMeasure({
  actor,
  input,
  at = new Date(),
}: {
  actor: Actor;
  input: MeasureInput;
  at?: Date;
}): Promise<MeasureResult> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  const parsed = measureSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input');
  const { instrument, items, difficulty } = parsed.data;
  const total = totalScore(instrument, items);
  const hasRiskAlert = instrument === 'phq9' && hasItem9Risk(items);
  const id = await withActor(actor, async (tx) => {
    const [user] = await tx.select({ timeZone: schema.users.timeZone }).from(schema.users).where(eq(schema.users.id, actor.userId));
    const { localDate } = checkInDay(user?.timeZone ?? 'UTC', at);
    const [row] = await tx
      .insert(schema.measureResponses)
      .values({ clinicId: actor.clinicId, clientId: actor.userId, instrument, items, difficulty, completedAt: at, localDate })
      .returning({ id: schema.measureResponses.id });
    if (!row) throw new TandemError('internal');
    await queueAudit(tx, actor, { action: 'measures.create', subjectType: 'measures', subjectId: row.id, subjectClientId: actor.userId });
    if (hasRiskAlert) await raiseUrgentAlert(tx, actor, { kind: 'item9', sourceId: row.id, answer: items[8] ?? 1 });
    return row.id;
  });
  const band = bandFor(instrument, total);
  return { id, instrument, total, bandLabel: band.label, bandDescription: band.clientDescription, hasRiskAlert };
}

export type MeasureStatus = {
  instrument: Instrument;
  cadenceDays: number;
  lastTakenOn: string | null;
  lastTotal: number | null;
  lastBandLabel: string | null;
  dueOn: string;
  isDue: boolean;
};

/**
 * When each questionnaire is next due for the client: the therapist's cadence for them, else the
 * clinic's (default every 14 days), counted from the last time they took it; due now if never.
 */
export async function listMeasureStatus({ actor, today }: { actor: Actor; today: string }): Promise<MeasureStatus[]> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const [clinic] = await tx
      .select({ cadence: schema.clinics.measureCadenceDays })
      .from(schema.clinics)
      .where(eq(schema.clinics.id, actor.clinicId));
    const schedules = await tx
      .select({ instrument: schema.measureSchedules.instrument, cadenceDays: schema.measureSchedules.cadenceDays })
      .from(schema.measureSchedules)
      .where(eq(schema.measureSchedules.clientId, actor.userId));
    const statuses: MeasureStatus[] = [];
    for (const instrument of ['phq9', 'gad7'] as const) {
      const m = schema.measureResponses;
      const [last] = await tx
        .select({ localDate: m.localDate, items: m.items })
        .from(m)
        .where(and(eq(m.clientId, actor.userId), eq(m.instrument, instrument)))
        .orderBy(desc(m.completedAt))
        .limit(1);
      const cadenceDays = schedules.find((s) => s.instrument === instrument)?.cadenceDays ?? clinic?.cadence ?? 14;
      const lastTotal = last ? totalScore(instrument, last.items) : null;
      const dueOn = last ? addDays(last.localDate, cadenceDays) : today;
      statuses.push({
        instrument,
        cadenceDays,
        lastTakenOn: last?.localDate ?? null,
        lastTotal,
        lastBandLabel: lastTotal === null ? null : bandFor(instrument, lastTotal).label,
        dueOn,
        isDue: dueOn <= today,
      });
    }
    await queueAudit(tx, actor, { action: 'measures.read', subjectType: 'measures', subjectClientId: actor.userId });
    return statuses;
  });
}
