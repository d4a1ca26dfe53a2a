import type { Metadata } from 'next';
import { Pagination } from '@/components/data-table/pagination';
import { secondaryButton } from '@/components/ui/button-styles';
import { SelectField, TextField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { AUDIT_ACTIONS, actionLabel, outcomeLabel, subjectLabel } from '@/lib/audit/vocabulary';
import { requireRole } from '@/lib/auth/session';
import { listAuditEvents, listAuditFilterOptions } from '@/lib/dal/audit-log';
import { auditQuerySchema } from '@/lib/validation/admin';
import { AuditTable, type AuditView } from './audit-table';
import { SignInFailures } from './sign-in-failures';
import { VerifyForm } from './verify-form';
import { momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Audit log' };

const roleWord = { client: 'client', therapist: 'therapist', admin: 'admin' } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const raw = await searchParams;
  const query = auditQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [options, log] = await Promise.all([listAuditFilterOptions({ actor: user }), listAuditEvents({ actor: user, query })]);
  const events: AuditView[] = log.rows.map((e) => ({
    id: e.id,
    seq: e.seq,
    when: momentText(e.occurredAt, user.timeZone),
    who: e.actorName ? `${e.actorName}${e.actorRole ? ` (${roleWord[e.actorRole]})` : ''}` : 'Tandem (automatic)',
    action: { label: actionLabel(e.action), name: e.action },
    kind: subjectLabel(e.subjectType),
    client: e.clientName,
    outcome: outcomeLabel[e.outcome],
  }));
  const filters = { actor: query.actor, client: query.client, action: query.action, from: query.from, to: query.to };
  const exportQuery = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  const clients = options.people.filter((p) => p.role === 'client');

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title="Audit log">
          <p>Who did what to which kind of data, for which client, and when. Never the data itself.</p>
        </PageHeader>
        <VerifyForm />
      </div>
      <SignInFailures user={user} />
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
        aria-label="Filter the audit log"
      >
        <SelectField name="actor" label="Person" defaultValue={query.actor ?? ''}>
          <option value="">Anyone</option>
          {options.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({roleWord[p.role]})
            </option>
          ))}
        </SelectField>
        <SelectField name="client" label="Client" defaultValue={query.client ?? ''}>
          <option value="">Any client</option>
          {clients.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="action" label="Action" defaultValue={query.action ?? ''}>
          <option value="">Any action</option>
          {Object.entries(AUDIT_ACTIONS).map(([name, { label }]) => (
            <option key={name} value={name}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField name="from" label="From" type="date" defaultValue={query.from ?? ''} />
        <TextField name="to" label="To" type="date" defaultValue={query.to ?? ''} />
        <div className="flex flex-wrap items-end gap-2">
          <button type="submit" className={secondaryButton}>
            Apply filters
          </button>
          <a href={`/audit/export${exportQuery.size ? `?${exportQuery.toString()}` : ''}`} className={secondaryButton} download>
            Export CSV
          </a>
        </div>
      </form>
      <AuditTable events={events} />
      <Pagination
        pathname="/audit"
        params={filters}
        page={log.page}
        pageCount={log.pageCount}
        total={log.total}
        noun={['event', 'events']}
      />
    </div>
  );
}
