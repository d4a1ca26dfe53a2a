import { NextResponse, type NextRequest } from 'next/server';
import { refreshInsightsAfterResponse } from '@/app/(client)/refresh-insights';
import { requireApiUser } from '@/lib/auth/session';
import { getImportContext, importCheckIns } from '@/lib/dal/import';
import { TandemError, toPublicError } from '@/lib/errors';
import { checkInsFromFile, ImportFileError, moodKey } from '@/lib/import/entries';
import { CsvMappingNeeded } from '@/lib/import/generic-csv';
import { previewOf, readImportFile } from '@/lib/import/read-file';
import { checkInImportSchema } from '@/lib/validation/client-data';

/**
 * POST /api/me/import — a Daylio or iMoodJournal CSV export, or any other CSV read through the
 * `csvMapping` the client chose, for the signed-in client. A CSV Tandem does not recognise,
 * sent without `csvMapping`, is answered with its columns and first rows to map. Without
 * `mapping` it only reads the file and answers a preview (with how much of it is already here
 * and the moods remembered from last time); with one it imports, all or nothing.
 */
export async function POST(request: NextRequest) {
  try {
    const user = await requireApiUser();
    if (user.role !== 'client') throw new TandemError('forbidden:role');
    const parsed = checkInImportSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
    const file = readImportFile(parsed.data.csv, parsed.data.csvMapping);
    const labelKeys = file.moodLabels.map((l) => moodKey(l.label));
    if (!parsed.data.mapping) {
      const known = await getImportContext({ actor: user, importKeys: file.entries.map((e) => e.importKey), labelKeys });
      return NextResponse.json({ preview: previewOf(file, known) });
    }
    const mapping = parsed.data.mapping;
    const checkIns = checkInsFromFile(file, mapping, user.timeZone);
    const moodMapping = Object.fromEntries(labelKeys.map((key) => [key, mapping[key] as number]));
    const result = await importCheckIns({ actor: user, checkIns, source: file.source, timeZone: user.timeZone, moodMapping });
    // Imported history can start or end a signal at once (not only at the next check-in).
    refreshInsightsAfterResponse(user);
    return NextResponse.json({ result });
  } catch (error) {
    if (error instanceof CsvMappingNeeded) return NextResponse.json({ columns: { names: error.columns, rows: error.rows } });
    if (error instanceof ImportFileError) {
      return NextResponse.json(
        { error: { code: 'bad_request:input', message: `Nothing was imported. ${error.message}` } },
        { status: 400 },
      );
    }
    const { code, status, message } = toPublicError(error);
    return NextResponse.json({ error: { code, message } }, { status });
  }
}
