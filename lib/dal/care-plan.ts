import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { bandFor } from '@/lib/clinical/bands';
import { diffCarePlans } from '@/lib/clinical/care-plan-diff';
import { instrumentDefinition } from '@/lib/clinical/instruments';
import { totalScore } from '@/lib/clinical/scoring';
import { TandemError } from '@/lib/errors';
import {
  carePlanContentSchema,
  carePlanSaveSchema,
  emptyCarePlan,
  type CarePlanContent,
  type CarePlanSaveInput,
  type EvidenceRef,
} from '@/lib/validation/care-plan';
import { mayRead, visibleInsights, type ClientReadAccess } from './access';
import { queueAudit } from './audit';
import { withAssignedClient, type ClientAccess } from './client-record';
import type { Actor } from './context';

// A care plan is versioned: every save is a new care_plan_versions row (append-only for the app
// role), and each cited signal or questionnaire is a care_plan_evidence row of that version, so
// the signal can show where it is cited and the plan item can link back to it.

const itemRef = (section: 'problem' | 'goal', id: string) => `${section}:${id}`;

type StoredEvidence = { itemRef: string; insightId: string | null; measureResponseId: string | null };

function withEvidence(content: CarePlanContent, evidence: readonly StoredEvidence[]): CarePlanContent {
  const refsOf = (ref: string): EvidenceRef[] =>
    evidence
      .filter((e) => e.itemRef === ref)
      .flatMap((e): EvidenceRef[] =>
        e.insightId ? [{ insightId: e.insightId }] : e.measureResponseId ? [{ measureResponseId: e.measureResponseId }] : [],
      );
  return {
    ...content,
    problems: content.problems.map((p) => ({ ...p, evidence: refsOf(itemRef('problem', p.id)) })),
    goals: content.goals.map((g) => ({ ...g, evidence: refsOf(itemRef('goal', g.id)) })),
  };
}

function withoutEvidence(content: CarePlanContent) {
  return {
    ...content,
    problems: content.problems.map(({ evidence: _evidence, ...p }) => p),
    goals: content.goals.map(({ evidence: _evidence, ...g }) => g),
  };
}

function storedContent(raw: unknown): CarePlanContent {
  const parsed = carePlanContentSchema.safeParse(raw);
  return parsed.success ? parsed.data : emptyCarePlan;
}

const refKey = (r: EvidenceRef) => ('insightId' in r ? r.insightId : r.measureResponseId);

/**
 * A new citation must be evidence the therapist may see now (a visible signal or a shared
 * questionnaire of this client). A citation an item already had is kept as it was, even when the
 * client has since stopped sharing what it rests on: the therapist's form never showed it, and a
 * save must not silently drop it from the record.
 */
function mergeCitations(before: CarePlanContent, next: CarePlanContent, citable: ReadonlySet<string>): CarePlanContent {
  const merge = <T extends { id: string; evidence: EvidenceRef[] }>(prior: readonly T[], items: readonly T[]): T[] =>
    items.map((item) => {
      const had = prior.find((p) => p.id === item.id)?.evidence ?? [];
      const hadKeys = new Set(had.map(refKey));
      const chosen = new Set(item.evidence.map(refKey));
      if (item.evidence.some((r) => !citable.has(refKey(r)) && !hadKeys.has(refKey(r)))) {
        throw new TandemError('bad_request:input', 'A cited signal or questionnaire is not available to you.');
      }
      const hidden = had.filter((r) => !citable.has(refKey(r)) && !chosen.has(refKey(r)));
      return { ...item, evidence: [...item.evidence, ...hidden] };
    });
  return { ...next, problems: merge(before.problems, next.problems), goals: merge(before.goals, next.goals) };
}

/**
 * Appends a version to the client's care plan inside the caller's transaction. With `baseVersion`,
 * a plan that moved on since the therapist opened it is not overwritten (conflict:care_plan_version).
 */
