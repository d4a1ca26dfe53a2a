import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listSharing } from '@/lib/dal/consent';
import { dateText, localDateIn, momentText } from '@/lib/dates';
import { lastSharedDay } from './format';
import { ScopeControl } from './scope-control';
import { SAFETY_EXCEPTION, scopeText } from './scope-text';

export const metadata: Metadata = { title: 'Sharing' };

export default async function SharingPage() {
  const user = await requireRole('client');
  const { therapists, history } = await listSharing({ actor: user });
  const tz = user.timeZone;
  const today = localDateIn(tz);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title="Sharing">
        <p>You decide what each of your therapists can see. A change takes effect straight away.</p>
      </PageHeader>

      <aside aria-labelledby="safety-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
        <h2 id="safety-heading" className="font-medium">
          Always shared for your safety
        </h2>
        <p className="mt-1 text-stone-800">{SAFETY_EXCEPTION}</p>
      </aside>

      {therapists.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          You have no therapist assigned yet, so nothing is shared with anyone. Your clinic will assign one.
        </p>
      ) : (
        therapists.map((t) => (
          <section
            key={t.therapistId}
            aria-labelledby={`therapist-${t.therapistId}`}
            className="rounded-lg border border-stone-200 bg-white"
          >
            <div className="border-b border-stone-200 p-4">
              <h2 id={`therapist-${t.therapistId}`} className="text-lg font-medium">
                {t.name}
              </h2>
              <p className="text-sm text-stone-600">Your therapist since {dateText(t.assignedSince, tz, { month: 'long' })}</p>
            </div>
            <ul className="divide-y divide-stone-200">
              {t.scopes.map((s) => {
                const text = scopeText[s.scope];
                const status = !s.isShared
                  ? 'Not shared.'
                  : `Shared since ${dateText(s.since as Date, tz, { month: 'long' })}${s.until ? `, until the end of ${lastSharedDay(s.until, tz)}` : ''}.`;
                return (
                  <li key={s.scope} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
                    <div className="sm:max-w-xs">
                      <h3 className="font-medium">{text.label}</h3>
                      <p className="text-sm text-stone-700">{text.explanation}</p>
                    </div>
                    <ScopeControl
                      therapistId={t.therapistId}
                      therapistName={t.name}
                      scope={s.scope}
                      scopeLabel={text.label}
                      isShared={s.isShared}
                      status={status}
                      today={today}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}

      <section aria-labelledby="history-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="history-heading" className="text-lg font-medium">
          Every change you made
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-stone-700">No changes yet.</p>
        ) : (
          <ol className="mt-2 flex flex-col divide-y divide-stone-100">
            {history.map((h) => (
              <li key={h.key} className="flex flex-col py-2 sm:flex-row sm:gap-4">
                <span className="shrink-0 text-sm text-stone-600 sm:w-44">{momentText(h.at, tz)}</span>
                <span>
                  {h.change === 'shared' &&
                    `Shared ${scopeText[h.scope].lower} with ${h.therapistName}${h.until ? `, until the end of ${lastSharedDay(h.until, tz)}` : ''}.`}
                  {h.change === 'stopped' && `Stopped sharing ${scopeText[h.scope].lower} with ${h.therapistName}.`}
                  {h.change === 'ended' && `Sharing ${scopeText[h.scope].lower} with ${h.therapistName} ended on its end date.`}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <p>
        <Link href="/access-log" className="font-medium text-brand-700 underline underline-offset-4">
          See who has looked at your data
        </Link>
      </p>
    </div>
  );
}
