import 'server-only';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import type { ImportedCheckIn } from '@/lib/import/daylio';
import { recordAudit } from './audit';
import { withActor, type Actor } from './context';

const BATCH = 1000;

/**
 * Adds imported Daylio check-ins to the client's own log in one transaction: all or nothing.
 * An entry already imported (same client, same import key) is skipped, so importing the same
 * file again adds nothing.
 */
export async function importDaylioCheckIns({
  actor,
  checkIns,
  timeZone,
}: {
  actor: Actor;
  checkIns: readonly ImportedCheckIn[];
  timeZone: string;
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
            source: 'daylio_import' as const,
            importKey: c.importKey,
          })),
        )
        .onConflictDoNothing({ target: [schema.checkIns.clientId, schema.checkIns.importKey] })
        .returning({ id: schema.checkIns.id });
      added += rows.length;
    }
    await recordAudit(tx, actor, { action: 'check_ins.import', subjectType: 'check_ins', subjectClientId: actor.userId });
    return { added, skipped: checkIns.length - added };
  });
}
