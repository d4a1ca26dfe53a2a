import { Link } from '@/components/ui/link';

/**
 * Crisis guidance that needs no data, for pages that may have none: error pages and the sign-in
 * page. The clinic's own contacts are on /support, which needs a client's sign-in.
 */
export function HelpNowNote({ isSignedOut = false }: { isSignedOut?: boolean }) {
  return (
    <aside aria-labelledby="help-now-heading" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-stone-900">
      <h2 id="help-now-heading" className="mb-1 font-semibold">
        Need help now?
      </h2>
      {/* Emergency numbers: 999 (UK, Ofcom), 911 (US and Canada, FCC/CRTC), 112 (every EU country, European Commission). */}
      <p>
        If you are in danger or might act on thoughts of harming yourself, call your local emergency number now (999 in the UK, 911 in the
        US and Canada, 112 in the EU) or go to the nearest emergency department.
      </p>
      {isSignedOut ? (
        <p className="mt-2 text-sm">After you sign in, “Get help now” at the top of every page shows your clinic’s own contacts.</p>
      ) : (
        <p className="mt-2">
          <Link href="/support" className="font-medium text-brand-700 underline underline-offset-4">
            Get help now
          </Link>{' '}
          shows your clinic’s own crisis contacts.
        </p>
      )}
    </aside>
  );
}
