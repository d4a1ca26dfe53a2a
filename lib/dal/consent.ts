import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { TandemError } from '@/lib/errors';
import { scopeSchema } from '@/lib/validation/client-data';
import { hasActiveAssignment, listTherapistsOfClient, liveGrant, type Scope } from './access';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';

export const SCOPES: readonly Scope[] = scopeSchema.options;

function requireClient(actor: Actor) {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
}

async function requireAssigned(tx: Transaction, actor: Actor, therapistId: string) {
  if (!(await hasActiveAssignment(tx, { clinicId: actor.clinicId, clientId: actor.userId, therapistId }))) {
    throw new TandemError('not_found:page', 'That therapist is not one of yours.');
  }
}

/**
 * The client shares one scope with one of their therapists, optionally until a moment. A grant
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
  const now = new Date();
  if (expiresAt && expiresAt <= now) throw new TandemError('bad_request:input', 'Choose an end date after today.');
  await withActor(actor, async (tx) => {
    await requireAssigned(tx, actor, therapistId);
    await grantInTransaction(tx, actor, therapistId, scope, now, expiresAt);
  });
}

async function grantInTransaction(tx: Transaction, actor: Actor, therapistId: string, scope: Scope, now: Date, expiresAt?: Date) {
  await revokeLive(tx, actor, therapistId, scope, now);
  await tx.insert(schema.consentGrants).values({
    clinicId: actor.clinicId,
    clientId: actor.userId,
    therapistId,
    scope,
    grantedAt: now,
    expiresAt,
  });
  await queueAudit(tx, actor, { action: 'consent.grant', subjectType: 'consent', subjectId: therapistId, subjectClientId: actor.userId });
}

/** Stops sharing a scope at once: the therapist's next request sees none of it. */
export async function revokeConsent({ actor, therapistId, scope }: { actor: Actor; therapistId: string; scope: Scope }) {
  requireClient(actor);
  await withActor(actor, async (tx) => {
    await revokeLive(tx, actor, therapistId, scope, new Date());
    await queueAudit(tx, actor, {
      action: 'consent.revoke',
      subjectType: 'consent',
      subjectId: therapistId,
      subjectClientId: actor.userId,
    });
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

export type ScopeSharing = { scope: Scope; isShared: boolean; since: Date | null; until: Date | null };
export type TherapistSharing = { therapistId: string; name: string; assignedSince: Date; scopes: ScopeSharing[] };
export type SharingChange = {
  key: string;
  at: Date;
  therapistName: string;
  scope: Scope;
  change: 'shared' | 'stopped' | 'ended';
  until: Date | null;
};
export type Sharing = { therapists: TherapistSharing[]; history: SharingChange[] };

/**
 * What the client shares with each therapist they are assigned to, and every change they ever
 * made (newest first): a share, a stop, or an end date that passed.
 */
export async function listSharing({ actor }: { actor: Actor }): Promise<Sharing> {
  requireClient(actor);
  const now = new Date();
  return withActor(actor, async (tx) => {
    const therapists = await listTherapistsOfClient(tx, actor.userId);
    const g = schema.consentGrants;
    const grants = await tx
      .select({
        id: g.id,
        therapistId: g.therapistId,
        therapistName: schema.users.name,
        scope: g.scope,
        grantedAt: g.grantedAt,
        expiresAt: g.expiresAt,
        revokedAt: g.revokedAt,
      })
      .from(g)
      .leftJoin(schema.users, eq(schema.users.id, g.therapistId))
      .where(eq(g.clientId, actor.userId))
      .orderBy(desc(g.grantedAt));
    await queueAudit(tx, actor, { action: 'consent.view', subjectType: 'consent', subjectClientId: actor.userId });

    const isLive = (x: (typeof grants)[number]) => x.revokedAt === null && (x.expiresAt === null || x.expiresAt > now);
    const history: SharingChange[] = grants.flatMap((x) => {
      const therapistName = x.therapistName ?? 'A former therapist';
      const base = { therapistName, scope: x.scope };
      const changes: SharingChange[] = [{ ...base, key: `${x.id}:shared`, at: x.grantedAt, change: 'shared', until: x.expiresAt }];
      if (x.revokedAt) changes.push({ ...base, key: `${x.id}:stopped`, at: x.revokedAt, change: 'stopped', until: null });
      else if (x.expiresAt && x.expiresAt <= now)
        changes.push({ ...base, key: `${x.id}:ended`, at: x.expiresAt, change: 'ended', until: null });
      return changes;
    });
    history.sort((p, q) => q.at.getTime() - p.at.getTime());
    return {
      therapists: therapists.map((t) => ({
        ...t,
        scopes: SCOPES.map((scope) => {
          const live = grants.find((x) => x.therapistId === t.therapistId && x.scope === scope && isLive(x));
          return { scope, isShared: Boolean(live), since: live?.grantedAt ?? null, until: live?.expiresAt ?? null };
        }),
      })),
      history,
    };
  });
}

export type PendingTherapist = { therapistId: string; name: string };
export type OnboardingState = { needsWelcome: boolean; hasOnboarded: boolean; pendingTherapists: PendingTherapist[] };

/**
 * Whether the client must see the welcome page: on first sign-in (never onboarded and never
 * shared anything), and whenever a therapist they are assigned to has not yet been offered a
 * choice (consent does not carry over from a previous therapist). The client's own audit
 * events record what they chose, so no extra state is kept.
 */
export async function getOnboardingState({ actor }: { actor: Actor }): Promise<OnboardingState> {
  if (actor.role !== 'client') return { needsWelcome: false, hasOnboarded: true, pendingTherapists: [] };
  return withActor(actor, (tx) => onboardingState(tx, actor));
}

async function onboardingState(tx: Transaction, actor: Actor): Promise<OnboardingState> {
  const assigned = await listTherapistsOfClient(tx, actor.userId);
  const grantedTo = new Set(
    (
      await tx
        .selectDistinct({ therapistId: schema.consentGrants.therapistId })
        .from(schema.consentGrants)
        .where(eq(schema.consentGrants.clientId, actor.userId))
    ).map((r) => r.therapistId),
  );
  const e = schema.auditEvents;
  const choices = await tx
    .select({ action: e.action, subjectId: e.subjectId, at: e.occurredAt })
    .from(e)
    .where(
      and(
        eq(e.subjectClientId, actor.userId),
        eq(e.actorId, actor.userId),
        inArray(e.action, ['consent.review', 'account.onboard']),
        eq(e.outcome, 'allowed'),
      ),
    );
  const pendingTherapists = assigned
    .filter(
      (t) =>
        !grantedTo.has(t.therapistId) &&
        !choices.some((c) => c.action === 'consent.review' && c.subjectId === t.therapistId && c.at >= t.assignedSince),
    )
    .map(({ therapistId, name }) => ({ therapistId, name }));
  const hasOnboarded = choices.some((c) => c.action === 'account.onboard') || grantedTo.size > 0;
  return { needsWelcome: pendingTherapists.length > 0 || !hasOnboarded, hasOnboarded, pendingTherapists };
}

/**
 * Finishes the welcome: saves the time zone and, for each therapist not yet asked, shares the
 * scopes chosen (possibly none). One transaction: all of it or nothing.
 */
export async function completeOnboarding({
  actor,
  timeZone,
  shares,
}: {
  actor: Actor;
  timeZone: string;
  shares: Record<string, Scope[]>;
}): Promise<void> {
  requireClient(actor);
  const now = new Date();
  await withActor(actor, async (tx) => {
    const { pendingTherapists } = await onboardingState(tx, actor);
    const pendingIds = new Set(pendingTherapists.map((t) => t.therapistId));
    if (Object.keys(shares).some((id) => !pendingIds.has(id)))
      throw new TandemError('not_found:page', 'That therapist is not one of yours.');
    await tx.update(schema.users).set({ timeZone }).where(eq(schema.users.id, actor.userId));
    for (const { therapistId } of pendingTherapists) {
      for (const scope of new Set(shares[therapistId] ?? [])) await grantInTransaction(tx, actor, therapistId, scope, now);
      await queueAudit(tx, actor, {
        action: 'consent.review',
        subjectType: 'consent',
        subjectId: therapistId,
        subjectClientId: actor.userId,
      });
    }
    await queueAudit(tx, actor, {
      action: 'account.onboard',
      subjectType: 'account',
      subjectId: actor.userId,
      subjectClientId: actor.userId,
    });
  });
}
