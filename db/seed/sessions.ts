import { encryptText } from '@/lib/crypto/aes-gcm';
import { addendumContext, noteContext, privateNoteContext } from '@/lib/crypto/note-contexts';
import { addDays } from '@/lib/dates';
import type * as schema from '../schema';
import type { DemoRows } from './generate';
import { reassignment } from './personas';
import { createRandom } from './random';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export type SessionRows = {
  notes: Insert<typeof schema.sessionNotes>[];
  addenda: Insert<typeof schema.sessionNoteAddenda>[];
  privateNotes: Insert<typeof schema.privateNotes>[];
};

type Session = {
  client: string;
  author: string;
  daysAgo: number;
  sections: Record<string, string>;
  template?: 'soap' | 'dap';
  addendum?: string;
  privateNote?: string;
};

const sam = 'therapist@demo.tandem.test';
const soap = (subjective: string, objective: string, assessment: string, plan: string) => ({ subjective, objective, assessment, plan });

// Past signed sessions of Sam Rivera's clients, so the timeline has session markers and each
// brief has a last session. Riley is seen every two weeks.
const sessions: Session[] = [
  ...[56, 42, 28, 14].map((daysAgo, i) => ({
    client: 'client@demo.tandem.test',
    author: sam,
    daysAgo,
    sections: soap(
      [
        'Settling into the new job; sleep mostly fine.',
        'Busier weeks at work; says evenings feel flat.',
        'Less time with friends; tired most days.',
        'Mood lower; cancelled two plans this week.',
      ][i] ?? '',
      'Engaged and on time. Check-ins logged most days.',
      i < 2
        ? 'Stable; no risk indicators raised.'
        : 'Gradual lowering of mood over recent weeks; reviewed together with the check-in chart.',
      i < 2
        ? 'Continue behavioural activation; next session in two weeks.'
        : 'Schedule two pleasant activities; review sleep routine; PHQ-9 next week.',
    ),
    ...(i === 3 ? { addendum: 'Riley emailed to say the weekend plan went ahead.' } : {}),
  })),
  {
    client: 'jamie@demo.tandem.test',
    author: sam,
    daysAgo: 21,
    sections: soap(
      'Work stress; sleep irregular.',
      'Alert and engaged.',
      'Coping; no change in risk.',
      'Problem-solving for work stress; next session in two weeks.',
    ),
  },
  {
    client: 'jamie@demo.tandem.test',
    author: sam,
    daysAgo: 7,
    sections: soap(
      'Sudden drop in mood after family news.',
      'Tearful at times; engaged.',
      'Marked change since last session.',
      'Safety plan reviewed; earlier session offered.',
    ),
  },
  ...[42, 28, 14].map((daysAgo) => ({
    client: 'noor@demo.tandem.test',
    author: sam,
    daysAgo,
    template: 'dap' as const,
    sections: {
      data: 'Reports more good days; back at the running group.',
      assessment: 'Continued improvement, in line with the questionnaires.',
      plan: 'Keep the routine; consider spacing sessions.',
    },
  })),
  {
    client: 'ben@demo.tandem.test',
    author: sam,
    daysAgo: 20,
    sections: soap('Steady weeks.', 'Relaxed, engaged.', 'Stable.', 'Monthly check-ins.'),
  },
  {
    client: reassignment.client,
    author: reassignment.from,
    daysAgo: 74,
    sections: soap('Adjusting after the move.', 'Engaged.', 'Mild low mood.', 'Handover to a new therapist planned.'),
    privateNote: 'Own reflection: keep in mind the tension with the brother.',
  },
  {
    client: reassignment.client,
    author: sam,
    daysAgo: 17,
    sections: soap(
      'First weeks with a new therapist; settling in.',
      'Engaged.',
      'Mild low mood, stable.',
      'Agree goals at the next session.',
    ),
  },
];

/** The demo's session notes, encrypted with the key the app reads them with. Owner-only insert. */
export function generateSessions(rows: DemoRows, today: string, encryptionKey: Buffer, seed: number): SessionRows {
  const rng = createRandom(seed);
  const clinicId = rows.clinics[0]?.id;
  const idOf = new Map(rows.users.map((u) => [u.email, u.id]));
  const out: SessionRows = { notes: [], addenda: [], privateNotes: [] };
  if (!clinicId) return out;
  for (const s of sessions) {
    const clientId = idOf.get(s.client);
    const authorId = idOf.get(s.author);
    if (!clientId || !authorId) continue;
    const id = rng.uuid();
    const sessionDate = addDays(today, -s.daysAgo);
    const signedAt = new Date(`${sessionDate}T17:30:00Z`);
    out.notes.push({
      id,
      clinicId,
      clientId,
      authorId,
      sessionDate,
      template: s.template ?? 'soap',
      bodyCiphertext: encryptText(JSON.stringify({ sections: s.sections, brief: null }), encryptionKey, noteContext(clinicId, id)),
      status: 'signed',
      signedAt,
      createdAt: new Date(`${sessionDate}T16:00:00Z`),
      updatedAt: signedAt,
    });
    if (s.addendum) {
      const addendumId = rng.uuid();
      out.addenda.push({
        id: addendumId,
        clinicId,
        noteId: id,
        authorId,
        bodyCiphertext: encryptText(s.addendum, encryptionKey, addendumContext(clinicId, id, addendumId)),
        createdAt: new Date(`${addDays(sessionDate, 3)}T09:15:00Z`),
      });
    }
    if (s.privateNote) {
      const privateId = rng.uuid();
      out.privateNotes.push({
        id: privateId,
        clinicId,
        clientId,
        authorId,
        sessionNoteId: id,
        bodyCiphertext: encryptText(s.privateNote, encryptionKey, privateNoteContext(clinicId, authorId, privateId)),
        createdAt: signedAt,
        updatedAt: signedAt,
      });
    }
  }
  return out;
}
