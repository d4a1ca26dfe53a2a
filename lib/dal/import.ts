import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import type { ImportedCheckIn, ImportSource } from '@/lib/import/entries';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';

const BATCH = 1000;

/**
 * What Tandem already knows about a file before it is imported: how many of its entries are
 * already in the client's log (by import key, i.e. by content) and the mood the client chose for
 * each of its labels last time.
 */
export async function getImportContext({
  actor,
  importKeys,
  labelKeys,
}: {
  actor: Actor;
  importKeys: readonly string[];
  labelKeys: readonly string[];
}): Promise<{ alreadyImported: number; rememberedMoods: Record<string, number> }> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const c = schema.checkIns;
    let alreadyImported = 0;
    for (let i = 0; i < importKeys.length; i += BATCH) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(c)
        .where(and(eq(c.clientId, actor.userId), inArray(c.importKey, importKeys.slice(i, i + BATCH))));
      alreadyImported += row?.n ?? 0;
    }
    const m = schema.importMoodMappings;
    const remembered =
      labelKeys.length === 0
        ? []
        : await tx
            .select({ label: m.label, mood: m.mood })
            .from(m)
            .where(and(eq(m.clientId, actor.userId), inArray(m.label, [...labelKeys])));
    return { alreadyImported, rememberedMoods: Object.fromEntries(remembered.map((r) => [r.label, r.mood])) };
  });
}

/**
 * Adds imported check-ins to the client's own log in one transaction: all or nothing. An entry
 * already imported (same client, same import key) is skipped, so importing the same file again
 * adds nothing. The mood chosen for each label is remembered for the next import.
 */
export async function importCheckIns({
  actor,
  checkIns,
  source,
  timeZone,
  moodMapping,
}: {
  actor: Actor;
  checkIns: readonly ImportedCheckIn[];
  source: ImportSource;
  timeZone: string;
  /** Label key (trimmed, lower-cased) to mood, for the labels this file used. */
  moodMapping: Readonly<Record<string, number>>;
}): Promise<{ added: number; skipped: number }> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    let added = 0;
    for (let i = 0; i < checkIns.length; i += BATCH) {
      const rows = await tx
        .insert(schema.checkIns)
        .values(
          checkIns.slice(i, i + BATCH).map((c) => ({
            clinicId: actor.clinicId,
            clientId: actor.userId,
            localDate: c.localDate,
            timeZone,
            recordedAt: c.recordedAt,
            mood: c.mood,
            tags: c.tags,
            note: c.note,
            source,
            importKey: c.importKey,
          })),
        )
        .onConflictDoNothing({ target: [schema.checkIns.clientId, schema.checkIns.importKey] })
        .returning({ id: schema.checkIns.id });
      added += rows.length;
    }
    const mappings = Object.entries(moodMapping);
    if (mappings.length > 0) {
      const m = schema.importMoodMappings;
      await tx
        .insert(m)
        .values(mappings.map(([label, mood]) => ({ clinicId: actor.clinicId, clientId: actor.userId, label, mood })))
        .onConflictDoUpdate({ target: [m.clientId, m.label], set: { mood: sql`excluded.mood`, updatedAt: sql`now()` } });
    }
    await queueAudit(tx, actor, { action: 'check_ins.import', subjectType: 'check_ins', subjectClientId: actor.userId });
    return { added, skipped: checkIns.length - added };
  });
}
