import { Link } from '@/components/ui/link';
import { HelpNowNote } from '@/components/support/help-now-note';

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-6 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-stone-700">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="font-medium text-brand-700 underline underline-offset-4">
        Go to your home page
      </Link>
      <HelpNowNote />
    </main>
  );
}