export async function appendCarePlanVersion(
  tx: Transaction,
  actor: Actor,
  client: ClientAccess,
  { baseVersion, build }: { baseVersion?: number; build: (current: CarePlanContent) => CarePlanContent },
): Promise<number> {
  const p = schema.carePlans;
  let [plan] = await tx.select({ id: p.id, currentVersion: p.currentVersion }).from(p).where(eq(p.clientId, client.clientId)).for('update');
  if (!plan) {
    [plan] = await tx
      .insert(p)
      .values({ clinicId: actor.clinicId, clientId: client.clientId })
      .returning({ id: p.id, currentVersion: p.currentVersion });
    if (!plan) throw new TandemError('internal');
  }
  if (baseVersion !== undefined && baseVersion !== plan.currentVersion) throw new TandemError('conflict:care_plan_version');
  const before = (await loadVersion(tx, plan.id, plan.currentVersion))?.content ?? emptyCarePlan;
  const citable = new Set((await citableEvidence(tx, client.clientId, client)).map((o) => o.id));
  const next = mergeCitations(before, build(before), citable);
  const version = plan.currentVersion + 1;
  const v = schema.carePlanVersions;
  const [row] = await tx
    .insert(v)
    .values({
      clinicId: actor.clinicId,
      carePlanId: plan.id,
      version,
      authorId: actor.userId,
      content: withoutEvidence(next),
      reviewDate: next.reviewDate || null,
    })
    .returning({ id: v.id });
  if (!row) throw new TandemError('internal');
  const evidence = [
    ...next.problems.flatMap((item) => item.evidence.map((e) => ({ itemRef: itemRef('problem', item.id), ...e }))),
    ...next.goals.flatMap((item) => item.evidence.map((e) => ({ itemRef: itemRef('goal', item.id), ...e }))),
  ];
  if (evidence.length > 0) {
    await tx.insert(schema.carePlanEvidence).values(
      evidence.map((e) => ({
        clinicId: actor.clinicId,
        carePlanVersionId: row.id,
        itemRef: e.itemRef,
        insightId: 'insightId' in e ? e.insightId : null,
        measureResponseId: 'measureResponseId' in e ? e.measureResponseId : null,
      })),
    );
  }
  await tx.update(p).set({ currentVersion: version, updatedAt: new Date() }).where(eq(p.id, plan.id));
  await queueAudit(tx, actor, { action: 'care_plan.save', subjectType: 'care_plan', subjectId: row.id, subjectClientId: client.clientId });
  return version;
}

async function loadVersion(tx: Transaction, carePlanId: string, version: number) {
  if (version === 0) return null;
  const v = schema.carePlanVersions;
  const [row] = await tx
    .select({ id: v.id, content: v.content })
    .from(v)
    .where(and(eq(v.carePlanId, carePlanId), eq(v.version, version)));
  if (!row) return null;
  const evidence = await tx
    .select({
      itemRef: schema.carePlanEvidence.itemRef,
      insightId: schema.carePlanEvidence.insightId,
      measureResponseId: schema.carePlanEvidence.measureResponseId,
    })
    .from(schema.carePlanEvidence)
    .where(eq(schema.carePlanEvidence.carePlanVersionId, row.id));
  return { content: withEvidence(storedContent(row.content), evidence) };
}

/** The therapist saves the care plan as a new version. Validated; refused on top of a newer version. */
export async function saveCarePlan({ actor, input }: { actor: Actor; input: CarePlanSaveInput }): Promise<{ version: number }> {
  const parsed = carePlanSaveSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
  const { clientId, baseVersion, content } = parsed.data;
  return withAssignedClient(actor, clientId, { action: 'care_plan.save', subjectType: 'care_plan' }, async (tx, client) => ({
    version: await appendCarePlanVersion(tx, actor, client, { baseVersion, build: () => content }),
  }));
}

export type EvidenceOption = { kind: 'insight'; id: string; label: string } | { kind: 'measure'; id: string; label: string };
export type CarePlanVersionDto = { version: number; authorName: string; savedAt: Date; changes: string[]; content: CarePlanContent };
export type CarePlanDto = {
  version: number;
  content: CarePlanContent;
  versions: CarePlanVersionDto[];
  /** Signals and questionnaires the therapist may cite now, with a label for each. */
  evidenceOptions: EvidenceOption[];
};

