import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { seedDemo } from '@/db/seed/seed-demo';
import { listClinicsForRecompute, recomputeClinicInsights } from './insights';

const today = '2026-11-26';

type Stored = { email: string; kind: string; severity: string; direction: string; scope: string };
let stored: Stored[] = [];
const of = (email: string) => stored.filter((s) => s.email === `${email}@demo.tandem.test`);
const kindsOf = (email: string) => of(email).map((s) => s.kind);
const alarming = (email: string) => of(email).filter((s) => s.direction === 'worsening' && s.severity !== 'info');

beforeAll(async () => {
  await seedDemo(getDatabase(), { today });
  for (const clinic of await listClinicsForRecompute()) await recomputeClinicInsights({ clinicId: clinic.id, asOf: today });
  stored = await queryRows<Stored>(
    getDatabase(),
    sql`select u.email, i.kind, i.severity::text, i.direction::text, i.scope::text from insights i join users u on u.id = i.client_id
         where i.status = 'open' order by u.email, i.key`,
  );
}, 180_000);

describe('the demo seed, recomputed as of its day', () => {
  it('finds the decline of the demo client as a worsening change in mood', () => {
    expect(of('client').filter((s) => (s.kind === 'decline' || s.kind === 'shift') && s.direction === 'worsening')).toEqual([
      expect.objectContaining({ severity: 'attention', scope: 'checkins' }),
    ]);
  });

  it("finds Jamie's sudden drop and the item-9 answer, filed as risk", () => {
    expect(of('jamie').find((s) => s.kind === 'shift')).toMatchObject({ direction: 'worsening', severity: 'attention' });
    expect(of('jamie').find((s) => s.kind === 'item9')).toMatchObject({ severity: 'urgent', scope: 'risk' });
  });

  it("finds Noor's improvement, Theo's silence and Ana's swings", () => {
    expect(of('noor').find((s) => s.kind === 'improvement' || s.kind === 'shift')).toMatchObject({ direction: 'improving' });
    expect(kindsOf('theo')).toContain('disengagement');
    expect(kindsOf('ana')).toContain('volatility');
  });

  it('raises nothing alarming for the stable clients', () => {
    for (const email of ['ben', 'kai', 'quinn']) expect(alarming(email)).toEqual([]);
    expect(kindsOf('ben').filter((k) => ['decline', 'shift', 'volatility', 'low_run', 'disengagement', 'item9'].includes(k))).toEqual([]);
  });

  it('stores one row per key and changes nothing on a second run', async () => {
    const count = () =>
      queryRows<{ n: number; keys: number }>(
        getDatabase(),
        sql`select count(*)::int as n, count(distinct (client_id, key))::int as keys from insights`,
      );
    const [before] = await count();
    for (const clinic of await listClinicsForRecompute()) {
      expect(await recomputeClinicInsights({ clinicId: clinic.id, asOf: today })).toMatchObject({ opened: 0, closed: 0 });
    }
    expect(await count()).toEqual([before]);
  });
});
