import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { HeaderNav } from './header-nav';
import { IdleWarning } from './idle-warning';
import { SignOutButton } from './sign-out-button';

export type NavItem = { href: string; label: string };

const roleLabel = { client: 'Client', therapist: 'Therapist', admin: 'Clinic admin' } as const;

export function AppShell({
  user,
  nav,
  isWide = false,
  children,
}: {
  user: { name: string; role: keyof typeof roleLabel; idleMinutes?: number | null; isInvitedToTwoFactor?: boolean };
  nav: NavItem[];
  /** Work areas with side-by-side panels (the therapist's) use wide screens in full. */
  isWide?: boolean;
  children: ReactNode;
}) {
  const width = isWide ? 'max-w-[100rem]' : 'max-w-6xl';
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className={`mx-auto flex ${width} flex-wrap items-center gap-2 px-3 py-2 sm:px-4 lg:gap-x-4`}>
          <Link href="/" className="mr-auto py-1 text-lg font-semibold text-brand-700 lg:mr-0">
            Tandem
          </Link>
          {/* Crisis help one tap away on every client page, whatever the screen size. */}
          <HeaderNav nav={nav} hasHelpLink={user.role === 'client'}>
            <Link href="/account" className="text-sm leading-tight hover:underline lg:text-right">
              <span className="block font-medium">{user.name}</span>
              <span className="block text-stone-600">{roleLabel[user.role]}</span>
            </Link>
            <SignOutButton />
          </HeaderNav>
        </div>
      </header>
      {user.isInvitedToTwoFactor && (
        <aside aria-label="Two-factor sign-in" className="border-b border-brand-100 bg-brand-50 print:hidden">
          <p className={`mx-auto ${width} px-4 py-2 text-sm text-brand-800`}>
            Protect your account and your clients’ records: add a code from your phone to your sign-in.{' '}
            <Link href="/two-factor/setup" className="font-medium underline underline-offset-4">
              Set up two-factor sign-in
            </Link>
          </p>
        </aside>
      )}
      <main id="main" className={`mx-auto w-full ${width} flex-1 px-4 py-6`}>
        {children}
      </main>
      {user.idleMinutes ? <IdleWarning idleMinutes={user.idleMinutes} /> : null}
    </div>
  );
}
