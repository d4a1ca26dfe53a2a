import type { Metadata } from 'next';
import { CarePlanEditor } from '@/components/care-plan/care-plan-editor';
import { CarePlanView } from '@/components/care-plan/care-plan-view';
import { requireRole } from '@/lib/auth/session';
import { getCarePlan } from '@/lib/dal/care-plan';
import { orNotFound } from '../../or-not-found';
import { saveCarePlanAction } from './actions';
import { momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Care plan' };

export default async function CarePlanPage({ params }: { params: Promise<{ clientId: string }> }) {
  const user = await requireRole('therapist');
  const { clientId } = await params;
  const plan = await orNotFound(getCarePlan({ actor: user, clientId }));
  const current = plan.versions[0];

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="current-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="current-heading" className="text-lg font-medium">
          Current plan
        </h2>
        {current ? (
          <>
            <p className="mb-3 text-sm text-stone-700">
              Version {current.version}, saved by {current.authorName}, {momentText(current.savedAt, user.timeZone)}
            </p>
            <CarePlanView content={plan.content} evidence={plan.evidenceOptions} clientId={clientId} />
          </>
        ) : (
          <p className="text-stone-700">
            No care plan yet. Write the first version below, or accept a signal into the plan from the overview.
          </p>
        )}
      </section>

      <section aria-labelledby="edit-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="edit-heading" className="mb-1 text-lg font-medium">
          {current ? 'Edit the plan' : 'Write the plan'}
        </h2>
        <p className="mb-4 text-sm text-stone-700">
          Every save is kept as a new version. Goals need a way to measure them and a target date.
        </p>
        <CarePlanEditor
          action={saveCarePlanAction}
          clientId={clientId}
          version={plan.version}
          initial={plan.content}
          evidenceOptions={plan.evidenceOptions}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-medium">
          Version history
        </h2>
        {plan.versions.length === 0 ? (
          <p className="text-stone-700">No versions yet.</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {plan.versions.map((v) => (
              <li key={v.version} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="font-medium">
                  Version {v.version}{' '}
                  <span className="font-normal text-stone-700">
                    · {v.authorName}, {momentText(v.savedAt, user.timeZone)}
                  </span>
                </p>
                <ul className="mt-1 list-disc pl-5 text-sm text-stone-800">
                  {v.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">The whole plan as of version {v.version}</summary>
                  <div className="mt-2">
                    <CarePlanView content={v.content} evidence={plan.evidenceOptions} clientId={clientId} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
