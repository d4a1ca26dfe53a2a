import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getNote, listNotes } from '@/lib/dal/notes';
import { getSinceLastSessionBrief } from '@/lib/dal/brief';
import type { Actor } from '@/lib/dal/context';
import { getDatabase, queryRows } from '../index';
import { seedDemo } from './seed-demo';

const today = '2026-11-26';

async function person(email: string): Promise<Actor & { id: string }> {
  const [row] = await queryRows<{ id: string; clinic_id: string; role: Actor['role'] }>(
    getDatabase(),
    sql`select u.id, m.clinic_id, m.role from users u join memberships m on m.user_id = u.id where u.email = ${email}`,
  );
  if (!row) throw new Error(`no ${email}`);
  return { id: row.id, userId: row.id, clinicId: row.clinic_id, role: row.role };
}

beforeAll(async () => {
  await seedDemo(getDatabase(), { today });
}, 120_000);

describe('the demo session notes', () => {
  it('gives Riley signed sessions every two weeks that Sam reads, with an addendum on the latest', async () => {
    const sam = await person('therapist@demo.tandem.test');
    const riley = await person('client@demo.tandem.test');
    const notes = await listNotes({ actor: sam, clientId: riley.id });
    expect(notes.map((n) => [n.sessionDate, n.status])).toEqual([
      ['2026-11-12', 'signed'],
      ['2026-10-29', 'signed'],
      ['2026-10-15', 'signed'],
      ['2026-10-01', 'signed'],
    ]);
    const latest = await getNote({ actor: sam, clientId: riley.id, noteId: notes[0]?.id ?? '' });
    expect(latest.sections.subjective).toContain('cancelled two plans');
    expect(latest.addenda).toHaveLength(1);
    const brief = await getSinceLastSessionBrief({ actor: sam, clientId: riley.id, now: new Date(`${today}T12:00:00Z`) });
    expect(brief.window.lastSessionDate).toBe('2026-11-12');
    expect(brief.mood?.daysLogged).toBeGreaterThan(0);
  });

  it('lets Sam read Gus’s earlier note by Jordan, but never Jordan’s private note', async () => {
    const sam = await person('therapist@demo.tandem.test');
    const gus = await person('gus@demo.tandem.test');
    const notes = await listNotes({ actor: sam, clientId: gus.id });
    const jordans = notes.find((n) => !n.isAuthor);
    expect(jordans?.authorName).toBe('Jordan Okafor');
    const note = await getNote({ actor: sam, clientId: gus.id, noteId: jordans?.id ?? '' });
    expect(note.sections.plan).toContain('Handover');
    expect(note.privateNote).toBeNull();
  });
});
