import 'server-only';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import { auditActionOf } from '@/lib/audit/vocabulary';
import { queueAudit, type AuditAction } from './audit';
import { withActor, type Actor } from './context';

export type AccessLogEntry = {
  id: string;
  at: Date;
  staffName: string;
  staffRole: 'therapist' | 'admin';
  /** What kind of data: check_ins, measures, journal, insights, … (never the data itself). */
  subject: string;
  /** The audited action, as the vocabulary names it (null for a name Tandem never wrote). */
  action: AuditAction | null;
  /** The verb of the stored action name: read, export, view, … */
  verb: string;
  outcome: 'allowed' | 'denied' | 'failed';
};

/**
 * The client's own access log: every time a staff member of their clinic read, exported or
 * tried to read data about them, newest first. Built from the audit chain, which the client may
 * read for the rows about them (policy admin_or_subject_read).
 */
export async function listAccessLog({ actor, limit = 200 }: { actor: Actor; limit?: number }): Promise<AccessLogEntry[]> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const e = schema.auditEvents;
    const rows = await tx
      .select({
        id: e.id,
        at: e.occurredAt,
        actorRole: e.actorRole,
        staffName: schema.users.name,
        action: e.action,
        subject: e.subjectType,
        outcome: e.outcome,
      })
      .from(e)
      .leftJoin(schema.users, eq(schema.users.id, e.actorId))
      .where(
        and(
          eq(e.subjectClientId, actor.userId),
          ne(e.actorId, actor.userId),
          inArray(e.actorRole, ['therapist', 'admin']),
          // Private psychotherapy notes are the author's own working notes, kept apart from the
          // record (docs/design.md §6): writing or rereading them is not access to the client's data.
          ne(e.subjectType, 'private_notes'),
        ),
      )
      .orderBy(desc(e.occurredAt), desc(e.seq))
      .limit(limit);
    await queueAudit(tx, actor, { action: 'audit_log.read', subjectType: 'audit_log', subjectClientId: actor.userId });
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      staffName: r.staffName ?? 'A former staff member',
      staffRole: r.actorRole === 'admin' ? 'admin' : 'therapist',
      subject: r.subject,
      action: auditActionOf(r.action),
      verb: r.action.split('.')[1] ?? r.action,
      outcome: r.outcome,
    }));
  });
}
