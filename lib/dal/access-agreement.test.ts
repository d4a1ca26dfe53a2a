import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDatabase, queryRows, schema } from '@/db';
import {
  addCheckIn,
  addJournalEntry,
  addMeasureResponse,
  assign,
  createClinicWithClient,
  createPerson,
  grant,
} from '@/lib/testing/factories';
import { canReadClientScope, mayRead, type Scope } from './access';
import { admitClient } from './client-record';
import { withActor, type Actor } from './context';

// One rule, said twice on purpose: mayRead in TypeScript (asked through canReadClientScope by the
// client's own pages, and on the access admitClient grants by the therapist's pages) and the
// row-level security policies in SQL (docs/design.md §2, §8). They must agree for every role, scope and state of
// consent, or the DAL would promise a page what the database then hides (or the reverse). The
// SQL side is read raw, under the app role with the actor's context, as every request reads.

const SCOPE_TABLES = {
  checkins: 'check_ins',
  measures: 'measure_responses',
  journal: 'journal_entries',
  companion: 'companion_items',
} as const satisfies Record<Scope, string>;

const CONSENT_STATES = ['live', 'revoked', 'expired', 'never'] as const;
type ConsentState = (typeof CONSENT_STATES)[number];

const day = 24 * 60 * 60 * 1000;
const grantTimes: Record<Exclude<ConsentState, 'never'>, () => { revokedAt?: Date; expiresAt?: Date; grantedAt?: Date }> = {
  live: () => ({}),
  revoked: () => ({ grantedAt: new Date(Date.now() - 30 * day), revokedAt: new Date(Date.now() - day) }),
  expired: () => ({ grantedAt: new Date(Date.now() - 30 * day), expiresAt: new Date(Date.now() - day) }),
};

type World = { client: Actor; roles: Record<string, Actor> };

/** A client with a row in every scope, shared with their therapist in the given state. */
async function worldWith(state: ConsentState): Promise<World> {
  const w = await createClinicWithClient();
  await addCheckIn(w.client, '2026-11-20', 5);
  await addMeasureResponse(w.client, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], '2026-11-20');
  await addJournalEntry(w.client, '2026-11-20');
  await getDatabase()
    .insert(schema.companionItems)
    .values({ clinicId: w.clinicId, clientId: w.client.userId, kind: 'thought_record', ciphertext: 'test-ciphertext' });
  if (state !== 'never')
    for (const scope of Object.keys(SCOPE_TABLES) as Scope[]) await grant(w.client, w.therapist, scope, grantTimes[state]());

  const colleague = await createPerson(w.clinicId, 'therapist');
  const otherClient = await createPerson(w.clinicId, 'client');
  await assign(otherClient, w.therapist);
  const elsewhere = await createClinicWithClient();
  return {
    client: w.client,
    roles: {
      'the client': w.client,
      'the assigned therapist': w.therapist,
      'a colleague not assigned': colleague,
      'the clinic admin': w.admin,
      'another client of the therapist': otherClient,
      'a therapist of another clinic': elsewhere.therapist,
    },
  };
}

async function rowsVisible(actor: Actor, table: string, clientId: string): Promise<number> {
  return withActor(actor, async (tx) => {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${sql.identifier(table)} where client_id = ${clientId}`,
    );
    return row?.n ?? 0;
  });
}

describe('the access predicates and the row-level security policies agree', () => {
  const worlds = new Map<ConsentState, World>();
  beforeAll(async () => {
    for (const state of CONSENT_STATES) worlds.set(state, await worldWith(state));
  }, 120_000);

  for (const state of CONSENT_STATES) {
    for (const scope of Object.keys(SCOPE_TABLES) as Scope[]) {
      it(`on ${scope} when sharing is ${state}`, async () => {
        const w = worlds.get(state)!;
        const verdicts: Record<string, { dal: boolean; sql: boolean; staffPages: boolean }> = {};
        for (const [role, actor] of Object.entries(w.roles)) {
          const dal = await withActor(actor, (tx) => canReadClientScope(tx, actor, w.client.userId, scope));
          const visible = await rowsVisible(actor, SCOPE_TABLES[scope], w.client.userId);
          const admitted = await withActor(actor, (tx) =>
            admitClient(tx, actor, w.client.userId, { action: 'client.view', subjectType: 'caseload' }),
          );
          verdicts[role] = { dal, sql: visible > 0, staffPages: admitted !== null && mayRead(admitted, scope) };
        }
        for (const [role, v] of Object.entries(verdicts)) expect(v.sql, `${role}: RLS says ${v.sql}, the DAL says ${v.dal}`).toBe(v.dal);
        // The therapist's pages admit staff only; for them they answer as the rule does.
        for (const [role, v] of Object.entries(verdicts)) {
          if (role !== 'the client') expect(v.staffPages, `${role}: the therapist's pages say ${v.staffPages}`).toBe(v.dal);
        }
        // The rule itself: the client always, the assigned therapist only while the scope is shared.
        expect(verdicts['the client']?.dal).toBe(true);
        expect(verdicts['the assigned therapist']?.dal).toBe(state === 'live');
        for (const role of [
          'a colleague not assigned',
          'the clinic admin',
          'another client of the therapist',
          'a therapist of another clinic',
        ]) {
          expect(verdicts[role]?.dal, role).toBe(false);
        }
      });
    }
  }
});
