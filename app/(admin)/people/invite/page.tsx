import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listClinicTherapists } from '@/lib/dal/clinic-caseloads';
import { InviteForm } from './invite-form';

export const metadata: Metadata = { title: 'Invite someone' };

export default async function InvitePage() {
  const user = await requireRole('admin');
  const therapists = await listClinicTherapists({ actor: user });
  return (
    <div className="max-w-xl">
      <Link href="/people" className="text-sm text-brand-700 underline underline-offset-4">
        Back to people
      </Link>
      <div className="mt-4">
        <PageHeader title="Invite someone">
          <p>They get a link that works once. They choose their own name and password when they accept.</p>
        </PageHeader>
      </div>
      <InviteForm therapists={therapists} />
    </div>
  );
}
