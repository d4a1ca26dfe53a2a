import { describe, expect, it } from 'vitest';
import { fhirProblems, unresolvedReferences } from '@/lib/testing/fhir-validation';
import { buildFhirBundle, LOINC, stableId, TANDEM_SYSTEMS, type FhirExportInput, type FhirResource } from './fhir';

const clientId = '0b6f7c1e-3d4a-4c2b-9a55-1f1e2d3c4b5a';
const input: FhirExportInput = {
  exportedAt: '2026-11-29T10:00:00.000Z',
  client: { id: clientId, name: 'Riley Example' },
  checkIns: [
    { id: 'c1', localDate: '2026-11-01', recordedAt: '2026-11-01T21:30:00.000Z', mood: 4 },
    { id: 'c2', localDate: '2026-11-02', recordedAt: '2026-11-02T08:00:00.000Z', mood: 7 },
  ],
  measures: [
    { id: 'm1', instrument: 'phq9', items: [2, 2, 1, 2, 1, 1, 1, 0, 1], difficulty: 2, completedAt: '2026-11-01T09:00:00.000Z' },
    { id: 'm2', instrument: 'gad7', items: [3, 3, 3, 3, 2, 2, 1], difficulty: null, completedAt: '2026-11-01T09:05:00.000Z' },
  ],
};

const resources = (bundle: { entry: { resource: FhirResource }[] }) => bundle.entry.map((e) => e.resource);
const ofType = (bundle: { entry: { resource: FhirResource }[] }, type: string) => resources(bundle).filter((r) => r.resourceType === type);
const codes = (r: FhirResource) => ((r.code as { coding: { code: string }[] }).coding ?? []).map((c) => c.code);

