import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { TandemError } from '@/lib/errors';
import { liveGrant, type Scope } from './access';
import { recordAudit } from './audit';
import { withActor, type Actor } from './context';

function requireClient(actor: Actor) {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
}

/**
 * The client shares one scope with one of their therapists, optionally until a date. A grant
 * is never edited: any live grant of that scope is revoked and a new row records the change.
 */
export async function grantConsent({
  actor,
  therapistId,
  scope,
  expiresAt,
}: {
  actor: Actor;
  therapistId: string;
  scope: Scope;
  expiresAt?: Date;
}): Promise<void> {
  requireClient(actor);
  await withActor(actor, async (tx) => {
    const [assignment] = await tx
      .select({ id: schema.assignments.id })
      .from(schema.assignments)
      .where(
        and(
          eq(schema.assignments.clientId, actor.userId),
          eq(schema.assignments.therapistId, therapistId),
          isNull(schema.assignments.endedAt),
        ),
      )
      .limit(1);
    if (!assignment) throw new TandemError('not_found:page', 'That therapist is not one of yours.');
    const now = new Date();
    await revokeLive(tx, actor, therapistId, scope, now);
    await tx.insert(schema.consentGrants).values({
      clinicId: actor.clinicId,
      clientId: actor.userId,
      therapistId,
      scope,
      grantedAt: now,
      expiresAt,
    });
    await recordAudit(tx, actor, { action: 'consent.grant', subjectType: 'consent', subjectClientId: actor.userId });
  });
}

/** Stops sharing a scope at once: the therapist's next request sees none of it. */
export async function revokeConsent({ actor, therapistId, scope }: { actor: Actor; therapistId: string; scope: Scope }) {
  requireClient(actor);
  await withActor(actor, async (tx) => {
    await revokeLive(tx, actor, therapistId, scope, new Date());
    await recordAudit(tx, actor, { action: 'consent.revoke', subjectType: 'consent', subjectClientId: actor.userId });
  });
}

async function revokeLive(tx: Transaction, actor: Actor, therapistId: string, scope: Scope, now: Date) {
  await tx
    .update(schema.consentGrants)
    .set({ revokedAt: now })
    .where(
      and(
        eq(schema.consentGrants.clientId, actor.userId),
        eq(schema.consentGrants.therapistId, therapistId),
        eq(schema.consentGrants.scope, scope),
        liveGrant(now),
      ),
    );
}
