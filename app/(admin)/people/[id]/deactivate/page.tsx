import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listCaseloads } from '@/lib/dal/clinic-caseloads';
import { previewDeactivation } from '@/lib/dal/people';
import { TandemError } from '@/lib/errors';
import { DeactivateTherapistForm, type TargetTherapist } from './deactivate-form';

export const metadata: Metadata = { title: 'Deactivate a therapist' };

const plural = (n: number, one: string, many: string) => (n === 0 ? `no ${many}` : n === 1 ? `1 ${one}` : `${n} ${many}`);

export default async function DeactivateTherapistPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('admin');
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) notFound();
  const [preview, caseloads] = await Promise.all([
    previewDeactivation({ actor: user, therapistId: parsed.data }).catch((error: unknown) => {
      if (error instanceof TandemError && error.status === 404) notFound();
      throw error;
    }),
    listCaseloads({ actor: user }),
  ]);
  const targets: TargetTherapist[] = caseloads.therapists
    .filter((t) => !t.isDeactivated && t.therapistId !== preview.therapistId)
    .map((t) => ({ id: t.therapistId, name: t.name, activeClients: t.activeClients, capacity: t.capacity }));
  const count = preview.clients.length;

  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <Link href="/people" className="text-sm text-brand-700 underline underline-offset-4">
        Back to people
      </Link>
      <PageHeader title={`Deactivate ${preview.name}`}>
        <p>Deactivating ends their sessions at once and keeps every record they wrote.</p>
      </PageHeader>
      <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-lg text-amber-950" id="deactivate-summary">
        {count === 0 ? (
          <>
            <strong>{preview.name}</strong> has no active clients.
          </>
        ) : (
          <>
            <strong>{preview.name}</strong> has {plural(count, 'active client', 'active clients')} and{' '}
            {plural(preview.openAlerts, 'urgent alert', 'urgent alerts')} waiting.{' '}
            {count === 1 ? 'This client needs' : 'These clients need'} a therapist who can sign in: reassign them first, or confirm that
            they will have none for now.
          </>
        )}
      </p>
      <DeactivateTherapistForm therapistId={preview.therapistId} therapistName={preview.name} clients={preview.clients} targets={targets} />
    </div>
  );
}
