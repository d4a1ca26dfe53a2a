import { NextResponse } from 'next/server';
import { requireApiUser } from '@/lib/auth/session';
import { exportFhirRecord } from '@/lib/dal/export';
import { TandemError, toPublicError } from '@/lib/errors';
import { buildFhirBundle, fhirDownload } from '@/lib/export/fhir';

/**
 * GET /clients/:clientId/fhir — the assigned therapist downloads the client's record as a FHIR R4
 * Bundle, holding only what the client shares with them; audited. Anyone else: 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  try {
    const user = await requireApiUser();
    if (user.role !== 'therapist') throw new TandemError('not_found:client');
    const { clientId } = await params;
    const record = await exportFhirRecord({ actor: user, clientId });
    return fhirDownload(buildFhirBundle(record), `tandem-fhir-${record.exportedAt.slice(0, 10)}.json`);
  } catch (error) {
    const { code, status, message } = toPublicError(error);
    return NextResponse.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
  }
}
