import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from './sign-out-button';

export type NavItem = { href: string; label: string };

const roleLabel = { client: 'Client', therapist: 'Therapist', admin: 'Clinic admin' } as const;

export function AppShell({
  user,
  nav,
  isWide = false,
  children,
}: {
  user: { name: string; role: keyof typeof roleLabel };
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
        <div className={`mx-auto grid ${width} grid-cols-[1fr_auto] items-center gap-x-6 gap-y-1 px-4 py-2 md:grid-cols-[auto_1fr_auto]`}>
          <Link href="/" className="py-1 text-lg font-semibold text-brand-700 md:col-start-1 md:row-start-1">
            Tandem
          </Link>
          <nav
            aria-label="Main"
            className="col-span-2 row-start-2 -mx-1 flex gap-1 overflow-x-auto md:col-span-1 md:col-start-2 md:row-start-1 md:mx-0"
          >
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100"
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="col-start-2 row-start-1 flex items-center gap-2 justify-self-end md:col-start-3">
            <Link href="/account" className="text-right text-sm leading-tight hover:underline">
              <span className="block font-medium">{user.name}</span>
              <span className="block text-stone-600">{roleLabel[user.role]}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className={`mx-auto w-full ${width} flex-1 px-4 py-6`}>
        {children}
      </main>
    </div>
  );
}
