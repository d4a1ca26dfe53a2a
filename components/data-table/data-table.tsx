'use client';

import { createColumnHelper, tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { Link } from '@/components/ui/link';
import { usePathname, useSearchParams } from 'next/navigation';

export type SortState = { key: string; dir: 'asc' | 'desc' };

// Core only: the server sorts, filters and pages, so the table needs none of those features.
const features = tableFeatures({});
export type TableColumn<T extends RowData> = ColumnDef<typeof features, T, unknown>;
export const columnHelperFor = <T extends RowData>() => createColumnHelper<typeof features, T>();

/**
 * The one table shell. Sorting, filtering and paging live in the URL and the server sends the
 * page to show, so TanStack only renders: a sortable header is a link to the same page sorted.
 * A column is sortable when its id is in `sortable`.
 */
export function DataTable<T extends RowData>({
  columns,
  data,
  caption,
  sort,
  sortable = [],
  emptyMessage,
  getRowId,
}: {
  columns: TableColumn<T>[];
  data: T[];
  caption: string;
  sort?: SortState;
  sortable?: readonly string[];
  emptyMessage: string;
  getRowId: (row: T) => string;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const table = useTable({ features, data, columns, getRowId: (row) => getRowId(row) });

  const sortHref = (key: string) => {
    const params = new URLSearchParams(searchParams.toString());
    const dir = sort?.key === key && sort.dir === 'asc' ? 'desc' : 'asc';
    params.set('sort', key);
    params.set('dir', dir);
    params.delete('page');
    return `${pathname}?${params.toString()}`;
  };

  return (
    // relative: the table's screen-reader-only labels are positioned, and would otherwise escape
    // this scroll box and make the whole page scroll sideways on a phone.
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-stone-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const isSorted = sort?.key === id;
                const label = <table.FlexRender header={header} />;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="whitespace-nowrap px-4 py-2 font-medium"
                    aria-sort={isSorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {sortable.includes(id) ? (
                      <Link href={sortHref(id)} className="inline-flex items-center gap-1 hover:underline" scroll={false}>
                        {label}
                        <span aria-hidden="true">{isSorted ? (sort.dir === 'asc' ? '↑' : '↓') : '↕'}</span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-4 py-6 text-center text-stone-600">
                {emptyMessage}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-stone-100 align-top">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
