import { Link } from '@/components/ui/link';

/** Previous / next links that keep every other URL parameter (filters, sort). */
export function Pagination({
  pathname,
  params,
  page,
  pageCount,
  total,
  noun,
}: {
  pathname: string;
  params: Record<string, string | undefined>;
  page: number;
  pageCount: number;
  total: number;
  noun: [singular: string, plural: string];
}) {
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value && key !== 'page') query.set(key, value);
    if (target > 1) query.set('page', String(target));
    const text = query.toString();
    return text ? `${pathname}?${text}` : pathname;
  };
  const link = 'rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100';
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-stone-700">
      <p>
        {total} {total === 1 ? noun[0] : noun[1]} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link href={href(page - 1)} className={link}>
            Previous page
          </Link>
        )}
        {page < pageCount && (
          <Link href={href(page + 1)} className={link}>
            Next page
          </Link>
        )}
      </div>
    </nav>
  );
}
