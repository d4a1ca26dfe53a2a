import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { z } from '@/lib/validation/zod';
import { schema, type Transaction } from '@/db';
import { checkInDay } from '@/lib/capture/check-in-day';
import type { RiskCategory } from '@/lib/clinical/risk-categories';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { ownTags } from '@/lib/capture/tags';
import { TandemError } from '@/lib/errors';
import { timeZoneSchema } from '@/lib/validation/calendar-day';
import { checkInSchema, type CheckInInput } from '@/lib/validation/check-in';
import { canReadClientScope } from './access';
import { raiseUrgentAlert } from './alerts';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';

export type CheckInDto = {
  id: string;
  localDate: string;
  mood: number;
  anxiety: number | null;
  energy: number | null;
  sleepHours: number | null;
  tags: string[];
  note: string | null;
};

/**
 * A client's check-ins between two local dates (inclusive). The client reads their own; the
 * assigned therapist only while `checkins` is shared. Anyone else gets not_found, audited.
 */
export async function listCheckIns({
  actor,
  clientId,
  from,
  to,
}: {
  actor: Actor;
  clientId: string;
  from?: string;
  to?: string;
}): Promise<CheckInDto[]> {
  const result = await withActor(actor, async (tx) => {
    if (!(await canReadClientScope(tx, actor, clientId, 'checkins'))) {
      await queueAudit(tx, actor, { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: clientId, outcome: 'denied' });
      return null;
    }
    const c = schema.checkIns;
    const rows = await tx
      .select({
        id: c.id,
        localDate: c.localDate,
        mood: c.mood,
        anxiety: c.anxiety,
        energy: c.energy,
        sleepHours: c.sleepHours,
        tags: c.tags,
        note: c.note,
      })
      .from(c)
      .where(
        and(
          eq(c.clientId, clientId),
          from === undefined ? undefined : gte(c.localDate, from),
          to === undefined ? undefined : lte(c.localDate, to),
        ),
      )
      .orderBy(asc(c.localDate), asc(c.recordedAt));
    await queueAudit(tx, actor, { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: clientId });
    return rows;
  });
  if (!result) throw new TandemError('not_found:client');
  return result;
}

/** A stored check-in; `hasRiskLanguage` tells the page to show the clinic's crisis resources at once. */
export type SavedCheckIn = { id: string; localDate: string; hasRiskLanguage: boolean };

function requireClient(actor: Actor) {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
}

// An id that is not a uuid names no check-in; it must not reach the database as a type error.
function requireCheckInId(checkInId: string) {
  if (!z.uuid().safeParse(checkInId).success) throw new TandemError('not_found:check_in');
}

function parseCheckIn(input: CheckInInput) {
  const parsed = checkInSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input');
  return parsed.data;
}

function toRow(input: ReturnType<typeof parseCheckIn>) {
  return {
    mood: input.mood,
    anxiety: input.anxiety ?? null,
    energy: input.energy ?? null,
    sleepHours: input.sleepHours ?? null,
    tags: input.tags,
    note: input.note ?? null,
  };
}

/** What the risk-language screen finds in a check-in's note: its category, never the words. */
function noteRisk(input: ReturnType<typeof parseCheckIn>): RiskCategory | null {
  return input.note ? screenRiskLanguage(input.note).category : null;
}

/**
 * A note the screen flags raises the same urgent alert as PHQ-9 item 9, inside the transaction
 * that stores it (docs/design.md §5), once per check-in: a note that was already flagged stays flagged.
 */
async function raiseNoteAlert(tx: Transaction, actor: Actor, checkInId: string, riskCategory: RiskCategory) {
  await raiseUrgentAlert(tx, actor, { kind: 'crisis_language', source: 'check_in_note', sourceId: checkInId, riskCategory });
}

async function rememberOwnTags(tx: Transaction, actor: Actor, tags: string[]) {
  const labels = ownTags(tags);
  if (labels.length === 0) return;
  await tx
    .insert(schema.customTags)
    .values(labels.map((label) => ({ clinicId: actor.clinicId, clientId: actor.userId, label })))
    .onConflictDoNothing();
}

async function ownTimeZone(tx: Transaction, actor: Actor): Promise<string> {
  const [row] = await tx.select({ timeZone: schema.users.timeZone }).from(schema.users).where(eq(schema.users.id, actor.userId));
  return row?.timeZone ?? 'UTC';
}

/**
 * The client records a check-in. Its day is the day in their own time zone at `at`; several a
 * day are allowed. Tags outside the default list are remembered as the client's own.
 */
export async function recordCheckIn({
  actor,
  input,
  at = new Date(),
}: {
  actor: Actor;
  input: CheckInInput;
  at?: Date;
}): Promise<SavedCheckIn> {
  requireClient(actor);
  const values = parseCheckIn(input);
  const riskCategory = noteRisk(values);
  return withActor(actor, async (tx) => {
    const day = checkInDay(await ownTimeZone(tx, actor), at);
    const [row] = await tx
      .insert(schema.checkIns)
      .values({ clinicId: actor.clinicId, clientId: actor.userId, ...day, recordedAt: at, ...toRow(values), riskCategory })
      .returning({ id: schema.checkIns.id });
    if (!row) throw new TandemError('internal');
    await rememberOwnTags(tx, actor, values.tags);
    await queueAudit(tx, actor, { action: 'check_ins.create', subjectType: 'check_ins', subjectId: row.id, subjectClientId: actor.userId });
    if (riskCategory) await raiseNoteAlert(tx, actor, row.id, riskCategory);
    return { id: row.id, localDate: day.localDate, hasRiskLanguage: riskCategory !== null };
  });
}

