import { createHash } from 'node:crypto';
import { bandFor } from '@/lib/clinical/bands';
import {
  DIFFICULTY_OPTIONS,
  FREQUENCY_OPTIONS,
  INSTRUMENTS,
  instrumentDefinition,
  type AnswerOption,
  type Instrument,
} from '@/lib/clinical/instruments';
import { totalScore } from '@/lib/clinical/scoring';

// A client's record as a FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html) of type
// "collection": one Patient, the PHQ-9 and GAD-7 Questionnaires, a QuestionnaireResponse and a
// total-score Observation per administration, and a mood Observation per check-in. Pure: the DAL
// decides what the reader may see (a scope left out is null) and this module only shapes it.

export const LOINC = 'http://loinc.org';
/** Tandem's own identifiers and codes. URNs, so they do not depend on where Tandem runs. */
export const TANDEM_SYSTEMS = {
  clientId: 'urn:tandem:client-id',
  checkIn: 'urn:tandem:code-system:check-in',
  severityBand: 'urn:tandem:code-system:severity-band',
  questionnaire: (instrument: Instrument) => `urn:tandem:questionnaire:${instrument}`,
} as const;
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
// R4 core extension giving each answer its score (https://hl7.org/fhir/R4/extension-ordinalvalue.html).
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

export type FhirExportInput = {
  exportedAt: string;
  client: { id: string; name: string };
  /** Null when the reader may not see check-ins. */
  checkIns: { id: string; localDate: string; recordedAt: string; mood: number }[] | null;
  /** Null when the reader may not see questionnaires. */
  measures: { id: string; instrument: Instrument; items: number[]; difficulty: number | null; completedAt: string }[] | null;
};

type Coding = { system: string; code: string; display?: string };
type CodeableConcept = { coding?: Coding[]; text?: string };
type Reference = { reference: string; display?: string };
type Extension = { url: string; valueDecimal: number };
export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;
export type FhirBundle = {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
};

/**
 * A stable id for a resource derived from a Tandem row: the same row gives the same id in every
 * export, so a receiving system can recognise a resource it already holds. Formatted as a
 * name-based UUID (RFC 9562 §5.5, version 5) so that `urn:uuid:` references are valid.
 */
