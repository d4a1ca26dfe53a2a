import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { primaryButton } from '@/components/ui/button-styles';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listNotes } from '@/lib/dal/notes';
import { dayText, momentText } from '@/lib/dates';
import { orNotFound } from '../../or-not-found';

export const metadata: Metadata = { title: 'Session notes' };

const templateName = { soap: 'SOAP', dap: 'DAP' } as const;

export default async function NotesPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const user = await requireRole('therapist');
  const notes = await orNotFound(listNotes({ actor: user, clientId }));

  return (
    <div>
      <PageHeader title="Session notes">
        <p>Drafts save as you type. A signed note is read-only; later changes are addenda.</p>
      </PageHeader>
      <div className="mb-4">
        <Link href={`/clients/${clientId}/notes/new`} className={primaryButton}>
          New session note
        </Link>
      </div>
      {notes.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">No session notes yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Session notes, newest session first</caption>
            <thead className="bg-stone-100 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Session date
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Template
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Author
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Addenda
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Last change
                </th>
              </tr>
            </thead>
            <tbody>
              {notes.map((note) => (
                <tr key={note.id} className="border-t border-stone-100">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link
                      href={`/clients/${clientId}/notes/${note.id}`}
                      className="text-brand-800 underline underline-offset-2 hover:text-brand-900"
                    >
                      {dayText(note.sessionDate, { weekday: 'short', month: 'short' })}
                    </Link>
                  </th>
                  <td className="px-4 py-2">{templateName[note.template]}</td>
                  <td className="px-4 py-2">
                    {note.status === 'signed' ? (
                      <span className="rounded bg-stone-100 px-2 py-0.5 text-stone-800">Signed</span>
                    ) : (
                      <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">Draft</span>
                    )}
                  </td>
                  <td className="px-4 py-2">{note.isAuthor ? 'You' : (note.authorName ?? 'A former colleague')}</td>
                  <td className="px-4 py-2">{note.addendaCount}</td>
                  <td className="px-4 py-2 text-stone-600">{momentText(note.updatedAt, user.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
