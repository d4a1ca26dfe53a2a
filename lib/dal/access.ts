import 'server-only';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import type { Actor } from './context';

export type Scope = (typeof schema.consentScopeEnum.enumValues)[number];

/** Whether the actor is a therapist with an active assignment to this client. */
export async function isAssignedTherapist(tx: Transaction, actor: Actor, clientId: string): Promise<boolean> {
  if (actor.role !== 'therapist') return false;
  const [row] = await tx
    .select({ id: schema.assignments.id })
    .from(schema.assignments)
    .where(
      and(
        eq(schema.assignments.therapistId, actor.userId),
        eq(schema.assignments.clientId, clientId),
        eq(schema.assignments.clinicId, actor.clinicId),
        isNull(schema.assignments.endedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** A grant is live when it is neither revoked nor past its end date. */
export function liveGrant(now: Date) {
  return and(
    isNull(schema.consentGrants.revokedAt),
    or(isNull(schema.consentGrants.expiresAt), gt(schema.consentGrants.expiresAt, now)),
  );
}

/**
 * May the actor read this client's data of this scope? The client always may; the assigned
 * therapist only while the client shares the scope with them; nobody else ever.
 */
export async function canReadClientScope(tx: Transaction, actor: Actor, clientId: string, scope: Scope): Promise<boolean> {
  if (actor.role === 'client') return actor.userId === clientId;
  if (!(await isAssignedTherapist(tx, actor, clientId))) return false;
  const [grant] = await tx
    .select({ id: schema.consentGrants.id })
    .from(schema.consentGrants)
    .where(
      and(
        eq(schema.consentGrants.clientId, clientId),
        eq(schema.consentGrants.therapistId, actor.userId),
        eq(schema.consentGrants.scope, scope),
        liveGrant(new Date()),
      ),
    )
    .limit(1);
  return Boolean(grant);
}
