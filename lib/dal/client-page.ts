import 'server-only';
import type { Transaction } from '@/db';
import type { TimelineData, TimelineRange } from '@/lib/clinical/timeline';
import { TandemError } from '@/lib/errors';
import type { Brief } from '@/lib/insights/brief';
import { mayRead } from './access';
import { auditRepeatsOnceIn } from './audit';
import { briefFor, pausesRead } from './brief';
import {
  admitClient,
  checkInNotesRead,
  decryptJournal,
  readCheckInNotes,
  readMeasureAdministrations,
  readOverview,
  readSharedJournal,
  readTimeline,
  timelineDays,
  type CheckInNoteDto,
  type ClientAccess,
  type MeasureAdministrationDto,
  type SharedJournalEntry,
} from './client-record';
import { readSharedCompanion, type SharedCompanion } from './companion';
import { withActor, type Actor } from './context';
import { citedInsightsRead, readSignals, reviewsRead, type Signals } from './insight-reviews';
import { journalRead } from './journal';
import { readReminderHealth, reminderSendsRead, type ReminderHealth } from './outreach';
import {
  alertsRead,
  checkInsRead,
  clinicRead,
  insightsRead,
  measuresRead,
  prefetchSharedReads,
  sessionsRead,
  shareReadsIn,
  type SharedRead,
} from './shared-reads';

/** Everything the therapist's page about one client shows, part by part. */
export type ClientPageParts = {
  client: ClientAccess;
  reminders: ReminderHealth | null;
  signals: Signals;
  brief: Brief;
  timeline: TimelineData;
  measures: MeasureAdministrationDto[] | null;
  checkInNotes: CheckInNoteDto[] | null;
  journal: SharedJournalEntry[] | null;
  companion: SharedCompanion | null;
};
type Part = keyof ClientPageParts;

export type ClientPageLoad = {
  /**
   * Settles once the assignment is checked, before any of the client's data is read: rejects with
   * not_found:client for anyone but the assigned therapist (after their refusal is on record).
   */
  admitted: Promise<void>;
  /** One promise per part; each settles after the one transaction commits with its audit events. */
  parts: { [K in Part]: Promise<ClientPageParts[K]> };
};

type Reader<K extends Part> = (tx: Transaction, client: ClientAccess) => Promise<ClientPageParts[K]>;

class Deferred<T> {
  resolve!: (value: T) => void;
  reject!: (reason: unknown) => void;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
  constructor() {
    // A part nobody awaits (a denial rejects them all) must not surface as an unhandled rejection.
    this.promise.catch(() => undefined);
  }
}

/**
 * What the parts below read, run together in one statement once the client is admitted: one
 * round trip instead of one a read. Only what the client shares now is read, as each part would
 * (row-level security would return nothing else anyway). A read left out here still runs when its
 * part asks for it, in a statement of its own.
 */
function pageReads(actor: Actor, client: ClientAccess, range: TimelineRange): SharedRead<unknown>[] {
  const { clientId } = client;
  const sharesCheckIns = mayRead(client, 'checkins');
  return [
    // The timeline's check-ins: the brief's are usually among them.
    ...(sharesCheckIns
      ? [checkInsRead(clientId, timelineDays(client, range).checkInsFrom), checkInNotesRead(clientId), reminderSendsRead(clientId)]
      : []),
    ...(mayRead(client, 'measures') ? [measuresRead(clientId)] : []),
    ...(mayRead(client, 'journal') ? [journalRead(clientId)] : []),
    insightsRead(clientId, client),
    reviewsRead(clientId, client),
    citedInsightsRead(clientId),
    sessionsRead(clientId),
    alertsRead(clientId),
    pausesRead(clientId),
    clinicRead(actor.clinicId),
  ];
}

/**
 * The therapist's page about one client, read in one transaction under the actor's row-level
 * security: the assignment is checked once (anyone else is audited as denied and reads nothing),
 * then each part reads only what the client shares now, exactly as the part's own DAL function
 * does, and the whole page's audit events are written as one batch at commit. No part is handed
 * out before that commit, so nothing is shown that is not on record.
 *
 * A part that fails settles as rejected on its own (its panel says so) while the others still
 * arrive; a failure that spoils the transaction (a database error) rejects every part.
 */
export function loadClientPage({ actor, clientId, range }: { actor: Actor; clientId: string; range: TimelineRange }): ClientPageLoad {
  const readers: { [K in Part]: Reader<K> } = {
    client: (tx, client) => readOverview(tx, actor, client),
    reminders: (tx, client) => readReminderHealth(tx, actor, { clientId: client.clientId, sharesCheckIns: mayRead(client, 'checkins') }),
    signals: (tx, client) => readSignals(tx, actor, client),
    // The timeline before the brief: its check-ins usually reach further back, and the brief's are then among them.
    timeline: (tx, client) => readTimeline(tx, actor, client, range),
    brief: (tx, client) => briefFor(tx, actor, client),
    measures: (tx, client) => readMeasureAdministrations(tx, actor, client),
    checkInNotes: (tx, client) => readCheckInNotes(tx, actor, client),
    journal: async (tx, client) => {
      const sealed = await readSharedJournal(tx, actor, client);
      return sealed && decryptJournal(sealed);
    },
    companion: (tx, client) => readSharedCompanion(tx, actor, client),
  };
  const parts = Object.keys(readers) as Part[];
  const admitted = new Deferred<void>();
  const pending = Object.fromEntries(parts.map((part) => [part, new Deferred<unknown>()])) as Record<Part, Deferred<unknown>>;
  const failAll = (error: unknown) => {
    admitted.reject(error);
    for (const part of parts) pending[part].reject(error);
  };

  void withActor(actor, async (tx) => {
    const client = await admitClient(tx, actor, clientId, { action: 'client.view', subjectType: 'caseload' });
    if (!client) return null;
    // The page only reads: its parts may share the reads they have in common (lib/dal/shared-reads.ts),
    // and a read several parts record (the client's check-ins) is written to the audit log once.
    shareReadsIn(tx);
    auditRepeatsOnceIn(tx);
    admitted.resolve();
    await prefetchSharedReads(tx, pageReads(actor, client, range));
    const settled: Partial<Record<Part, PromiseSettledResult<unknown>>> = {};
    // One connection answers one statement at a time: the parts are read in turn.
    for (const part of parts) {
      try {
        settled[part] = { status: 'fulfilled', value: await readers[part](tx, client) };
      } catch (reason) {
        settled[part] = { status: 'rejected', reason };
      }
    }
    return settled;
  }).then((settled) => {
    if (!settled) return failAll(new TandemError('not_found:client'));
    for (const part of parts) {
      const result = settled[part];
      if (result?.status === 'fulfilled') pending[part].resolve(result.value);
      else pending[part].reject(result?.reason);
    }
  }, failAll);

  return {
    admitted: admitted.promise,
    parts: Object.fromEntries(parts.map((part) => [part, pending[part].promise])) as ClientPageLoad['parts'],
  };
}
