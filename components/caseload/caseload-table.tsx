'use client';

import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { columnHelperFor, DataTable, type SortState, type TableColumn } from '@/components/data-table/data-table';
import type { CaseloadRowView, Cell, MeasureView } from './caseload-view';
import { ScopeIcon } from './scope-icon';

const muted = 'text-stone-600';

function NotShared() {
  return <span className={`whitespace-nowrap ${muted}`}>Not shared</span>;
}

function orElse<T>(cell: Cell<T>, none: string, render: (value: T) => ReactNode) {
  if (cell.state === 'not_shared') return <NotShared />;
  if (cell.state === 'none') return <span className={muted}>{none}</span>;
  return render(cell);
}

function Measure({ cell, name }: { cell: Cell<MeasureView>; name: string }) {
  return orElse(cell, 'None yet', (m) => (
    <div className="whitespace-nowrap">
      <span className="font-medium tabular-nums">{m.total}</span> <span>{m.bandLabel}</span>
      {m.change && (
        <span className={`block text-xs ${muted}`}>
          <span aria-hidden="true">{m.change}</span>
          <span className="sr-only">{`${name} ${m.changeLabel}`}</span>
        </span>
      )}
    </div>
  ));
}

const trendMark = { lower: '↓', higher: '↑', steady: '→' } as const;
const trendStyle = { lower: 'text-amber-800', higher: 'text-brand-800', steady: 'text-stone-600' } as const;

const column = columnHelperFor<CaseloadRowView>();
const columns = [
  column.accessor('name', {
    id: 'name',
    header: 'Client',
    cell: ({ row: { original: r } }) => (
      <div className="min-w-44">
        <Link href={`/clients/${r.clientId}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
          {r.name}
        </Link>
        {r.reasons.length > 0 && (
          <ul aria-label={`Why ${r.name} needs attention`} className="mt-1 space-y-0.5 text-xs text-stone-700">
            {r.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
            {r.moreReasons > 0 && <li className={muted}>and {r.moreReasons} more (see the client page)</li>}
          </ul>
        )}
      </div>
    ),
  }),
  column.display({
    id: 'sharing',
    header: 'Shares',
    cell: ({ row: { original: r } }) => (
      <ul className="flex gap-1.5" aria-label={`What ${r.name} shares with you`}>
        {r.sharing.map((s) => (
          <li key={s.scope}>
            <ScopeIcon scope={s.scope} label={`${s.label}: ${s.isShared ? 'shared' : 'not shared'}`} isShared={s.isShared} />
          </li>
        ))}
      </ul>
    ),
  }),
  column.display({
    id: 'lastCheckIn',
    header: 'Last check-in',
    cell: ({ row: { original: r } }) =>
      orElse(r.lastCheckIn, 'Never', (c) => (
        <time dateTime={c.iso} title={c.full} className="whitespace-nowrap">
          {c.relative}
        </time>
      )),
  }),
  column.display({
    id: 'mood',
    header: 'Mood, 7 days',
    cell: ({ row: { original: r } }) =>
      orElse(r.mood, 'No check-ins this week', (m) => (
        <div className="whitespace-nowrap" title={m.description}>
          <span className="sr-only">{m.description}</span>
          <span aria-hidden="true">
            <span className="font-medium tabular-nums">{m.recent}</span>
            {m.trend && <span className={`ml-1 font-semibold ${trendStyle[m.trend]}`}>{trendMark[m.trend]}</span>}
            {m.age && <span className="block text-xs text-amber-800">{m.age}</span>}
            {m.baseline && <span className={`block text-xs ${muted}`}>usual {m.baseline}</span>}
          </span>
        </div>
      )),
  }),
  column.display({ id: 'phq9', header: 'PHQ-9', cell: ({ row: { original: r } }) => <Measure cell={r.phq9} name="PHQ-9" /> }),
  column.display({ id: 'gad7', header: 'GAD-7', cell: ({ row: { original: r } }) => <Measure cell={r.gad7} name="GAD-7" /> }),
  column.accessor('openSignals', {
    id: 'signals',
    header: 'New signals',
    cell: (info) =>
      info.getValue() === 0 ? <span className={muted}>None</span> : <span className="font-medium tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor('urgentAlerts', {
    id: 'alerts',
    header: 'Urgent alerts',
    cell: (info) =>
      info.getValue() === 0 ? (
        <span className={muted}>None</span>
      ) : (
        <Link
          href="/alerts"
          className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-red-900 hover:underline"
        >
          {info.getValue()} waiting
        </Link>
      ),
  }),
] as TableColumn<CaseloadRowView>[];

export function CaseloadTable({ rows, sort, emptyMessage }: { rows: CaseloadRowView[]; sort: SortState; emptyMessage: string }) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Your clients, who needs attention first, and what each shares with you"
      sort={sort}
      sortable={['name', 'lastCheckIn', 'mood', 'phq9', 'gad7', 'signals', 'alerts']}
      emptyMessage={emptyMessage}
      getRowId={(r) => r.clientId}
    />
  );
}
