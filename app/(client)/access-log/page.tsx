import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { accessLogSentence } from '@/lib/audit/vocabulary';
import { listAccessLog } from '@/lib/dal/access-log';
import { momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Who has seen my data' };

export default async function AccessLogPage() {
  const user = await requireRole('client');
  const entries = await listAccessLog({ actor: user });

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title="Who has seen my data">
        <p>
          Every time someone at your clinic looks at or exports your information, it is recorded. This list shows the latest{' '}
          {entries.length === 200 ? '200 ' : ''}
          of those records, newest first. Each record says who, what kind of information and when; it never holds the information itself.
        </p>
      </PageHeader>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          Nobody at your clinic has looked at your data yet.
        </p>
      ) : (
        <ol className="flex flex-col divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-col gap-0.5 p-3 sm:flex-row sm:gap-4">
              <span className="shrink-0 text-sm text-stone-600 sm:w-44">{momentText(e.at, user.timeZone)}</span>
              <span>
                <span className="font-medium">
                  {e.staffName} ({e.staffRole === 'admin' ? 'clinic admin' : 'therapist'})
                </span>
                : {accessLogSentence(e)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
