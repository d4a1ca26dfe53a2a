import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { homeFor } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { signOutEverywhere } from './actions';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <Link href={homeFor[user.role]} className="text-sm text-brand-700 underline underline-offset-4">
        Back to Tandem
      </Link>
      <div className="mt-4">
        <PageHeader title="Your account">
          <p>Signed in as {user.name}.</p>
        </PageHeader>
      </div>
      <section aria-labelledby="sessions-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="sessions-heading" className="font-medium">
          Signed in somewhere else?
        </h2>
        <p className="mt-1 text-stone-700">
          Signing out everywhere ends every session of yours at once, on every device, including this one.
        </p>
        <form action={signOutEverywhere} className="mt-3">
          <button type="submit" className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100">
            Sign out everywhere
          </button>
        </form>
      </section>
    </main>
  );
}
