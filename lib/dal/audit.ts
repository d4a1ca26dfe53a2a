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

/**
 * Writes an audit event inside the caller's transaction, so it commits or rolls back with the
 * work it describes. Never carries clinical content: who, what kind, which client, outcome.
 */
export async function recordAudit(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, actor, [entry]);
}

/** Several audit events in one statement (a list view audits each client it shows). */
export async function recordAudits(tx: Transaction, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(schema.auditEvents).values(
    entries.map((entry) => ({
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
