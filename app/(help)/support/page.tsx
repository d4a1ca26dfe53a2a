import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getCrisisResources } from '@/lib/dal/alerts';

export const metadata: Metadata = { title: 'Support' };

export default async function SupportPage() {
  const user = await requireRole('client');
  const crisis = await getCrisisResources({ actor: user });
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Support">
        <p>Help when things are hard, from your clinic.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <section aria-labelledby="now-heading" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
          <h2 id="now-heading" className="mb-2 text-lg font-semibold">
            If you need help now
          </h2>
          <p className="whitespace-pre-line font-medium">{crisis.resources}</p>
        </section>
        <section aria-labelledby="calm-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="calm-heading" className="mb-2 font-medium">
            A minute for yourself
          </h2>
          <p className="mb-3 text-stone-700">Slow breathing for one minute can take the edge off a hard moment.</p>
          <Link
            href="/support/breathing"
            className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
          >
            Start the breathing exercise
          </Link>
        </section>
        <section aria-labelledby="therapist-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="therapist-heading" className="mb-2 font-medium">
            {crisis.notifies === 'therapist' ? 'Your therapist' : 'Your clinic'}
          </h2>
          <p className="mb-2 text-stone-700">
            When a questionnaire answer or something you write suggests you may be in danger,{' '}
            {crisis.notifies === 'therapist' ? 'your therapist' : 'your clinic'} is notified and the clinic aims to reply{' '}
            {crisis.responseTime}. That is not immediate: if you are in danger now, use the contacts above.
          </p>
          <p className="text-stone-700">
            Tandem does not send your therapist messages. If something is weighing on you, you could bring it up at your next session.
          </p>
        </section>
      </div>
    </div>
  );
}
