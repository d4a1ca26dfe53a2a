import { NextResponse, type NextRequest } from 'next/server';
import { requireApiUser } from '@/lib/auth/session';
import { exportFhirRecord, exportMyData } from '@/lib/dal/export';
import { TandemError, toPublicError } from '@/lib/errors';
import { exportZip } from '@/lib/export/csv-files';
import { buildFhirBundle, fhirDownload } from '@/lib/export/fhir';
import { exportFormatSchema } from '@/lib/validation/client-data';

/**
 * GET /api/me/export?format=json|csv — everything the signed-in client logged; format=fhir — their
 * mood and questionnaires as a FHIR R4 Bundle. Audited.
 */
export async function GET(request: NextRequest) {
  try {
    const user = await requireApiUser();
    const format = exportFormatSchema.safeParse(request.nextUrl.searchParams.get('format') ?? 'json');
    if (!format.success) throw new TandemError('bad_request:input', 'Ask for format=json, format=csv or format=fhir.');
    if (format.data === 'fhir') {
      const record = await exportFhirRecord({ actor: user, clientId: user.userId });
      return fhirDownload(buildFhirBundle(record), `tandem-fhir-${record.exportedAt.slice(0, 10)}.json`);
    }
    const data = await exportMyData({ actor: user, format: format.data });
    const stamp = data.exportedAt.slice(0, 10);
    const headers = { 'Cache-Control': 'no-store' };
    if (format.data === 'json') {
      return new NextResponse(JSON.stringify(data, null, 2), {
        headers: {
          ...headers,
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="tandem-export-${stamp}.json"`,
        },
      });
    }
    return new NextResponse(Buffer.from(exportZip(data)), {
      headers: {
        ...headers,
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="tandem-export-${stamp}.zip"`,
      },
    });
  } catch (error) {
    const { code, status, message } = toPublicError(error);
    return NextResponse.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
  }
}
