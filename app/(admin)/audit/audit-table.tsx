'use client';

import { columnHelperFor, DataTable, type TableColumn } from '@/components/data-table/data-table';

export type AuditView = {
  id: string;
  seq: number;
  when: string;
  who: string;
  action: { label: string; name: string };
  kind: string;
  client: string | null;
  outcome: 'Allowed' | 'Denied' | 'Failed';
};

const column = columnHelperFor<AuditView>();
const columns = [
  column.accessor('when', { header: 'When', cell: (info) => <span className="whitespace-nowrap">{info.getValue()}</span> }),
  column.accessor('who', { header: 'Who', cell: (info) => <span className="inline-block min-w-32">{info.getValue()}</span> }),
  column.accessor('action', {
    header: 'Action',
    cell: (info) => (
      <span className="flex flex-col">
        <span>{info.getValue().label}</span>
        <code className="text-xs text-stone-600">{info.getValue().name}</code>
      </span>
    ),
  }),
  column.accessor('kind', { header: 'Kind of data' }),
  column.accessor('client', { header: 'Client', cell: (info) => info.getValue() ?? <span className="text-stone-500">—</span> }),
  column.accessor('outcome', {
    header: 'Outcome',
    cell: (info) => <span className={info.getValue() === 'Allowed' ? '' : 'font-semibold text-red-800'}>{info.getValue()}</span>,
  }),
] as TableColumn<AuditView>[];

export function AuditTable({ events }: { events: AuditView[] }) {
  return (
    <DataTable
      columns={columns}
      data={events}
      caption="Audit events, newest first"
      emptyMessage="No events match these filters."
      getRowId={(e) => e.id}
    />
  );
}
