'use client';

import { columnHelperFor, DataTable, type SortState, type TableColumn } from '@/components/data-table/data-table';
import type { PersonStatus } from '@/lib/validation/admin';
import { PersonActions } from './person-actions';

export type PersonView = {
  id: string;
  kind: 'member' | 'invitation';
  name: string;
  email: string;
  role: 'client' | 'therapist' | 'admin';
  status: PersonStatus;
  lastSignIn: string | null;
  note: string | null;
  isSelf: boolean;
  hasTwoFactor: boolean;
};

const roleLabel = { client: 'Client', therapist: 'Therapist', admin: 'Admin' } as const;
const statusStyle: Record<PersonStatus, string> = {
  active: 'bg-brand-50 text-brand-800',
  invited: 'bg-amber-50 text-amber-900',
  deactivated: 'bg-stone-100 text-stone-700',
};
const statusLabel: Record<PersonStatus, string> = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' };

const column = columnHelperFor<PersonView>();
const columns = [
  column.accessor('name', {
    id: 'name',
    header: 'Name',
    cell: (info) => (
      <div>
        <span className="font-medium">{info.getValue()}</span>
        {info.row.original.kind === 'member' && <span className="block text-stone-600">{info.row.original.email}</span>}
      </div>
    ),
  }),
  column.accessor('role', { id: 'role', header: 'Role', cell: (info) => roleLabel[info.getValue()] }),
  column.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: (info) => (
      <div>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusStyle[info.getValue()]}`}>
          {statusLabel[info.getValue()]}
        </span>
        {info.row.original.note && <span className="mt-1 block text-xs text-stone-600">{info.row.original.note}</span>}
      </div>
    ),
  }),
  column.accessor('lastSignIn', {
    id: 'lastSignIn',
    header: 'Last sign-in',
    cell: (info) => info.getValue() ?? <span className="text-stone-600">Never</span>,
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row: { original: p } }) =>
      p.kind === 'invitation' ? (
        <PersonActions id={p.id} name={p.email} intent="revoke" />
      ) : p.status === 'deactivated' ? (
        <PersonActions id={p.id} name={p.name} intent="reactivate" />
      ) : p.isSelf ? null : (
        <div className="flex flex-col gap-1">
          <PersonActions id={p.id} name={p.name} intent="deactivate" />
          {p.hasTwoFactor && <PersonActions id={p.id} name={p.name} intent="reset_two_factor" />}
        </div>
      ),
  }),
] as TableColumn<PersonView>[];

export function PeopleTable({ people, sort }: { people: PersonView[]; sort: SortState }) {
  return (
    <DataTable
      columns={columns}
      data={people}
      caption="People in the clinic and pending invitations"
      sort={sort}
      sortable={['name', 'role', 'status', 'lastSignIn']}
      emptyMessage="No one matches these filters."
      getRowId={(p) => p.id}
    />
  );
}
