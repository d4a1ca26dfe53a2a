import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import { queueAudit } from './audit';
import { withActorReading, type Actor } from './context';

export type ClinicOverview = {
  clinicName: string;
  therapists: number;
  admins: number;
  clients: number;
  activeAssignments: number;
};

/**
 * Counts an admin runs the clinic by: people and assignments, never clinical content. Deactivated
 * people are not counted, and an assignment to a deactivated therapist is no assignment.
 */
export async function getClinicOverview({ actor }: { actor: Actor }): Promise<ClinicOverview> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActorReading(actor, async (tx) => {
    const m = schema.memberships;
    const a = schema.assignments;
    const [clinic] = await tx.select({ name: schema.clinics.name }).from(schema.clinics);
    const byRole = await tx
      .select({ role: m.role, n: count() })
      .from(m)
      .innerJoin(schema.users, eq(schema.users.id, m.userId))
      .where(isNull(schema.users.deactivatedAt))
      .groupBy(m.role);
    const [assigned] = await tx
      .select({ n: count() })
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.therapistId))
      .where(and(isNull(a.endedAt), isNull(schema.users.deactivatedAt)));
    await queueAudit(tx, actor, { action: 'clinic.view', subjectType: 'clinic' });
    const roleCount = (role: string) => byRole.find((r) => r.role === role)?.n ?? 0;
    return {
      clinicName: clinic?.name ?? '',
      therapists: roleCount('therapist'),
      admins: roleCount('admin'),
      clients: roleCount('client'),
      activeAssignments: assigned?.n ?? 0,
    };
  });
}
