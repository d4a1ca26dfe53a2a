import { outcomeLabel, subjectLabel } from '@/lib/audit/vocabulary';
import { requireApiUser } from '@/lib/auth/session';
import { exportAuditEvents } from '@/lib/dal/audit-log';
import { TandemError, toPublicError } from '@/lib/errors';
import { toCsv } from '@/lib/csv';
import { auditQuerySchema } from '@/lib/validation/admin';

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireApiUser();
    if (user.role !== 'admin') throw new TandemError('not_found:page');
    const parsed = auditQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new TandemError('bad_request:input');
    const rows = await exportAuditEvents({ actor: user, query: parsed.data });
    const csv = toCsv(
      ['seq', 'occurred_at_utc', 'who', 'role', 'action', 'kind_of_data', 'client', 'outcome'],
      rows.map((e) => [
        e.seq,
        e.occurredAt.toISOString(),
        e.actorName ?? 'Tandem (automatic)',
        e.actorRole,
        e.action,
        subjectLabel(e.subjectType),
        e.clientName,
        outcomeLabel[e.outcome],
      ]),
    );
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="tandem-audit-${stamp}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    const { status, message } = toPublicError(error);
    return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