/** One of the client's own check-ins, for editing. */
export async function getCheckIn({ actor, checkInId }: { actor: Actor; checkInId: string }): Promise<CheckInDto & { timeZone: string }> {
  requireClient(actor);
  requireCheckInId(checkInId);
  const result = await withActor(actor, async (tx) => {
    const c = schema.checkIns;
    const [row] = await tx
      .select({
        id: c.id,
        localDate: c.localDate,
        timeZone: c.timeZone,
        mood: c.mood,
        anxiety: c.anxiety,
        energy: c.energy,
        sleepHours: c.sleepHours,
        tags: c.tags,
        note: c.note,
      })
      .from(c)
      .where(and(eq(c.id, checkInId), eq(c.clientId, actor.userId)));
    await queueAudit(tx, actor, {
      action: 'check_ins.read',
      subjectType: 'check_ins',
      subjectId: row?.id,
      subjectClientId: actor.userId,
      outcome: row ? 'allowed' : 'denied',
    });
    return row ?? null;
  });
  if (!result) throw new TandemError('not_found:check_in');
  return result;
}

/**
 * The client changes one of their check-ins: today's as often as they like, an earlier one as a
 * correction. Its day stays the day it was made. Audited either way.
 */
export async function updateCheckIn({
  actor,
  checkInId,
  input,
}: {
  actor: Actor;
  checkInId: string;
  input: CheckInInput;
}): Promise<Omit<SavedCheckIn, 'id'>> {
  requireClient(actor);
  requireCheckInId(checkInId);
  const values = parseCheckIn(input);
  const found = noteRisk(values);
  const result = await withActor(actor, async (tx) => {
    const c = schema.checkIns;
    const [existing] = await tx
      .select({ riskCategory: c.riskCategory })
      .from(c)
      .where(and(eq(c.id, checkInId), eq(c.clientId, actor.userId)))
      .for('update');
    if (!existing) return null;
    const riskCategory = existing.riskCategory ?? found;
    const [row] = await tx
      .update(c)
      .set({ ...toRow(values), riskCategory, updatedAt: new Date() })
      .where(and(eq(c.id, checkInId), eq(c.clientId, actor.userId)))
      .returning({ localDate: c.localDate });
    if (!row) return null;
    await rememberOwnTags(tx, actor, values.tags);
    await queueAudit(tx, actor, {
      action: 'check_ins.update',
      subjectType: 'check_ins',
      subjectId: checkInId,
      subjectClientId: actor.userId,
    });
    if (found && !existing.riskCategory) await raiseNoteAlert(tx, actor, checkInId, found);
    return { localDate: row.localDate, hasRiskLanguage: found !== null };
  });
  if (!result) throw new TandemError('not_found:check_in');
  return result;
}

/** The client deletes one of their check-ins; the audit log keeps that it happened, not what it said. */
export async function deleteCheckIn({ actor, checkInId }: { actor: Actor; checkInId: string }): Promise<void> {
  requireClient(actor);
  requireCheckInId(checkInId);
  const isDeleted = await withActor(actor, async (tx) => {
    const rows = await tx
      .delete(schema.checkIns)
      .where(and(eq(schema.checkIns.id, checkInId), eq(schema.checkIns.clientId, actor.userId)))
      .returning({ id: schema.checkIns.id });
    if (rows.length === 0) return false;
    await queueAudit(tx, actor, {
      action: 'check_ins.delete',
      subjectType: 'check_ins',
      subjectId: checkInId,
      subjectClientId: actor.userId,
    });
    return true;
  });
  if (!isDeleted) throw new TandemError('not_found:check_in');
}

/** The tags the client added themselves, for the check-in form. */
export async function listCustomTags({ actor }: { actor: Actor }): Promise<string[]> {
  requireClient(actor);
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({ label: schema.customTags.label })
      .from(schema.customTags)
      .where(eq(schema.customTags.clientId, actor.userId))
      .orderBy(asc(schema.customTags.createdAt));
    return rows.map((r) => r.label);
  });
}

/** The person confirms or changes the time zone their days are counted in. */
export async function setTimeZone({ actor, timeZone }: { actor: Actor; timeZone: string }): Promise<void> {
  const parsed = timeZoneSchema.safeParse(timeZone);
  if (!parsed.success) throw new TandemError('bad_request:input');
  await withActor(actor, async (tx) => {
    await tx.update(schema.users).set({ timeZone: parsed.data }).where(eq(schema.users.id, actor.userId));
    await queueAudit(tx, actor, { action: 'account.update_time_zone', subjectType: 'account', subjectId: actor.userId });
  });
}
