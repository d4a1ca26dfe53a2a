import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Transaction } from '@/db';
import { compareWithCheckpoints, type Checkpoint, type CheckpointFile, type CheckpointReport } from '@/lib/audit/checkpoints';
import { verifyChain, type ChainReport } from '@/lib/audit/verify-chain';
import type { Role } from '@/lib/auth/roles';
import { TandemError } from '@/lib/errors';
import type { AuditQuery } from '@/lib/validation/admin';
import { getSecrets } from '@/lib/secrets';
import { queueAudit, recordCheckpoint } from './audit';
import { withActor, type Actor } from './context';

export const AUDIT_PAGE_SIZE = 50;
/** An export holds at most this many events; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 20_000;

export type AuditLogRow = {
  id: string;
  seq: number;
  occurredAt: Date;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  subjectType: string;
  clientName: string | null;
  outcome: 'allowed' | 'denied' | 'failed';
};

type RawRow = {
  id: string;
  seq: number;
  occurred_at: string | Date;
  actor_name: string | null;
  actor_role: Role | null;
  action: string;
  subject_type: string;
  client_name: string | null;
  outcome: AuditLogRow['outcome'];
};

function requireAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
}

// Days are the clinic's own calendar days.
function whereOf(query: AuditQuery): SQL {
  const conditions: SQL[] = [sql`true`];
  if (query.actor) conditions.push(sql`e.actor_id = ${query.actor}`);
  if (query.client) conditions.push(sql`e.subject_client_id = ${query.client}`);
  if (query.action) conditions.push(sql`e.action = ${query.action}`);
  if (query.from) conditions.push(sql`e.occurred_at >= (${query.from}::date)::timestamp at time zone c.time_zone`);
  if (query.to) conditions.push(sql`e.occurred_at < (${query.to}::date + 1)::timestamp at time zone c.time_zone`);
  return sql.join(conditions, sql` and `);
}

async function selectEvents(tx: Transaction, query: AuditQuery, limit: number, offset: number) {
  const rows = await queryRows<RawRow>(
    tx,
    sql`select e.id, e.seq::int as seq, e.occurred_at, a.name as actor_name, e.actor_role, e.action,
               e.subject_type, s.name as client_name, e.outcome
          from ${schema.auditEvents} e
          join ${schema.clinics} c on c.id = e.clinic_id
          left join ${schema.users} a on a.id = e.actor_id
          left join ${schema.users} s on s.id = e.subject_client_id
         where ${whereOf(query)}
         order by e.seq desc
         limit ${limit} offset ${offset}`,
  );
  return rows.map((r): AuditLogRow => ({
    id: r.id,
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at),
    actorName: r.actor_name,
    actorRole: r.actor_role,
    action: r.action,
    subjectType: r.subject_type,
    clientName: r.client_name,
    outcome: r.outcome,
  }));
}

export type AuditLogPage = { rows: AuditLogRow[]; total: number; page: number; pageCount: number };

/** One page of the clinic's audit log, newest first: who, what kind of data, which client, when, outcome. */
export async function listAuditEvents({ actor, query }: { actor: Actor; query: AuditQuery }): Promise<AuditLogPage> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const [counted] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${schema.auditEvents} e join ${schema.clinics} c on c.id = e.clinic_id where ${whereOf(query)}`,
    );
    const total = Number(counted?.n ?? 0);
    const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const rows = await selectEvents(tx, query, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
    await queueAudit(tx, actor, { action: 'audit_log.view', subjectType: 'audit_log', subjectClientId: query.client });
    return { rows, total, page, pageCount };
  });
}

/** Every event matching the filters (up to the export limit), for a CSV file. The export is audited. */
export async function exportAuditEvents({ actor, query }: { actor: Actor; query: AuditQuery }): Promise<AuditLogRow[]> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const rows = await selectEvents(tx, query, AUDIT_EXPORT_LIMIT, 0);
    await queueAudit(tx, actor, { action: 'audit_log.export', subjectType: 'audit_log', subjectClientId: query.client });
    return rows;
  });
}

export type AuditFilterOptions = { people: { id: string; name: string; role: Role }[] };

/** The people the audit log can be filtered by (the actions come from `lib/audit/vocabulary`). */
export async function listAuditFilterOptions({ actor }: { actor: Actor }): Promise<AuditFilterOptions> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const people = await queryRows<{ id: string; name: string; role: Role }>(
      tx,
      sql`select u.id, u.name, m.role from ${schema.memberships} m join ${schema.users} u on u.id = m.user_id order by u.name`,
    );
    return { people };
  });
}

export type AuditVerification = ChainReport & { checkpoints: CheckpointReport };

type CheckpointRow = { head_seq: number; head_hash: string; signed_at: string | Date; key_id: string; mac: string };

async function clinicCheckpoints(tx: Transaction, clinicId: string): Promise<Checkpoint[]> {
  const rows = await queryRows<CheckpointRow>(
    tx,
    sql`select head_seq::int as head_seq, head_hash, signed_at, key_id, mac from ${schema.auditCheckpoints} order by head_seq, signed_at`,
  );
  return rows.map((r) => ({
    clinicId,
    headSeq: Number(r.head_seq),
    headHash: r.head_hash,
    signedAt: new Date(r.signed_at).toISOString(),
    keyId: r.key_id,
    mac: r.mac,
  }));
}

async function chainHead(tx: Transaction): Promise<{ seq: number; hash: string } | null> {
  const [head] = await queryRows<{ seq: number; hash: string }>(
    tx,
    sql`select seq::int as seq, hash from ${schema.auditEvents} order by seq desc limit 1`,
  );
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/**
 * Recomputes every event's hash in the database (audit_event_hash, the function the chain
 * trigger uses) and walks the chain for the first broken link; then compares the chain with the
 * clinic's signed checkpoints and with those of a file kept outside the database, if given, so
 * that deleting the newest events or re-hashing the chain after an edit is found too. An intact
 * chain gets a new signed checkpoint at its head. The check itself is audited.
 */
export async function verifyAuditChain({ actor, kept }: { actor: Actor; kept?: CheckpointFile }): Promise<AuditVerification> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const links = await queryRows<{ id: string; seq: number; prev_hash: string; hash: string; computed: string }>(
      tx,
      sql`select e.id, e.seq::int as seq, e.prev_hash, e.hash, audit_event_hash(e) as computed
            from ${schema.auditEvents} e order by e.seq`,
    );
    const chain = verifyChain(
      links.map((l) => ({ id: l.id, seq: Number(l.seq), prevHash: l.prev_hash, hash: l.hash, computed: l.computed })),
    );
    const { auditKey, previousAuditKeys } = getSecrets();
    const checkpoints = compareWithCheckpoints(
      new Map(links.map((l) => [Number(l.seq), l.hash])),
      Number(links.at(-1)?.seq ?? 0),
      [...(await clinicCheckpoints(tx, actor.clinicId)), ...(kept?.checkpoints.filter((c) => c.clinicId === actor.clinicId) ?? [])],
      [auditKey, ...previousAuditKeys],
    );
    const head = links.at(-1);
    if (chain.isIntact && !checkpoints.problem && head) await recordCheckpoint(tx, Number(head.seq), head.hash);
    await queueAudit(tx, actor, {
      action: 'audit_log.verify',
      subjectType: 'audit_log',
      outcome: chain.isIntact && !checkpoints.problem ? 'allowed' : 'failed',
    });
    return { ...chain, checkpoints };
  });
}

/**
 * Signs a checkpoint at the chain's head and returns every signed checkpoint of the clinic, as a
 * file for the admin to keep outside the database (SECURITY.md): uploaded again at verification,
 * it shows whether events were removed or the chain rewritten since. The export is audited.
 */
export async function exportAuditCheckpoints({ actor }: { actor: Actor }): Promise<CheckpointFile> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const head = await chainHead(tx);
    if (head) await recordCheckpoint(tx, head.seq, head.hash);
    const checkpoints = await clinicCheckpoints(tx, actor.clinicId);
    await queueAudit(tx, actor, { action: 'audit_log.export_checkpoints', subjectType: 'audit_log' });
    return { format: 'tandem-audit-checkpoints/1', checkpoints };
  });
}