/** The current care plan, its whole version history (newest first) and what may be cited. */
export async function getCarePlan({ actor, clientId }: { actor: Actor; clientId: string }): Promise<CarePlanDto> {
  return withAssignedClient(actor, clientId, { action: 'care_plan.read', subjectType: 'care_plan' }, async (tx, client) => {
    const evidenceOptions = await citableEvidence(tx, client.clientId, client);
    const visible = new Set(evidenceOptions.map((o) => o.id));
    const [plan] = await tx
      .select({ id: schema.carePlans.id, currentVersion: schema.carePlans.currentVersion })
      .from(schema.carePlans)
      .where(eq(schema.carePlans.clientId, clientId));
    await queueAudit(tx, actor, { action: 'care_plan.read', subjectType: 'care_plan', subjectClientId: clientId });
    if (!plan) return { version: 0, content: emptyCarePlan, versions: [], evidenceOptions };
    const v = schema.carePlanVersions;
    const rows = await tx
      .select({ id: v.id, version: v.version, content: v.content, authorName: schema.users.name, createdAt: v.createdAt })
      .from(v)
      .leftJoin(schema.users, eq(schema.users.id, v.authorId))
      .where(eq(v.carePlanId, plan.id))
      .orderBy(asc(v.version));
    const ids = rows.map((r) => r.id);
    const evidence =
      ids.length === 0
        ? []
        : await tx
            .select({
              versionId: schema.carePlanEvidence.carePlanVersionId,
              itemRef: schema.carePlanEvidence.itemRef,
              insightId: schema.carePlanEvidence.insightId,
              measureResponseId: schema.carePlanEvidence.measureResponseId,
            })
            .from(schema.carePlanEvidence)
            .where(inArray(schema.carePlanEvidence.carePlanVersionId, ids));
    // Citations of data no longer shared are kept in the record but not shown.
    const shown = evidence.filter((e) => visible.has(e.insightId ?? e.measureResponseId ?? ''));
    let previous: CarePlanContent | null = null;
    const versions: CarePlanVersionDto[] = [];
    for (const r of rows) {
      const content = withEvidence(
        storedContent(r.content),
        shown.filter((e) => e.versionId === r.id),
      );
      versions.push({
        version: r.version,
        authorName: r.authorName ?? 'A former colleague',
        savedAt: r.createdAt,
        changes: diffCarePlans(previous, content),
        content,
      });
      previous = content;
    }
    versions.reverse();
    const current = versions.find((x) => x.version === plan.currentVersion);
    return { version: plan.currentVersion, content: current?.content ?? emptyCarePlan, versions, evidenceOptions };
  });
}

async function citableEvidence(tx: Transaction, clientId: string, access: ClientReadAccess): Promise<EvidenceOption[]> {
  const i = schema.insights;
  const insights = await tx
    .select({ id: i.id, summary: i.summary })
    .from(i)
    .where(and(eq(i.clientId, clientId), visibleInsights(access)))
    .orderBy(desc(i.detectedAt));
  const options: EvidenceOption[] = insights.map((x) => ({ kind: 'insight', id: x.id, label: x.summary }));
  if (mayRead(access, 'measures')) {
    const m = schema.measureResponses;
    const measures = await tx
      .select({ id: m.id, instrument: m.instrument, items: m.items, localDate: m.localDate })
      .from(m)
      .where(eq(m.clientId, clientId))
      .orderBy(desc(m.completedAt));
    for (const r of measures) {
      const total = totalScore(r.instrument, r.items);
      options.push({
        kind: 'measure',
        id: r.id,
        label: `${instrumentDefinition(r.instrument).name} on ${r.localDate}: ${total} (${bandFor(r.instrument, total).label.toLowerCase()})`,
      });
    }
  }
  return options;
}
