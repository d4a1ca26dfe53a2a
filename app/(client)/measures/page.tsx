import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { instrumentDefinition } from '@/lib/clinical/instruments';
import { listMeasureStatus } from '@/lib/dal/measures';
import { dayText, localDateIn } from '@/lib/dates';

export const metadata: Metadata = { title: 'Questionnaires' };

const about = {
  phq9: 'Nine questions about mood over the last two weeks.',
  gad7: 'Seven questions about worry and anxiety over the last two weeks.',
} as const;

export default async function MeasuresPage() {
  const user = await requireRole('client');
  const today = localDateIn(user.timeZone);
  const statuses = await listMeasureStatus({ actor: user, today });

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Questionnaires">
        <p>Short questionnaires that help you and your therapist see how things change. Each takes about two minutes.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <ul className="flex flex-col gap-4">
          {statuses.map((s) => {
            const name = instrumentDefinition(s.instrument).name;
            return (
              <li key={s.instrument} className="rounded-lg border border-stone-200 bg-white p-4">
                <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
                  <h2 className="text-lg font-medium">{name}</h2>
                  <span
                    className={
                      s.isDue
                        ? 'rounded-full bg-brand-700 px-3 py-1 text-sm font-medium text-white'
                        : 'rounded-full bg-stone-100 px-3 py-1 text-sm text-stone-700'
                    }
                  >
                    {s.isDue ? 'Due now' : `Next due ${dayText(s.dueOn, { year: false })}`}
                  </span>
                </div>
                <p className="mb-2 text-stone-700">{about[s.instrument]}</p>
                <p className="mb-3 text-sm text-stone-600">
                  {s.lastTakenOn
                    ? `Last taken ${dayText(s.lastTakenOn, { year: false })}: score ${s.lastTotal} (${s.lastBandLabel?.toLowerCase()}).`
                    : 'Not taken yet.'}{' '}
                  Your therapist asks for it every {s.cadenceDays} days.
                </p>
                <Link
                  href={`/measures/${s.instrument}`}
                  className={
                    s.isDue
                      ? 'inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800'
                      : 'inline-flex min-h-12 items-center rounded-lg border border-stone-300 px-4 font-medium hover:bg-stone-100'
                  }
                >
                  {s.isDue ? `Start ${name}` : `Take ${name} now`}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