describe('buildFhirBundle', () => {
  const bundle = buildFhirBundle(input);

  it('passes FHIR R4 validation, the Bundle and every resource in it', () => {
    expect(fhirProblems(bundle)).toEqual([]);
    for (const resource of resources(bundle)) expect([resource.resourceType, fhirProblems(resource)]).toEqual([resource.resourceType, []]);
  }, 30_000);

  it('refers between entries by urn:uuid, each to an entry of a type R4 allows there', () => {
    const allowed = {
      'QuestionnaireResponse.subject': ['Patient'],
      'QuestionnaireResponse.author': ['Patient'],
      'QuestionnaireResponse.source': ['Patient'],
      'Observation.subject': ['Patient'],
      'Observation.derivedFrom': ['QuestionnaireResponse'],
    };
    expect(unresolvedReferences(bundle, allowed)).toEqual([]);
    const dangling = { ...bundle, entry: bundle.entry.filter((e) => e.resource.resourceType !== 'Patient') };
    // Three references in each response, one in each of the two totals and the two moods.
    expect(unresolvedReferences(dangling, allowed)).toHaveLength(10);
  });

  it('is caught by the validator when a resource is malformed, so the checks above can fail', () => {
    const broken = { ...ofType(bundle, 'Observation')[0], valueInteger: 4.5, effectiveDateTime: '1 November', status: undefined };
    expect(fhirProblems(broken as FhirResource).map((p) => p.split(':')[0])).toEqual([
      'error Observation.status',
      'error Observation.effective[x]',
      'error Observation.value[x]',
    ]);
  });

  it('holds one Patient with the Tandem id as identifier, two Questionnaires, a response and a total per administration, a mood per check-in', () => {
    expect(resources(bundle).map((r) => r.resourceType)).toEqual([
      'Patient',
      'Questionnaire',
      'Questionnaire',
      'QuestionnaireResponse',
      'Observation',
      'QuestionnaireResponse',
      'Observation',
      'Observation',
      'Observation',
    ]);
    const [patient] = ofType(bundle, 'Patient');
    expect(patient).toMatchObject({
      identifier: [{ system: TANDEM_SYSTEMS.clientId, value: clientId }],
      name: [{ text: 'Riley Example' }],
    });
    expect(bundle.entry.every((e) => e.fullUrl === `urn:uuid:${e.resource.id}`)).toBe(true);
  });

  it('codes the questionnaires with their LOINC panel, items, difficulty question and total', () => {
    const [phq9, gad7] = ofType(bundle, 'Questionnaire');
    expect(phq9).toMatchObject({ url: 'urn:tandem:questionnaire:phq9', code: [{ system: LOINC, code: '44249-1' }] });
    expect(gad7).toMatchObject({ url: 'urn:tandem:questionnaire:gad7', code: [{ system: LOINC, code: '69737-5' }] });
    const linkIds = (q: FhirResource | undefined) => (q?.item as { linkId: string }[]).map((i) => i.linkId);
    expect(linkIds(phq9)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
      '69722-7',
      '44261-6',
    ]);
    expect(linkIds(gad7)).toEqual(['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7', '69722-7', '70274-6']);
  });

  it('answers each item with its LOINC answer code and score, and states the total', () => {
    const [phq9Response, gad7Response] = ofType(bundle, 'QuestionnaireResponse');
    type Item = {
      linkId: string;
      answer: { valueCoding?: { code: string; extension: { valueDecimal: number }[] }; valueInteger?: number }[];
    };
    const items = phq9Response?.item as Item[];
    expect(items[0]?.answer[0]?.valueCoding).toMatchObject({
      system: LOINC,
      code: 'LA6570-1',
      display: 'More than half the days',
      extension: [{ valueDecimal: 2 }],
    });
    expect(items[8]).toMatchObject({ linkId: '44260-8', answer: [{ valueCoding: { code: 'LA6569-3' } }] });
    expect(items[9]).toMatchObject({ linkId: '69722-7', answer: [{ valueCoding: { code: 'LA6575-0', display: 'Very difficult' } }] });
    expect(items.at(-1)).toEqual({ linkId: '44261-6', text: 'PHQ-9 total score', answer: [{ valueInteger: 11 }] });
    expect(phq9Response).toMatchObject({
      questionnaire: 'urn:tandem:questionnaire:phq9',
      status: 'completed',
      authored: '2026-11-01T09:00:00.000Z',
    });
    // No difficulty answer: the item is left out rather than invented.
    expect((gad7Response?.item as Item[]).map((i) => i.linkId)).not.toContain('69722-7');
  });

  it('gives each total its LOINC code, the severity band as interpretation and the response it came from', () => {
    const [phq9Total, gad7Total] = ofType(bundle, 'Observation').filter((o) => codes(o).some((c) => c !== 'mood'));
    expect(codes(phq9Total as FhirResource)).toEqual(['44261-6']);
    expect(phq9Total).toMatchObject({
      valueInteger: 11,
      interpretation: [{ coding: [{ code: 'moderate', display: 'Moderate' }], text: 'Moderate (10–14)' }],
    });
    expect(phq9Total?.derivedFrom).toEqual([{ reference: `urn:uuid:${stableId('questionnaire-response', 'm1')}` }]);
    expect(codes(gad7Total as FhirResource)).toEqual(['70274-6']);
    expect(gad7Total).toMatchObject({ valueInteger: 17, interpretation: [{ coding: [{ code: 'severe' }] }] });
  });

  it('records daily mood in the Tandem code system on the check-in’s local date', () => {
    const moods = ofType(bundle, 'Observation').filter((o) => codes(o).includes('mood'));
    expect(moods.map((m) => [m.effectiveDateTime, m.issued, m.valueInteger])).toEqual([
      ['2026-11-01', '2026-11-01T21:30:00.000Z', 4],
      ['2026-11-02', '2026-11-02T08:00:00.000Z', 7],
    ]);
    expect(moods[0]?.code).toMatchObject({ coding: [{ system: TANDEM_SYSTEMS.checkIn, code: 'mood' }] });
  });

  it('leaves out a scope given as null: no questionnaires without measures, no mood without check-ins', () => {
    const onlyPatient = buildFhirBundle({ ...input, checkIns: null, measures: null });
    expect(resources(onlyPatient).map((r) => r.resourceType)).toEqual(['Patient']);
    const noMeasures = buildFhirBundle({ ...input, measures: null });
    expect(new Set(resources(noMeasures).map((r) => r.resourceType))).toEqual(new Set(['Patient', 'Observation']));
    expect(ofType(noMeasures, 'Observation').every((o) => codes(o).includes('mood'))).toBe(true);
  });

  it('gives the same resource the same id in every export', () => {
    expect(buildFhirBundle(input).entry.map((e) => e.fullUrl)).toEqual(bundle.entry.map((e) => e.fullUrl));
    expect(stableId('patient', clientId)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
