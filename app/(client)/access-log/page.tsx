import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listAccessLog, type AccessLogEntry } from '@/lib/dal/access-log';
import { formatDayAndTime } from '../sharing/format';

export const metadata: Metadata = { title: 'Who has seen my data' };

const subjectWords: Record<string, string> = {
  check_ins: 'your check-ins',
  measures: 'your questionnaire answers',
  journal: 'your journal',
  insights: 'the patterns found in your check-ins',
  alerts: 'a safety alert about you',
  session_notes: 'session notes about you',
  care_plan: 'your care plan',
  consent: 'your sharing choices',
  account: 'your account details',
  caseload: 'a summary of you on their caseload',
  companion: 'what you saved or shared from the companion',
};

const verbWords: Record<string, string> = {
  read: 'viewed',
  view: 'viewed',
  export: 'exported',
  list: 'viewed',
  review: 'reviewed',
  dismiss_urgent: 'reviewed',
  acknowledge: 'recorded what they did about',
  save: 'saved',
  sign: 'signed',
  addendum: 'added an addendum to',
  delete: 'deleted a draft of',
};

function describe(entry: AccessLogEntry): string {
  const what = subjectWords[entry.subject] ?? 'your data';
  const verb = verbWords[entry.verb] ?? entry.verb.replaceAll('_', ' ');
  if (entry.outcome === 'denied') return `Tried to open ${what}. Nothing was shown, because you do not share it.`;
  if (entry.outcome === 'failed') return `Tried to open ${what}, but it failed. Nothing was shown.`;
  return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${what}.`;
}

export default async function AccessLogPage() {
  const user = await requireRole('client');
  const entries = await listAccessLog({ actor: user });

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title="Who has seen my data">
        <p>
          Every time someone at your clinic looks at or exports your information, it is recorded. This list shows the latest {entries.length === 200 ? '200 ' : ''}
          of those records, newest first. Each record says who, what kind of information and when; it never holds the information itself.
        </p>
      </PageHeader>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">Nobody at your clinic has looked at your data yet.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-col gap-0.5 p-3 sm:flex-row sm:gap-4">
              <span className="shrink-0 text-sm text-stone-600 sm:w-44">{formatDayAndTime(e.at, user.timeZone)}</span>
              <span>
                <span className="font-medium">
                  {e.staffName} ({e.staffRole === 'admin' ? 'clinic admin' : 'therapist'})
                </span>
                : {describe(e)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
