import { NextResponse, type NextRequest } from 'next/server';
import { requireApiUser } from '@/lib/auth/session';
import { importDaylioCheckIns } from '@/lib/dal/import';
import { TandemError, toPublicError } from '@/lib/errors';
import { checkInsFromDaylio, DaylioImportError, parseDaylio, previewOf } from '@/lib/import/daylio';
import { daylioImportSchema } from '@/lib/validation/client-data';

/**
 * POST /api/me/import — a Daylio CSV export for the signed-in client. Without `mapping` it
 * only reads the file and answers a preview; with one it imports, all or nothing.
 */
export async function POST(request: NextRequest) {
  try {
    const user = await requireApiUser();
    if (user.role !== 'client') throw new TandemError('forbidden:role');
    const parsed = daylioImportSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
    const file = parseDaylio(parsed.data.csv);
    if (!parsed.data.mapping) {
      return NextResponse.json({ preview: previewOf(file) });
    }
    const checkIns = checkInsFromDaylio(file, parsed.data.mapping, user.timeZone);
    const result = await importDaylioCheckIns({ actor: user, checkIns, timeZone: user.timeZone });
    return NextResponse.json({ result });
  } catch (error) {
    if (error instanceof DaylioImportError) {
      return NextResponse.json({ error: { code: 'bad_request:input', message: `Nothing was imported. ${error.message}` } }, { status: 400 });
    }
    const { code, status, message } = toPublicError(error);
    return NextResponse.json({ error: { code, message } }, { status });
  }
}
