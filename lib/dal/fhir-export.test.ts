import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { buildFhirBundle, type FhirBundle } from '@/lib/export/fhir';
import { addMeasureResponse, createClinicWithClient, createPerson, grant } from '@/lib/testing/factories';
import { fhirProblems } from '@/lib/testing/fhir-validation';
import { listAccessLog } from './access-log';
import { exportFhirRecord } from './export';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let w: World;

beforeEach(async () => {
  w = await createClinicWithClient();
  await addMeasureResponse(w.client, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], '2026-11-01');
  await addMeasureResponse(w.client, 'gad7', [2, 2, 2, 2, 2, 2, 2], '2026-11-02');
});

const kinds = (bundle: FhirBundle) => bundle.entry.map((e) => e.resource.resourceType);
const moodCount = (bundle: FhirBundle) =>
  bundle.entry.filter((e) => JSON.stringify(e.resource.code ?? null).includes('urn:tandem:code-system:check-in')).length;
const auditOf = async (actorId: string) =>
  (
    await queryRows<{ action: string; outcome: string }>(
      getDatabase(),
      sql`select action, outcome from audit_events where actor_id = ${actorId} order by seq`,
    )
  ).map((r) => `${r.action}:${r.outcome}`);

describe('FHIR export for the assigned therapist', () => {
  it('holds nothing of questionnaires when only check-ins are shared, and audits what left', async () => {
    await grant(w.client, w.therapist, 'checkins');
    const bundle = buildFhirBundle(await exportFhirRecord({ actor: w.therapist, clientId: w.client.userId }));
    expect(kinds(bundle)).toEqual(['Patient', 'Observation', 'Observation']);
    expect(moodCount(bundle)).toBe(2);
    expect(JSON.stringify(bundle)).not.toMatch(/Questionnaire|44261-6|70274-6/);
    expect(await auditOf(w.therapist.userId)).toEqual(['client.export:allowed', 'check_ins.export:allowed']);
  });

  it('holds no mood when only questionnaires are shared', async () => {
    await grant(w.client, w.therapist, 'measures');
    const bundle = buildFhirBundle(await exportFhirRecord({ actor: w.therapist, clientId: w.client.userId }));
    expect(kinds(bundle)).toEqual([
      'Patient',
      'Questionnaire',
      'Questionnaire',
      'QuestionnaireResponse',
      'Observation',
      'QuestionnaireResponse',
      'Observation',
    ]);
    expect(moodCount(bundle)).toBe(0);
    expect(await auditOf(w.therapist.userId)).toEqual(['client.export:allowed', 'measures.export:allowed']);
  });

  it('holds only the person when nothing is shared, or when sharing was stopped or has ended', async () => {
    await grant(w.client, w.therapist, 'checkins', { grantedAt: new Date(Date.now() - 120_000), revokedAt: new Date(Date.now() - 60_000) });
    await grant(w.client, w.therapist, 'measures', { grantedAt: new Date(Date.now() - 120_000), expiresAt: new Date(Date.now() - 60_000) });
    await grant(w.client, w.therapist, 'journal');
    const record = await exportFhirRecord({ actor: w.therapist, clientId: w.client.userId });
    expect(record.checkIns).toBeNull();
    expect(record.measures).toBeNull();
    expect(kinds(buildFhirBundle(record))).toEqual(['Patient']);
  });

  it('shows the client the export in their access log', async () => {
    await grant(w.client, w.therapist, 'checkins');
    await grant(w.client, w.therapist, 'measures');
    await exportFhirRecord({ actor: w.therapist, clientId: w.client.userId });
    const log = await listAccessLog({ actor: w.client });
    expect(log.map((e) => `${e.subject}.${e.verb}`).sort()).toEqual(['caseload.export', 'check_ins.export', 'measures.export']);
  });

  it('is refused, audited, to another therapist of the clinic, to an admin and across clinics', async () => {
    const colleague = await createPerson(w.clinicId, 'therapist');
    const other = await createClinicWithClient();
    await grant(w.client, w.therapist, 'checkins');
    for (const actor of [colleague, w.admin, other.therapist]) {
      await expect(exportFhirRecord({ actor, clientId: w.client.userId })).rejects.toMatchObject({ code: 'not_found:client' });
    }
    expect(await auditOf(colleague.userId)).toEqual(['client.export:denied']);
    await expect(exportFhirRecord({ actor: w.therapist, clientId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'not_found:client' });
  });
});

describe('FHIR export for the client', () => {
  it('holds all their mood and questionnaires, passes FHIR R4 validation and is audited', async () => {
    const bundle = buildFhirBundle(await exportFhirRecord({ actor: w.client, clientId: w.client.userId }));
    expect(kinds(bundle).filter((k) => k === 'QuestionnaireResponse')).toHaveLength(2);
    expect(moodCount(bundle)).toBe(2);
    expect(fhirProblems(bundle)).toEqual([]);
    expect(await auditOf(w.client.userId)).toEqual(['account.export_fhir:allowed']);
  });

  it('is only ever their own', async () => {
    const other = await createClinicWithClient();
    await expect(exportFhirRecord({ actor: w.client, clientId: other.client.userId })).rejects.toMatchObject({ code: 'not_found:client' });
  });
});
