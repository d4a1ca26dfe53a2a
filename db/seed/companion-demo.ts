import { addDays } from '@/lib/dates';
import type { Transaction } from '../index';
import * as schema from '../schema';
import type { DemoRows } from './generate';

// Three clients of Priya Nair for the companion's journeys (issue 15), one per journey, so its
// end-to-end tests change no other persona's data. Both had good weeks (often with a walk or friends) and a hard
// last week, so a low check-in today brings up the "be gentle with yourself" message. Both share
// check-ins with Priya (so they skip the first-run welcome), nothing else.
export const COMPANION_PERSONAS = [
  { email: 'mira@demo.tandem.test', name: 'Mira Solberg' },
  { email: 'nils@demo.tandem.test', name: 'Nils Berg' },
  { email: 'oskar@demo.tandem.test', name: 'Oskar Lind' },
] as const;

const THERAPIST = 'priya@demo.tandem.test';
const BASELINE_DAYS = 28;
const RECENT_DAYS = 5;

export async function seedCompanionPersonas(tx: Transaction, rows: DemoRows, today: string, passwordHash: string): Promise<void> {
  const clinic = rows.clinics[0];
  const therapist = rows.users.find((u) => u.email === THERAPIST);
  if (!clinic?.id || !therapist) throw new Error(`The demo clinic and ${THERAPIST} must be seeded first`);
  const clinicId = clinic.id;
  const timeZone = clinic.timeZone ?? 'Europe/London';
  const startedAt = new Date(`${addDays(today, -(BASELINE_DAYS + RECENT_DAYS + 10))}T09:00:00Z`);
  for (const persona of COMPANION_PERSONAS) {
    const [user] = await tx
      .insert(schema.users)
      .values({ email: persona.email, name: persona.name, passwordHash, timeZone })
      .returning({ id: schema.users.id });
    if (!user) throw new Error('companion persona not created');
    await tx.insert(schema.memberships).values({ userId: user.id, clinicId, role: 'client' });
    await tx.insert(schema.assignments).values({ clinicId, clientId: user.id, therapistId: therapist.id, startedAt });
    await tx
      .insert(schema.consentGrants)
      .values({ clinicId, clientId: user.id, therapistId: therapist.id, scope: 'checkins', grantedAt: startedAt });
    const days = Array.from({ length: BASELINE_DAYS + RECENT_DAYS }, (_, i) => addDays(today, -(BASELINE_DAYS + RECENT_DAYS) + i));
    await tx.insert(schema.checkIns).values(
      days.map((localDate, i) => {
        const isRecent = i >= BASELINE_DAYS;
        const isGood = !isRecent && i % 3 !== 2;
        return {
          clinicId,
          clientId: user.id,
          localDate,
          timeZone,
          recordedAt: new Date(`${localDate}T19:00:00Z`),
          mood: isRecent ? 3 : isGood ? 7 : 5,
          tags: isRecent ? ['tired', 'work stress'] : isGood ? ['walk', 'friends', 'work stress'] : ['work stress'],
        };
      }),
    );
  }
}
