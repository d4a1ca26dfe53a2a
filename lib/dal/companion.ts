import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull } from 'drizzle-orm';
import { z } from '@/lib/validation/zod';
import { schema, type Transaction } from '@/db';
import { betterDayTags } from '@/lib/companion/activation';
import {
  MESSAGE_MAX_CHARS,
  respond,
  startConversation,
  type CompanionContext,
  type CompanionState,
  type Reply,
  type ReminderOffer,
  type ReplyKind,
  type ThoughtRecord,
} from '@/lib/companion/engine';
import { phraseReflection } from '@/lib/companion/model';
import { decryptText, encryptText } from '@/lib/crypto/aes-gcm';
import { addDays, localDateIn } from '@/lib/dates';
import type { BriefCompanion } from '@/lib/insights/brief';
import { env } from '@/lib/env';
import { TandemError } from '@/lib/errors';
import { getSecrets } from '@/lib/secrets';
import { canReadClientScope, mayRead } from './access';
import { raiseUrgentAlert } from './alerts';
import { queueAudit } from './audit';
import { withAssignedClient, type ClientAccess } from './client-record';
import { withActor, type Actor } from './context';

// Bound to clinic and client like the journal's ciphertext: copied onto another row, it fails.
const contextFor = (clinicId: string, clientId: string) => `companion:${clinicId}:${clientId}`;
/** The client's companion text as stored (their own reminders' plans use it too). */
export const seal = (actor: Actor, text: string) => encryptText(text, getSecrets().encryptionKey, contextFor(actor.clinicId, actor.userId));
export const open = (row: { clinicId: string; clientId: string; ciphertext: string }) =>
  decryptText(row.ciphertext, getSecrets().encryptionKey, contextFor(row.clinicId, row.clientId));

// Better-day tags are read from this many days of the client's own check-ins.
const HISTORY_DAYS = 90;

export type CompanionMessageDto = {
  turn: number;
  author: 'client' | 'companion';
  kind: ReplyKind | 'message';
  text: string;
  createdAt: Date;
};
export type CompanionConversationDto = { id: string; inCrisis: boolean; isTranscriptShared: boolean; messages: CompanionMessageDto[] };

const messageSchema = z.object({ conversationId: z.uuid(), text: z.string().trim().min(1).max(MESSAGE_MAX_CHARS) });

async function companionContext(tx: Transaction, actor: Actor, afterDip: boolean): Promise<CompanionContext> {
  const [me] = await tx.select({ timeZone: schema.users.timeZone }).from(schema.users).where(eq(schema.users.id, actor.userId));
  const today = localDateIn(me?.timeZone ?? 'UTC');
  const c = schema.checkIns;
  const checkIns = await tx
    .select({ localDate: c.localDate, mood: c.mood, tags: c.tags })
    .from(c)
    .where(and(eq(c.clientId, actor.userId), gte(c.localDate, addDays(today, -HISTORY_DAYS))));
  return { betterDayTags: betterDayTags(checkIns), afterDip };
}

type StoredState = { state: CompanionState; afterDip: boolean };

/** The reminder offer standing in one of the client's own conversations (its latest state), if any. */
export async function readReminderOffer(tx: Transaction, actor: Actor, conversationId: string): Promise<ReminderOffer | null> {
  const conv = schema.companionConversations;
  const [row] = await tx
    .select({ clinicId: conv.clinicId, clientId: conv.clientId, ciphertext: conv.stateCiphertext })
    .from(conv)
    .where(and(eq(conv.id, conversationId), eq(conv.clientId, actor.userId)));
  if (!row) return null;
  return (JSON.parse(open(row)) as StoredState).state.reminderOffer ?? null;
}

/** Opens a new conversation: the companion says who it is and asks an open question. */
export async function startCompanionConversation({ actor, afterDip }: { actor: Actor; afterDip: boolean }): Promise<string> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  const { state, reply } = startConversation({ betterDayTags: [], afterDip }, actor.userId + Date.now());
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .insert(schema.companionConversations)
      .values({
        clinicId: actor.clinicId,
        clientId: actor.userId,
        stateCiphertext: seal(actor, JSON.stringify({ state, afterDip } satisfies StoredState)),
      })
      .returning({ id: schema.companionConversations.id });
    if (!row) throw new TandemError('internal');
    await tx.insert(schema.companionMessages).values({
      clinicId: actor.clinicId,
      clientId: actor.userId,
      conversationId: row.id,
      turn: 0,
      author: 'companion',
      kind: reply.kind,
      ciphertext: seal(actor, reply.text),
    });
    await queueAudit(tx, actor, { action: 'companion.create', subjectType: 'companion', subjectId: row.id, subjectClientId: actor.userId });
    return row.id;
  });
}

