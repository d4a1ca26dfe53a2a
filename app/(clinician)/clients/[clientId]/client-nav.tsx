'use client';

import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';

/** The client's sub-pages; the current one is marked for screen readers and by its underline. */
export function ClientNav({ clientId }: { clientId: string }) {
  const pathname = usePathname();
  const base = `/clients/${clientId}`;
  const items = [
    { href: base, label: 'Overview', isCurrent: pathname === base },
    { href: `${base}/notes`, label: 'Notes', isCurrent: pathname.startsWith(`${base}/notes`) },
    { href: `${base}/care-plan`, label: 'Care plan', isCurrent: pathname.startsWith(`${base}/care-plan`) },
  ];
  return (
    <nav aria-label="Client" className="mb-6 border-b border-stone-200">
      <ul className="flex gap-4">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.isCurrent ? 'page' : undefined}
              className="inline-block border-b-2 border-transparent px-1 py-2 font-medium text-stone-700 hover:text-stone-900 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
