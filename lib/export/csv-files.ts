import { strToU8, zipSync } from 'fflate';
import { toCsv } from '@/lib/csv';
import type { MyDataExport } from '@/lib/dal/export';

/** The export as one CSV file per kind of data, zipped. */
export function exportZip(data: MyDataExport): Uint8Array {
  const files: Record<string, string> = {
    'check-ins.csv': toCsv(
      ['local_date', 'recorded_at', 'time_zone', 'mood', 'anxiety', 'energy', 'sleep_hours', 'tags', 'note', 'source'],
      data.checkIns.map((c) => [
        c.localDate,
        c.recordedAt,
        c.timeZone,
        c.mood,
        c.anxiety,
        c.energy,
        c.sleepHours,
        c.tags.join(' | '),
        c.note,
        c.source,
      ]),
    ),
    'measure-responses.csv': toCsv(
      ['instrument', 'local_date', 'completed_at', 'items', 'difficulty'],
      data.measureResponses.map((m) => [m.instrument, m.localDate, m.completedAt, m.items.join(' '), m.difficulty]),
    ),
    'journal-entries.csv': toCsv(
      ['local_date', 'created_at', 'updated_at', 'text'],
      data.journalEntries.map((j) => [j.localDate, j.createdAt, j.updatedAt, j.text]),
    ),
    'pauses.csv': toCsv(
      ['start', 'end', 'cancelled_at'],
      data.pauses.map((p) => [p.start, p.end, p.cancelledAt]),
    ),
    'custom-tags.csv': toCsv(
      ['label'],
      data.customTags.map((t) => [t]),
    ),
    'sharing.csv': toCsv(
      ['therapist', 'scope', 'granted_at', 'expires_at', 'revoked_at'],
      data.sharing.map((s) => [s.therapistName, s.scope, s.grantedAt, s.expiresAt, s.revokedAt]),
    ),
    'companion-messages.csv': toCsv(
      ['conversation_started_at', 'turn', 'author', 'kind', 'at', 'text'],
      data.companion.conversations.flatMap((c) => c.messages.map((m) => [c.startedAt, m.turn, m.author, m.kind, m.at, m.text])),
    ),
    'companion-items.csv': toCsv(
      ['kind', 'created_at', 'content'],
      data.companion.items.map((i) => [
        i.kind,
        i.createdAt,
        i.kind === 'session_note' ? i.text : JSON.stringify({ ...i, kind: undefined, createdAt: undefined }),
      ]),
    ),
    'companion-reminders.csv': toCsv(
      ['due_at', 'local_date', 'local_time', 'time_zone', 'cancelled_at', 'activity'],
      data.companion.reminders.map((x) => [x.dueAt, x.localDate, x.localTime, x.timeZone, x.cancelledAt, x.activity]),
    ),
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}