export type SentMessage = { reply: Reply; isCrisis: boolean; saved: 'thought_record' | 'session_note' | null };

/**
 * One client message and the companion's reply. The message is screened for risk before anything
 * else (inside `respond`); on a hit the reply is the crisis reply, the model is never called, and
 * the urgent alert is raised in the transaction that stores the message (category only). A
 * reflective reply may be phrased by the clinic's model when both the clinic and the server
 * allow it; the model is called between the two transactions, never while one is open.
 */
export async function sendCompanionMessage({
  actor,
  input,
}: {
  actor: Actor;
  input: { conversationId: string; text: string };
}): Promise<SentMessage> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input');
  const { conversationId, text } = parsed.data;
  const conv = schema.companionConversations;

  const loaded = await withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ clinicId: conv.clinicId, clientId: conv.clientId, ciphertext: conv.stateCiphertext, turns: conv.turns })
      .from(conv)
      .where(and(eq(conv.id, conversationId), eq(conv.clientId, actor.userId)));
    if (!row) return null;
    const stored = JSON.parse(open(row)) as StoredState;
    const [clinic] = await tx
      .select({ isModelAllowed: schema.clinics.companionModelAllowed })
      .from(schema.clinics)
      .where(eq(schema.clinics.id, actor.clinicId));
    return {
      stored,
      turns: row.turns,
      context: await companionContext(tx, actor, stored.afterDip),
      isModelAllowed: clinic?.isModelAllowed === true,
    };
  });
  if (!loaded) throw new TandemError('not_found:companion');

  const turn = respond(loaded.stored.state, text, loaded.context);
  let reply = turn.reply;
  if (reply.kind === 'reflection' && !turn.risk.isHit && loaded.isModelAllowed && env.COMPANION_LLM_URL) {
    reply = (await phraseReflection({ url: env.COMPANION_LLM_URL, model: env.COMPANION_LLM_MODEL }, text, reply)).reply;
  }
  const isCrisis = turn.state.flow === 'crisis';

  const isStored = await withActor(actor, async (tx) => {
    const updated = await tx
      .update(conv)
      .set({
        stateCiphertext: seal(actor, JSON.stringify({ state: turn.state, afterDip: loaded.stored.afterDip } satisfies StoredState)),
        turns: loaded.turns + 1,
        inCrisis: isCrisis,
        updatedAt: new Date(),
      })
      .where(and(eq(conv.id, conversationId), eq(conv.clientId, actor.userId), eq(conv.turns, loaded.turns)))
      .returning({ id: conv.id });
    if (updated.length !== 1) return false;
    const n = loaded.turns + 1;
    const [clientMessage] = await tx
      .insert(schema.companionMessages)
      .values([
        {
          clinicId: actor.clinicId,
          clientId: actor.userId,
          conversationId,
          turn: n,
          author: 'client' as const,
          kind: 'message' as const,
          ciphertext: seal(actor, text),
          riskCategory: turn.risk.category,
        },
        {
          clinicId: actor.clinicId,
          clientId: actor.userId,
          conversationId,
          turn: n,
          author: 'companion' as const,
          kind: reply.kind,
          ciphertext: seal(actor, reply.text),
        },
      ])
      .returning({ id: schema.companionMessages.id });
    if (turn.saved) {
      const body = turn.saved.kind === 'thought_record' ? JSON.stringify(turn.saved.record) : turn.saved.text;
      await tx
        .insert(schema.companionItems)
        .values({ clinicId: actor.clinicId, clientId: actor.userId, conversationId, kind: turn.saved.kind, ciphertext: seal(actor, body) });
    }
    await queueAudit(tx, actor, {
      action: 'companion.message',
      subjectType: 'companion',
      subjectId: conversationId,
      subjectClientId: actor.userId,
    });
    if (turn.risk.isHit && clientMessage)
      await raiseUrgentAlert(tx, actor, {
        kind: 'crisis_language',
        source: 'companion',
        sourceId: clientMessage.id,
        riskCategory: turn.risk.category,
      });
    return true;
  });
  if (!isStored) throw new TandemError('conflict:companion_turn');
  return { reply, isCrisis, saved: turn.saved?.kind ?? null };
}

