import { requireApiUser } from '@/lib/auth/session';
import { exportAuditCheckpoints } from '@/lib/dal/audit-log';
import { TandemError, toPublicError } from '@/lib/errors';

/** GET /audit/checkpoints — the clinic's signed audit checkpoints, a new one at the head first, to keep outside Tandem. */
export async function GET(): Promise<Response> {
  try {
    const user = await requireApiUser();
    if (user.role !== 'admin') throw new TandemError('not_found:page');
    const file = await exportAuditCheckpoints({ actor: user });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(JSON.stringify(file, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="tandem-audit-checkpoints-${stamp}.json"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    const { status, message } = toPublicError(error);
    return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
}
