import { listRepeatedSignInFailures, REPEATED_FAILURES } from '@/lib/dal/sign-in-failures';
import type { CurrentUser } from '@/lib/auth/session';
import { momentText } from '@/lib/dates';

/** Accounts of this clinic that someone failed to sign in to several times today. */
export async function SignInFailures({ user }: { user: CurrentUser }) {
  const accounts = await listRepeatedSignInFailures({ actor: user });
  return (
    <section aria-labelledby="failures-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="failures-heading" className="font-semibold">
        Repeated failed sign-ins (last 24 hours)
      </h2>
      {accounts.length === 0 ? (
        <p className="mt-1 text-stone-700">No account had {REPEATED_FAILURES} or more failed sign-ins.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-600">
            Wrong passwords or codes. Many from several places may mean someone is guessing: check with the person, and reset their password
            or two-factor if needed.
          </p>
          <ul className="mt-3 divide-y divide-stone-200">
            {accounts.map((a) => (
              <li key={a.userId} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{a.name}</span> <span className="text-stone-600">{a.email}</span>
                </span>
                <span className="text-sm text-stone-700">
                  {a.failures} failures from {a.sources} address{a.sources === 1 ? '' : 'es'}, last {momentText(a.lastAt, user.timeZone)}
                  {a.isThrottled && ' · slowed down by Tandem'}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
