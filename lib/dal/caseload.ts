import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import { liveGrant, type Scope } from './access';
import { recordAudit } from './audit';
import { withActor, type Actor } from './context';

export type CaseloadRow = { clientId: string; name: string; sharing: Scope[] };

/** The therapist's active clients, with what each one currently shares with them. */
export async function listCaseload({ actor }: { actor: Actor }): Promise<CaseloadRow[]> {
  if (actor.role !== 'therapist') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const a = schema.assignments;
    const clients = await tx
      .select({ clientId: a.clientId, name: schema.users.name })
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.clientId))
      .where(and(eq(a.therapistId, actor.userId), isNull(a.endedAt)))
      .orderBy(asc(schema.users.name));
    const ids = clients.map((c) => c.clientId);
    const grants =
      ids.length === 0
        ? []
        : await tx
            .select({ clientId: schema.consentGrants.clientId, scope: schema.consentGrants.scope })
            .from(schema.consentGrants)
            .where(
              and(
                eq(schema.consentGrants.therapistId, actor.userId),
                inArray(schema.consentGrants.clientId, ids),
                liveGrant(new Date()),
              ),
            );
    await recordAudit(tx, actor, { action: 'caseload.view', subjectType: 'caseload' });
    return clients.map((c) => ({
      ...c,
      sharing: [...new Set(grants.filter((g) => g.clientId === c.clientId).map((g) => g.scope))].sort(),
    }));
  });
}
