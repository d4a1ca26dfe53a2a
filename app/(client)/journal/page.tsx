import type { Metadata } from 'next';
import { JournalEditor } from '@/components/journal/journal-editor';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getCrisisResources } from '@/lib/dal/alerts';
import { listJournalEntries } from '@/lib/dal/journal';
import { dayText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Journal' };

export default async function JournalPage() {
  const user = await requireRole('client');
  const [entries, crisis] = await Promise.all([
    listJournalEntries({ actor: user, clientId: user.userId, limit: 20 }),
    getCrisisResources({ actor: user }),
  ]);

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Journal">
        <p>Write as much or as little as you like. Your journal is encrypted, and your therapist reads it only if you share it.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <section aria-labelledby="journal-safety" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 id="journal-safety" className="mb-1 font-medium">
            One thing to know
          </h2>
          <p>
            If you write about wanting to die or to hurt yourself, your therapist gets an alert, whatever you share with them, so they can
            check in with you. The alert says that it happened, not what you wrote.
          </p>
        </section>
        <JournalEditor storageKey={`tandem.journal-draft.${user.userId}`} crisis={crisis} />
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading" className="mb-2 font-medium">
            Earlier entries
          </h2>
          {entries.length === 0 ? (
            <p className="text-stone-700">No entries yet.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {entries.map((e) => (
                <li key={e.id} className="rounded-lg border border-stone-200 bg-white">
                  <details>
                    <summary className="flex min-h-12 cursor-pointer flex-col justify-center px-4 py-2">
                      <span className="font-medium">{dayText(e.localDate, { weekday: 'long', year: false })}</span>
                      <span className="line-clamp-1 text-sm text-stone-600">{e.text}</span>
                    </summary>
                    <p className="whitespace-pre-wrap border-t border-stone-200 px-4 py-3">{e.text}</p>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
