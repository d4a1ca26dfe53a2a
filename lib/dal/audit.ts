import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '@/db';
import { signCheckpoint } from '@/lib/audit/checkpoints';
import type { AuditAction, AuditSubject } from '@/lib/audit/vocabulary';
import { getSecrets } from '@/lib/secrets';
import type { Actor } from './context';

export type { AuditAction, AuditSubject } from '@/lib/audit/vocabulary';

export type AuditEntry = {
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId?: string;
  subjectClientId?: string;
  outcome?: 'allowed' | 'denied' | 'failed';
};

/** An event waiting for its transaction's end; `actorId` null is the clinic's background worker. */
type Queued = { actorId: string | null; entry: AuditEntry };

/** A checkpoint is signed automatically each time a clinic's chain passes a multiple of this. */
export const CHECKPOINT_EVERY = 100;

// Events recorded in a `withActor` transaction, written together just before it commits.
const pending = new WeakMap<Transaction, Queued[]>();

function enqueue(tx: Transaction, events: Queued[]) {
  const queue = pending.get(tx) ?? [];
  pending.set(tx, queue);
  queue.push(...events);
}

/**
 * Queues an audit event on the caller's transaction, which writes its queue as one batch just
 * before it commits (`flushAudits`): the event commits or rolls back with the work it describes
 * (a denial is the exception: see `takeDenials`). Never carries clinical content: who, what kind,
 * which client, outcome.
 */
export async function queueAudit(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
  await queueAudits(tx, actor, [entry]);
}

/** Several audit events at once (a list view audits each client it shows). */
export async function queueAudits(tx: Transaction, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  enqueue(
    tx,
    entries.map((entry) => ({ actorId: actor.userId, entry })),
  );
}

/** Takes the events recorded in `from` so that another transaction writes them (reads on a replica). */
export function moveAudits(from: Transaction, to: Transaction): void {
  const queue = pending.get(from) ?? [];
  pending.delete(from);
  if (queue.length > 0) enqueue(to, queue);
}

/** An event of the clinic's background worker (`withClinicWorker`): no person acted. */
export function queueWorkerAudit(tx: Transaction, entry: AuditEntry): void {
  enqueue(tx, [{ actorId: null, entry }]);
}

/**
 * Takes the denials recorded in a transaction that is about to roll back, so that `withActor`
 * can write them in a transaction of their own: a refused attempt stays on record even though
 * the work that refused it threw.
 */
export function takeDenials(tx: Transaction): Queued[] {
  const queue = pending.get(tx) ?? [];
  pending.delete(tx);
  return queue.filter((q) => q.entry.outcome === 'denied');
}

/**
 * Writes the transaction's recorded events in order through record_audit_events(), which takes
 * the clinic, person and role from the transaction's context (and refuses an event claimed for
 * anyone else). When the chain passes a multiple of CHECKPOINT_EVERY, the new head is signed.
 * `withActor` calls it last.
 */
export async function flushAudits(tx: Transaction, queued: readonly Queued[] = takeAll(tx)): Promise<void> {
  for (const batch of byActor(readsOnceIn.has(tx) ? distinct(queued) : queued)) {
    const [head] = await queryRows<{ head_seq: number; head_hash: string }>(
      tx,
      sql`select head_seq::int as head_seq, head_hash from record_audit_events(${batch.actorId}::uuid, ${JSON.stringify(batch.entries)}::jsonb)`,
    );
    if (
      head &&
      Math.floor(Number(head.head_seq) / CHECKPOINT_EVERY) > Math.floor((Number(head.head_seq) - batch.entries.length) / CHECKPOINT_EVERY)
    ) {
      await recordCheckpoint(tx, Number(head.head_seq), head.head_hash);
    }
  }
}

function takeAll(tx: Transaction): Queued[] {
  const queue = pending.get(tx) ?? [];
  pending.delete(tx);
  return queue;
}

// Transactions that only read, whose repeated events are written once (`auditRepeatsOnceIn`).
const readsOnceIn = new WeakSet<Transaction>();

/**
 * For a transaction that only reads (the client page's loader): an event repeated in it is written
 * once. Its events all carry the transaction's start time, so a second identical one (the same
 * person, action, subject and outcome: several parts of one page each reading the client's
 * check-ins) would say nothing the first does not. Not for writes or sends, where two identical
 * events can be two acts (an email to each of two admins).
 */
export function auditRepeatsOnceIn(tx: Transaction): void {
  readsOnceIn.add(tx);
}

/** The events without repeats, in order of their first appearance. */
function distinct(queued: readonly Queued[]): Queued[] {
  const seen = new Set<string>();
  return queued.filter(({ actorId, entry }) => {
    const key = JSON.stringify([
      actorId,
      entry.action,
      entry.subjectType,
      entry.subjectId,
      entry.subjectClientId,
      entry.outcome ?? 'allowed',
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byActor(queued: readonly Queued[]): { actorId: string | null; entries: AuditEntry[] }[] {
  const batches: { actorId: string | null; entries: AuditEntry[] }[] = [];
  for (const { actorId, entry } of queued) {
    const last = batches.at(-1);
    if (last && last.actorId === actorId) last.entries.push(entry);
    else batches.push({ actorId, entries: [entry] });
  }
  return batches;
}

/** Signs the clinic's chain head with the server's audit key and stores the checkpoint. */
export async function recordCheckpoint(tx: Transaction, headSeq: number, headHash: string): Promise<void> {
  const [clinic] = await queryRows<{ id: string }>(tx, sql`select app_clinic_id() as id`);
  const signed = signCheckpoint(getSecrets().auditKey, {
    clinicId: clinic!.id,
    headSeq,
    headHash,
    signedAt: new Date().toISOString(),
  });
  await tx.execute(
    sql`select record_audit_checkpoint(${signed.headSeq}, ${signed.headHash}, ${signed.signedAt}::timestamptz, ${signed.keyId}, ${signed.mac})`,
  );
}