async function readConversation(tx: Transaction, clientId: string, conversationId: string): Promise<CompanionConversationDto | null> {
  const conv = schema.companionConversations;
  const [row] = await tx
    .select({ id: conv.id, clientId: conv.clientId, inCrisis: conv.inCrisis, transcriptSharedAt: conv.transcriptSharedAt })
    .from(conv)
    .where(and(eq(conv.id, conversationId), eq(conv.clientId, clientId)));
  if (!row) return null;
  const m = schema.companionMessages;
  const rows = await tx
    .select({
      turn: m.turn,
      author: m.author,
      kind: m.kind,
      clinicId: m.clinicId,
      clientId: m.clientId,
      ciphertext: m.ciphertext,
      createdAt: m.createdAt,
    })
    .from(m)
    .where(eq(m.conversationId, conversationId))
    .orderBy(asc(m.turn), asc(m.author));
  return {
    id: row.id,
    inCrisis: row.inCrisis,
    isTranscriptShared: row.transcriptSharedAt !== null,
    messages: rows.map((r) => ({ turn: r.turn, author: r.author, kind: r.kind, text: open(r), createdAt: r.createdAt })),
  };
}

/**
 * One conversation, decrypted: the client's own; for their assigned therapist only a conversation
 * the client shared explicitly, while the companion scope is shared (the policies say the same).
 */
export async function getCompanionConversation({
  actor,
  clientId,
  conversationId,
}: {
  actor: Actor;
  clientId: string;
  conversationId: string;
}): Promise<CompanionConversationDto> {
  if (!z.uuid().safeParse(conversationId).success || !z.uuid().safeParse(clientId).success) throw new TandemError('not_found:companion');
  const found = await withActor(actor, async (tx) => {
    const audit = {
      action: 'companion.read' as const,
      subjectType: 'companion' as const,
      subjectId: conversationId,
      subjectClientId: clientId,
    };
    if (!(await canReadClientScope(tx, actor, clientId, 'companion'))) {
      await queueAudit(tx, actor, { ...audit, outcome: 'denied' });
      return null;
    }
    const conversation = await readConversation(tx, clientId, conversationId);
    const isVisible = conversation !== null && (actor.role === 'client' || conversation.isTranscriptShared);
    await queueAudit(tx, actor, isVisible ? audit : { ...audit, outcome: 'denied' });
    return isVisible ? conversation : null;
  });
  if (!found) throw new TandemError('not_found:companion');
  return found;
}

/** The client's latest conversation, if any, so the page resumes it. */
export async function latestCompanionConversationId({ actor }: { actor: Actor }): Promise<string | null> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const conv = schema.companionConversations;
    const [row] = await tx.select({ id: conv.id }).from(conv).where(eq(conv.clientId, actor.userId)).orderBy(desc(conv.updatedAt)).limit(1);
    return row?.id ?? null;
  });
}

/** Shares (or stops sharing) the words of one conversation; they reach the therapist only while the companion scope is shared too. */
export async function setCompanionTranscriptShared({
  actor,
  conversationId,
  isShared,
}: {
  actor: Actor;
  conversationId: string;
  isShared: boolean;
}): Promise<void> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  if (!z.uuid().safeParse(conversationId).success) throw new TandemError('not_found:companion');
  const conv = schema.companionConversations;
  const updated = await withActor(actor, async (tx) => {
    const rows = await tx
      .update(conv)
      .set({ transcriptSharedAt: isShared ? new Date() : null })
      .where(and(eq(conv.id, conversationId), eq(conv.clientId, actor.userId), isShared ? isNull(conv.transcriptSharedAt) : undefined))
      .returning({ id: conv.id });
    await queueAudit(tx, actor, {
      action: isShared ? 'companion.share_transcript' : 'companion.unshare_transcript',
      subjectType: 'companion',
      subjectId: conversationId,
      subjectClientId: actor.userId,
    });
    return rows.length;
  });
  if (updated === 0 && !isShared) throw new TandemError('not_found:companion');
}

export type CompanionItemDto =
  | { id: string; kind: 'thought_record'; createdAt: Date; record: ThoughtRecord }
  | { id: string; kind: 'session_note'; createdAt: Date; text: string };

const itemOf = (r: {
  id: string;
  kind: 'thought_record' | 'session_note';
  createdAt: Date;
  clinicId: string;
  clientId: string;
  ciphertext: string;
}): CompanionItemDto =>
  r.kind === 'thought_record'
    ? { id: r.id, kind: 'thought_record', createdAt: r.createdAt, record: JSON.parse(open(r)) as ThoughtRecord }
    : { id: r.id, kind: 'session_note', createdAt: r.createdAt, text: open(r) };

