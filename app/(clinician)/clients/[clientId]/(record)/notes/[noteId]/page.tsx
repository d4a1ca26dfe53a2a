import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { AddendumForm } from '@/components/notes/addendum-form';
import { BriefView } from '@/components/notes/brief-view';
import { DraftNote } from '@/components/notes/draft-note';
import { PrivateNoteForm } from '@/components/notes/private-note-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getNote } from '@/lib/dal/notes';
import { templateSections } from '@/lib/validation/notes';
import { dayText, momentText } from '@/lib/dates';
import { orNotFound } from '../../../or-not-found';

export const metadata: Metadata = { title: 'Session note' };

const templateName = { soap: 'SOAP', dap: 'DAP' } as const;

export default async function NotePage({ params }: { params: Promise<{ clientId: string; noteId: string }> }) {
  const { clientId, noteId } = await params;
  const user = await requireRole('therapist');
  const note = await orNotFound(getNote({ actor: user, clientId, noteId }));
  const sections = templateSections[note.template];
  const isEditable = note.status === 'draft' && note.isAuthor;
  const author = note.isAuthor ? 'you' : (note.authorName ?? 'a former colleague');

  return (
    <div className="flex flex-col gap-6 xl:grid xl:grid-cols-[minmax(0,1fr)_24rem] xl:items-start xl:gap-8">
      <div className="flex min-w-0 flex-col gap-6">
        <PageHeader title={`Session note, ${dayText(note.sessionDate, { weekday: 'short', month: 'short' })}`}>
          <p>
            {templateName[note.template]} ·{' '}
            {note.status === 'signed' && note.signedAt
              ? `Signed by ${author} on ${momentText(note.signedAt, user.timeZone)}. Read-only; later changes are addenda.`
              : `Draft by ${author}.`}{' '}
            <Link href={`/clients/${clientId}/notes`} className="text-brand-800 underline underline-offset-2">
              All notes
            </Link>
          </p>
        </PageHeader>

        {isEditable ? (
          <DraftNote
            clientId={clientId}
            noteId={note.id}
            sections={sections}
            initial={{ sessionDate: note.sessionDate, sections: note.sections }}
            updatedAt={note.updatedAt.toISOString()}
          />
        ) : (
          <article aria-label="Note" className="flex flex-col gap-5 rounded-lg border border-stone-200 bg-white p-5">
            {sections.map((s) => (
              <section key={s.key} aria-labelledby={`section-${s.key}`}>
                <h2 id={`section-${s.key}`} className="mb-1 font-semibold text-stone-900">
                  {s.label}
                </h2>
                <p className="whitespace-pre-wrap text-stone-800">
                  {note.sections[s.key]?.trim() ? note.sections[s.key] : <span className="text-stone-500">Left empty.</span>}
                </p>
              </section>
            ))}
          </article>
        )}

        {note.status === 'signed' && (
          <section aria-labelledby="addenda-heading" className="flex flex-col gap-3">
            <h2 id="addenda-heading" className="text-lg font-medium">
              Addenda
            </h2>
            {note.addenda.length === 0 ? (
              <p className="text-stone-700">No addenda.</p>
            ) : (
              <ol className="flex flex-col gap-2">
                {note.addenda.map((a) => (
                  <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-3">
                    <p className="text-sm text-stone-600">
                      {a.authorName ?? 'A former colleague'}, {momentText(a.createdAt, user.timeZone)}
                    </p>
                    <p className="whitespace-pre-wrap">{a.text}</p>
                  </li>
                ))}
              </ol>
            )}
            <AddendumForm clientId={clientId} noteId={note.id} />
          </section>
        )}
      </div>

      <aside className="flex min-w-0 flex-col gap-6">
        {note.brief ? (
          <BriefView brief={note.brief} headingId="embedded-brief" title="Brief kept with this note" />
        ) : (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">
            No brief is kept with this note.{isEditable ? ' Use “Insert the brief” to add what happened since the last session.' : ''}
          </p>
        )}
        <PrivateNoteForm clientId={clientId} noteId={note.id} text={note.privateNote?.text ?? ''} />
      </aside>
    </div>
  );
}
