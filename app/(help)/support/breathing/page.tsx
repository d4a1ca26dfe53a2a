import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { BreathingExercise } from '@/components/support/breathing-exercise';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'One minute of breathing' };

export default async function BreathingPage() {
  await requireRole('client');
  return (
    <div className="mx-auto max-w-xl">
      <Link href="/support" className="mb-4 inline-block text-sm text-brand-700 underline underline-offset-4">
        Back to support
      </Link>
      <PageHeader title="One minute of breathing">
        <p>Six slow breaths: in for 4 seconds, out for 6. Follow the circle or the words.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <BreathingExercise />
      </div>
    </div>
  );
}
