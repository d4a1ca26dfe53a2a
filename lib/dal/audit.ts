import 'server-only';
import type { Transaction } from '@/db';
import { schema } from '@/db';
import type { Actor } from './context';

export type AuditSubject =
  | 'check_ins'
  | 'measures'
  | 'journal'
  | 'insights'
  | 'alerts'
  | 'session_notes'
  | 'private_notes'
  | 'care_plan'
  | 'consent'
  | 'account'
  | 'clinic'
  | 'caseload'
  | 'audit_log';

export type AuditEntry = {
  action: `${string}.${string}`;
  subjectType: AuditSubject;
  subjectId?: string;
  subjectClientId?: string;
  outcome?: 'allowed' | 'denied' | 'failed';
};

// Events recorded in a `withActor` transaction, written together just before it commits.
const pending = new WeakMap<Transaction, { actor: Actor; entry: AuditEntry }[]>();

/**
 * Records an audit event in the caller's transaction, so it commits or rolls back with the work
 * it describes. Never carries clinical content: who, what kind, which client, outcome.
 */
export async function recordAudit(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, actor, [entry]);
}

/** Several audit events at once (a list view audits each client it shows). */
export async function recordAudits(tx: Transaction, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  const queue = pending.get(tx) ?? [];
  pending.set(tx, queue);
  queue.push(...entries.map((entry) => ({ actor, entry })));
}

/** Takes the events recorded in `from` so that another transaction writes them (reads on a replica). */
export function moveAudits(from: Transaction, to: Transaction): void {
  const queue = pending.get(from) ?? [];
  pending.delete(from);
  if (queue.length > 0) pending.set(to, [...(pending.get(to) ?? []), ...queue]);
}

/** Writes the transaction's recorded events in order, in one statement. `withActor` calls it last. */
export async function flushAudits(tx: Transaction): Promise<void> {
  const queue = pending.get(tx);
  pending.delete(tx);
  if (!queue || queue.length === 0) return;
  await tx.insert(schema.auditEvents).values(
    queue.map(({ actor, entry }) => ({
      clinicId: actor.clinicId,
      actorId: actor.userId,
      actorRole: actor.role,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      subjectClientId: entry.subjectClientId,
      outcome: entry.outcome ?? 'allowed',
    })),
  );
}