/** Thought records and notes for the next session: the client's own, or their therapist's while the companion scope is shared. */
export async function listCompanionItems({
  actor,
  clientId,
  since,
  limit = 20,
}: {
  actor: Actor;
  clientId: string;
  since?: Date;
  limit?: number;
}): Promise<CompanionItemDto[]> {
  const rows = await withActor(actor, async (tx) => {
    if (!z.uuid().safeParse(clientId).success) return null;
    const audit = { action: 'companion.list' as const, subjectType: 'companion' as const, subjectClientId: clientId };
    if (!(await canReadClientScope(tx, actor, clientId, 'companion'))) {
      await queueAudit(tx, actor, { ...audit, outcome: 'denied' });
      return null;
    }
    const i = schema.companionItems;
    const found = await tx
      .select({ id: i.id, kind: i.kind, createdAt: i.createdAt, clinicId: i.clinicId, clientId: i.clientId, ciphertext: i.ciphertext })
      .from(i)
      .where(
        and(eq(i.clientId, clientId), since ? gte(i.createdAt, since) : undefined, inArray(i.kind, ['thought_record', 'session_note'])),
      )
      .orderBy(desc(i.createdAt))
      .limit(Math.min(Math.max(limit, 1), 100));
    await queueAudit(tx, actor, audit);
    return found;
  });
  if (!rows) throw new TandemError('not_found:client');
  return rows.map(itemOf);
}

/** The brief's view of shared companion items: how many thought records, and the session notes' words. */
export function companionBriefOf(
  rows: readonly {
    id: string;
    kind: 'thought_record' | 'session_note';
    createdAt: Date;
    clinicId: string;
    clientId: string;
    ciphertext: string;
  }[],
): BriefCompanion {
  const items = rows.map(itemOf);
  return {
    thoughtRecords: items.filter((i) => i.kind === 'thought_record').length,
    sessionNotes: items.flatMap((i) => (i.kind === 'session_note' ? [i.text] : [])),
  };
}

export type CompanionExport = {
  conversations: {
    startedAt: string;
    messages: { turn: number; author: 'client' | 'companion'; kind: string; text: string; at: string }[];
  }[];
  items: (({ kind: 'thought_record'; createdAt: string } & ThoughtRecord) | { kind: 'session_note'; createdAt: string; text: string })[];
  /** One-off reminders asked for after a behavioural-activation step (lib/dal/companion-reminders.ts). */
  reminders: { activity: string; dueAt: string; localDate: string; localTime: string; timeZone: string; cancelledAt: string | null }[];
};

/** Everything the client said to the companion and saved with it, decrypted: for their own export only. */
export async function companionExportFor(tx: Transaction, actor: Actor): Promise<CompanionExport> {
  const conv = schema.companionConversations;
  const m = schema.companionMessages;
  const conversations = await tx
    .select({ id: conv.id, createdAt: conv.createdAt })
    .from(conv)
    .where(eq(conv.clientId, actor.userId))
    .orderBy(asc(conv.createdAt));
  const messages = await tx
    .select({
      conversationId: m.conversationId,
      turn: m.turn,
      author: m.author,
      kind: m.kind,
      clinicId: m.clinicId,
      clientId: m.clientId,
      ciphertext: m.ciphertext,
      createdAt: m.createdAt,
    })
    .from(m)
    .where(eq(m.clientId, actor.userId))
    .orderBy(asc(m.turn), asc(m.author));
  const i = schema.companionItems;
  const items = await tx
    .select({ id: i.id, kind: i.kind, createdAt: i.createdAt, clinicId: i.clinicId, clientId: i.clientId, ciphertext: i.ciphertext })
    .from(i)
    .where(eq(i.clientId, actor.userId))
    .orderBy(asc(i.createdAt));
  const r = schema.companionReminders;
  const reminders = await tx
    .select({
      clinicId: r.clinicId,
      clientId: r.clientId,
      ciphertext: r.ciphertext,
      dueAt: r.dueAt,
      localDate: r.localDate,
      localTime: r.localTime,
      timeZone: r.timeZone,
      cancelledAt: r.cancelledAt,
    })
    .from(r)
    .where(eq(r.clientId, actor.userId))
    .orderBy(asc(r.dueAt));
  return {
    conversations: conversations.map((c) => ({
      startedAt: c.createdAt.toISOString(),
      messages: messages
        .filter((x) => x.conversationId === c.id)
        .map((x) => ({ turn: x.turn, author: x.author, kind: x.kind, text: open(x), at: x.createdAt.toISOString() })),
    })),
    items: items
      .map(itemOf)
      .map((x) =>
        x.kind === 'thought_record'
          ? { kind: x.kind, createdAt: x.createdAt.toISOString(), ...x.record }
          : { kind: x.kind, createdAt: x.createdAt.toISOString(), text: x.text },
      ),
    reminders: reminders.map((x) => ({
      activity: open(x),
      dueAt: x.dueAt.toISOString(),
      localDate: x.localDate,
      localTime: x.localTime,
      timeZone: x.timeZone,
      cancelledAt: x.cancelledAt?.toISOString() ?? null,
    })),
  };
}

