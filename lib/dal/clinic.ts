import 'server-only';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import { recordAudit } from './audit';
import { withActor, type Actor } from './context';

export type ClinicOverview = {
  clinicName: string;
  therapists: number;
  admins: number;
  clients: number;
  activeAssignments: number;
  unassignedClients: number;
};

/** Counts an admin runs the clinic by: people and assignments, never clinical content. */
export async function getClinicOverview({ actor }: { actor: Actor }): Promise<ClinicOverview> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const m = schema.memberships;
    const [clinic] = await tx.select({ name: schema.clinics.name }).from(schema.clinics);
    const byRole = await tx.select({ role: m.role, n: count() }).from(m).groupBy(m.role);
    const [assigned] = await tx
      .select({ n: count() })
      .from(schema.assignments)
      .where(isNull(schema.assignments.endedAt));
    const [unassigned] = await tx
      .select({ n: count() })
      .from(m)
      .where(
        and(
          eq(m.role, 'client'),
          sql`not exists (select 1 from ${schema.assignments} a where a.client_id = ${m.userId} and a.ended_at is null)`,
        ),
      );
    await recordAudit(tx, actor, { action: 'clinic.view', subjectType: 'clinic' });
    const roleCount = (role: string) => byRole.find((r) => r.role === role)?.n ?? 0;
    return {
      clinicName: clinic?.name ?? '',
      therapists: roleCount('therapist'),
      admins: roleCount('admin'),
      clients: roleCount('client'),
      activeAssignments: assigned?.n ?? 0,
      unassignedClients: unassigned?.n ?? 0,
    };
  });
}