export function stableId(kind: string, key: string): string {
  const hex = createHash('sha1').update(`tandem:${kind}:${key}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

const urn = (id: string) => `urn:uuid:${id}`;
const loinc = (code: string, display?: string): Coding => (display ? { system: LOINC, code, display } : { system: LOINC, code });
const surveyCategory: CodeableConcept[] = [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }];

function answerOptions(options: readonly AnswerOption[]) {
  return options.map((o) => ({
    extension: [{ url: ORDINAL_VALUE, valueDecimal: o.value } satisfies Extension],
    valueCoding: loinc(o.loinc, o.label),
  }));
}

function answerCoding(options: readonly AnswerOption[], value: number) {
  const option = options.find((o) => o.value === value);
  if (!option) throw new RangeError(`${value} is not an answer from 0 to 3`);
  return { extension: [{ url: ORDINAL_VALUE, valueDecimal: option.value } satisfies Extension], ...loinc(option.loinc, option.label) };
}

/** Each item's wording beside its LOINC code. */
function codedItems(instrument: Instrument): { text: string; code: string }[] {
  const def = instrumentDefinition(instrument);
  return def.items.map((text, i) => {
    const code = def.loinc.items[i];
    if (!code) throw new Error(`${def.name} item ${i + 1} has no LOINC code`);
    return { text, code };
  });
}

/** The questionnaire as Tandem asks it: published wording, LOINC codes, scored answers. */
export function questionnaireResource(instrument: Instrument): FhirResource {
  const def = instrumentDefinition(instrument);
  return {
    resourceType: 'Questionnaire',
    id: stableId('questionnaire', instrument),
    url: TANDEM_SYSTEMS.questionnaire(instrument),
    name: def.name.replace('-', ''),
    title: def.name,
    status: 'active',
    subjectType: ['Patient'],
    description: def.stem,
    copyright:
      'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
    code: [loinc(def.loinc.panel, `${def.name} panel`)],
    item: [
      ...codedItems(instrument).map(({ text, code }) => ({
        linkId: code,
        code: [loinc(code)],
        text,
        type: 'choice',
        required: true,
        answerOption: answerOptions(FREQUENCY_OPTIONS),
      })),
      {
        linkId: def.loinc.difficulty,
        code: [loinc(def.loinc.difficulty)],
        text: def.difficultyQuestion,
        type: 'choice',
        required: false,
        answerOption: answerOptions(DIFFICULTY_OPTIONS),
      },
      {
        linkId: def.loinc.total,
        code: [loinc(def.loinc.total, `${def.name} total score`)],
        text: `${def.name} total score`,
        type: 'integer',
        readOnly: true,
      },
    ],
  };
}

type Measure = NonNullable<FhirExportInput['measures']>[number];

function measureResources(measure: Measure, patient: Reference): FhirResource[] {
  const def = instrumentDefinition(measure.instrument);
  const items = codedItems(measure.instrument);
  const total = totalScore(measure.instrument, measure.items);
  const band = bandFor(measure.instrument, total);
  const responseId = stableId('questionnaire-response', measure.id);
  const response: FhirResource = {
    resourceType: 'QuestionnaireResponse',
    id: responseId,
    questionnaire: TANDEM_SYSTEMS.questionnaire(measure.instrument),
    status: 'completed',
    subject: patient,
    author: patient,
    source: patient,
    authored: measure.completedAt,
    item: [
      ...items.map(({ text, code }, i) => ({
        linkId: code,
        text,
        answer: [{ valueCoding: answerCoding(FREQUENCY_OPTIONS, measure.items[i] ?? -1) }],
      })),
      ...(measure.difficulty === null
        ? []
        : [
            {
              linkId: def.loinc.difficulty,
              text: def.difficultyQuestion,
              answer: [{ valueCoding: answerCoding(DIFFICULTY_OPTIONS, measure.difficulty) }],
            },
          ]),
      { linkId: def.loinc.total, text: `${def.name} total score`, answer: [{ valueInteger: total }] },
    ],
  };
  const observation: FhirResource = {
    resourceType: 'Observation',
    id: stableId('measure-total', measure.id),
    status: 'final',
    category: surveyCategory,
    code: { coding: [loinc(def.loinc.total, `${def.name} total score`)], text: `${def.name} total score` },
    subject: patient,
    effectiveDateTime: measure.completedAt,
    valueInteger: total,
    // The severity band (PHQ-9: Kroenke, Spitzer & Williams 2001; GAD-7: Spitzer et al. 2006).
    interpretation: [
      {
        coding: [{ system: TANDEM_SYSTEMS.severityBand, code: band.id, display: band.label }],
        text: `${band.label} (${band.min}–${band.max})`,
      },
    ],
    derivedFrom: [{ reference: urn(responseId) }],
  };
  return [response, observation];
}

type CheckIn = NonNullable<FhirExportInput['checkIns']>[number];

function moodObservation(checkIn: CheckIn, patient: Reference): FhirResource {
  return {
    resourceType: 'Observation',
    id: stableId('check-in-mood', checkIn.id),
    status: 'final',
    category: surveyCategory,
    code: { coding: [{ system: TANDEM_SYSTEMS.checkIn, code: 'mood', display: 'Mood (1 very low to 10 very good)' }], text: 'Mood' },
    subject: patient,
    // The day in the client's own time zone, as they logged it; `issued` is the instant.
    effectiveDateTime: checkIn.localDate,
    issued: checkIn.recordedAt,
    valueInteger: checkIn.mood,
  };
}

/** The Bundle for one client with what the reader may see. */
export function buildFhirBundle(input: FhirExportInput): FhirBundle {
  const patientId = stableId('patient', input.client.id);
  const patientRef: Reference = { reference: urn(patientId), display: input.client.name };
  const resources: FhirResource[] = [
    {
      resourceType: 'Patient',
      id: patientId,
      identifier: [{ use: 'usual', system: TANDEM_SYSTEMS.clientId, value: input.client.id }],
      name: [{ text: input.client.name }],
    },
  ];
  if (input.measures) {
    resources.push(...INSTRUMENTS.map(questionnaireResource));
    for (const measure of input.measures) resources.push(...measureResources(measure, patientRef));
  }
  if (input.checkIns) resources.push(...input.checkIns.map((c) => moodObservation(c, patientRef)));
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: input.exportedAt,
    entry: resources.map((resource) => ({ fullUrl: urn(resource.id), resource })),
  };
}

/** The Bundle as a download: FHIR's JSON media type (https://hl7.org/fhir/R4/http.html#mime-type). */
export function fhirDownload(bundle: FhirBundle, filename: string): Response {
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      'Content-Type': 'application/fhir+json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