export type SharedCompanion = { items: CompanionItemDto[]; conversations: CompanionConversationDto[] };

/**
 * For the client's assigned therapist: the companion summaries while the client shares the
 * companion scope (null when not), and the words of any conversation the client shared explicitly.
 * Anyone else gets not_found:client.
 */
export async function listSharedCompanion({
  actor,
  clientId,
  limit = 20,
}: {
  actor: Actor;
  clientId: string;
  limit?: number;
}): Promise<SharedCompanion | null> {
  return withAssignedClient(actor, clientId, { action: 'companion.list', subjectType: 'companion' }, (tx, client) =>
    readSharedCompanion(tx, actor, client, limit),
  );
}

/** The shared companion's reads inside an admitted transaction; null while the companion scope is not shared. */
export async function readSharedCompanion(
  tx: Transaction,
  actor: Actor,
  client: ClientAccess,
  limit = 20,
): Promise<SharedCompanion | null> {
  const { clientId } = client;
  if (!mayRead(client, 'companion')) return null;
  const i = schema.companionItems;
  const rows = await tx
    .select({ id: i.id, kind: i.kind, createdAt: i.createdAt, clinicId: i.clinicId, clientId: i.clientId, ciphertext: i.ciphertext })
    .from(i)
    .where(eq(i.clientId, clientId))
    .orderBy(desc(i.createdAt))
    .limit(Math.min(Math.max(limit, 1), 100));
  await queueAudit(tx, actor, { action: 'companion.list', subjectType: 'companion', subjectClientId: clientId });
  const conv = schema.companionConversations;
  const shared = await tx
    .select({ id: conv.id })
    .from(conv)
    .where(and(eq(conv.clientId, clientId), isNotNull(conv.transcriptSharedAt)))
    .orderBy(desc(conv.updatedAt))
    .limit(5);
  const conversations: CompanionConversationDto[] = [];
  for (const { id } of shared) {
    const found = await readConversation(tx, clientId, id);
    if (found) conversations.push(found);
    await queueAudit(tx, actor, { action: 'companion.read', subjectType: 'companion', subjectId: id, subjectClientId: clientId });
  }
  return { items: rows.map(itemOf), conversations };
}

export type CompanionModelSetting = { isAllowed: boolean; isConfigured: boolean };

/** Whether the clinic lets a self-hosted model phrase reflective replies, and whether this server has one (COMPANION_LLM_URL). Admins only. */
export async function getCompanionModelSetting({ actor }: { actor: Actor }): Promise<CompanionModelSetting> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ isAllowed: schema.clinics.companionModelAllowed })
      .from(schema.clinics)
      .where(eq(schema.clinics.id, actor.clinicId));
    if (!row) throw new TandemError('not_found:page');
    return { isAllowed: row.isAllowed, isConfigured: Boolean(env.COMPANION_LLM_URL) };
  });
}

/** Turns the clinic's permission for the model on or off; audited like every clinic setting. */
export async function setCompanionModelAllowed({ actor, isAllowed }: { actor: Actor; isAllowed: boolean }): Promise<void> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  await withActor(actor, async (tx) => {
    const [row] = await tx
      .update(schema.clinics)
      .set({ companionModelAllowed: isAllowed })
      .where(eq(schema.clinics.id, actor.clinicId))
      .returning({ id: schema.clinics.id });
    if (!row) throw new TandemError('forbidden:role');
    await queueAudit(tx, actor, {
      action: isAllowed ? 'clinic.allow_companion_model' : 'clinic.forbid_companion_model',
      subjectType: 'clinic',
      subjectId: row.id,
    });
  });
}
