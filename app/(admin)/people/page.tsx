import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Pagination } from '@/components/data-table/pagination';
import { primaryButton, secondaryButton } from '@/components/ui/button-styles';
import { SelectField, TextField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listPeople } from '@/lib/dal/people';
import { peopleQuerySchema } from '@/lib/validation/admin';
import { PeopleTable, type PersonView } from './people-table';
import { dateText, momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'People' };

const doneNotices = new Map(
  Object.entries({
    reassigned: 'Deactivated. Their sessions have ended, and their clients are with their new therapists.',
    unassigned: 'Deactivated. Their sessions have ended. Their clients are listed on the clinic overview until someone is assigned.',
    deactivated: 'Deactivated. Their sessions have ended.',
  }),
);

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const raw = await searchParams;
  const query = peopleQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const result = await listPeople({ actor: user, query });
  const done = typeof raw.done === 'string' ? doneNotices.get(raw.done) : undefined;
  const people: PersonView[] = result.rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name,
    email: p.email,
    role: p.role,
    status: p.status,
    lastSignIn: p.lastSignInAt ? momentText(p.lastSignInAt, user.timeZone) : null,
    note: p.invitationExpiresAt
      ? p.isInvitationExpired
        ? 'Link expired: withdraw it and invite again'
        : `Link works until ${dateText(p.invitationExpiresAt, user.timeZone)}`
      : null,
    isSelf: p.id === user.userId,
    hasTwoFactor: p.hasTwoFactor,
  }));

  return (
    <div>
      <PageHeader title="People">
        <p>
          Everyone in the clinic, and invitations not yet accepted. Deactivating someone ends their sessions at once and keeps their
          records.
        </p>
      </PageHeader>
      {done && (
        <p role="status" className="mb-4 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {done}
        </p>
      )}
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter people">
          <TextField name="q" label="Search" type="search" defaultValue={query.q ?? ''} placeholder="Name or email" />
          <SelectField name="role" label="Role" defaultValue={query.role ?? ''}>
            <option value="">Any role</option>
            <option value="client">Clients</option>
            <option value="therapist">Therapists</option>
            <option value="admin">Admins</option>
          </SelectField>
          <SelectField name="status" label="Status" defaultValue={query.status ?? ''}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="invited">Invited</option>
            <option value="deactivated">Deactivated</option>
          </SelectField>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <button type="submit" className={secondaryButton}>
            Apply
          </button>
        </form>
        <Link href="/people/invite" className={primaryButton}>
          Invite someone
        </Link>
      </div>
      <PeopleTable people={people} sort={{ key: query.sort, dir: query.dir }} />
      <Pagination
        pathname="/people"
        params={{ q: query.q, role: query.role, status: query.status, sort: query.sort, dir: query.dir }}
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        noun={['person', 'people']}
      />
    </div>
  );
}
