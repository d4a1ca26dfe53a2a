'use client';

import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { NavItem } from './app-shell';

const SUPPORT_HREF = '/support';

/** The nav item the current page belongs to: the longest href that is the path or a parent of it. */
function currentHref(nav: NavItem[], pathname: string): string | undefined {
  return nav
    .map((item) => item.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The header's links. Below the large breakpoint they fold into a "Menu" disclosure (a phone is
 * 320 px wide at the least); "Get help now" stays outside it, always visible. The menu closes on
 * Escape and when a link changes the page.
 */
export function HeaderNav({ nav, hasHelpLink, children }: { nav: NavItem[]; hasHelpLink: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const isOpen = openAt === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = currentHref(hasHelpLink ? [...nav, { href: SUPPORT_HREF, label: '' }] : nav, pathname);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !isOpen) return;
    setOpenAt(null);
    buttonRef.current?.focus();
  }

  return (
    <>
      {hasHelpLink && (
        <Link
          href={SUPPORT_HREF}
          aria-current={current === SUPPORT_HREF ? 'page' : undefined}
          className="inline-flex min-h-11 items-center whitespace-nowrap rounded-md border-2 border-amber-500 bg-amber-50 px-3 text-sm font-semibold text-stone-900 hover:bg-amber-100 lg:order-2"
        >
          Get help now
        </Link>
      )}
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls="header-menu"
        onKeyDown={closeOnEscape}
        onClick={() => setOpenAt(isOpen ? null : pathname)}
        className="inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-stone-300 px-3 text-sm font-medium text-stone-800 hover:bg-stone-100 lg:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          {isOpen ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        {/* Icon only below 360 px, so the header stays one row on the narrowest phones; still named "Menu". */}
        <span className="max-[359px]:sr-only">Menu</span>
      </button>
      <div
        id="header-menu"
        onKeyDown={closeOnEscape}
        className={`${isOpen ? 'flex' : 'hidden'} w-full flex-col gap-2 border-t border-stone-200 pt-2 lg:contents`}
      >
        {nav.length > 0 && (
          <nav aria-label="Main" className="flex flex-col gap-1 lg:order-1 lg:flex-1 lg:flex-row lg:flex-wrap">
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={current === item.href ? 'page' : undefined}
                className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
              >
                {item.label}
              </Link>
            ))}
          </nav>
        )}
        <div className="flex items-center justify-between gap-2 border-t border-stone-200 px-3 pt-2 lg:order-3 lg:border-0 lg:p-0">
          {children}
        </div>
      </div>
    </>
  );
}
