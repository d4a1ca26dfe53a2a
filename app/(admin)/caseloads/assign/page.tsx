import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { secondaryButton } from '@/components/ui/button-styles';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listClinicTherapists, listCaseloads, previewAssignment, type AssignmentPreview } from '@/lib/dal/clinic-caseloads';
import { TandemError } from '@/lib/errors';
import { assignClientsSchema } from '@/lib/validation/admin';
import { ConfirmAssignmentForm } from './confirm-form';

export const metadata: Metadata = { title: 'Assign clients' };

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(Boolean);

export default async function AssignPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const params = await searchParams;
  const chosen = list(params.client);
  const therapistId = list(params.therapist)[0];
  const [{ clients }, therapists] = await Promise.all([listCaseloads({ actor: user }), listClinicTherapists({ actor: user })]);

  let preview: AssignmentPreview | null = null;
  let problem: string | null = null;
  if (params.preview !== undefined) {
    const parsed = assignClientsSchema.safeParse({ clientIds: chosen, therapistId });
    if (!parsed.success) problem = parsed.error.issues[0]?.message ?? 'Choose clients and a therapist.';
    else {
      try {
        preview = await previewAssignment({ actor: user, input: parsed.data });
      } catch (error) {
        if (!(error instanceof TandemError)) throw error;
        problem = 'Some of those people are no longer in the clinic. Choose again.';
      }
    }
  }

  const groups = new Map<string, typeof clients>();
  for (const c of clients.filter((c) => !c.isDeactivated)) {
    const key = c.therapistName ?? 'No therapist yet';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const moving = preview?.rows.filter((r) => !r.isUnchanged) ?? [];

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/caseloads" className="text-sm text-brand-700 underline underline-offset-4">
          Back to caseloads
        </Link>
        <div className="mt-4">
          <PageHeader title="Assign clients">
            <p>Choose one or more clients and their new therapist. You will see exactly what changes before anything does.</p>
          </PageHeader>
        </div>
      </div>

      {preview && (
        <section aria-labelledby="preview-heading" className="flex flex-col gap-3 rounded-lg border-2 border-brand-600 bg-white p-4">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Check before you confirm
          </h2>
          <ul className="flex flex-col gap-1">
            {preview.rows.map((r) => (
              <li key={r.clientId}>
                <strong>{r.clientName}</strong>:{' '}
                {r.isUnchanged
                  ? `already with ${preview.therapistName}, nothing changes`
                  : r.fromTherapistName
                    ? `moves from ${r.fromTherapistName} to ${preview.therapistName}`
                    : `assigned to ${preview.therapistName}`}{' '}
                <Link href={`/caseloads/clients/${r.clientId}`} className="text-sm text-brand-700 underline underline-offset-4">
                  history<span className="sr-only"> of {r.clientName}</span>
                </Link>
              </li>
            ))}
          </ul>
          {moving.some((r) => r.fromTherapistName) && (
            <p className="text-stone-700">The previous therapist loses access to these clients at once. The assignment history is kept.</p>
          )}
          {moving.length > 0 && (
            <p className="text-stone-700">
              Sharing does not carry over: {preview.therapistName} sees nothing a client logs until that client chooses to share with them.
            </p>
          )}
          <ConfirmAssignmentForm clientIds={preview.rows.map((r) => r.clientId)} therapistId={preview.therapistId} count={moving.length} />
        </section>
      )}

      <form method="get" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4">
        <input type="hidden" name="preview" value="1" />
        {problem && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {problem}
          </p>
        )}
        {[...groups.entries()].map(([group, members]) => (
          <fieldset key={group} className="flex flex-col gap-1">
            <legend className="mb-1 font-medium">{group}</legend>
            <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
              {members.map((c) => (
                <label key={c.clientId} className="flex items-center gap-2 rounded px-1 py-1 hover:bg-stone-50">
                  <input type="checkbox" name="client" value={c.clientId} defaultChecked={chosen.includes(c.clientId)} className="size-4" />
                  {c.name}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="flex flex-col gap-1">
          <label htmlFor="therapist" className="text-sm font-medium">
            New therapist
          </label>
          <select
            id="therapist"
            name="therapist"
            defaultValue={therapistId ?? ''}
            className="max-w-sm rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
          >
            <option value="">Choose a therapist</option>
            {therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={`${secondaryButton} self-start`}>
          Preview changes
        </button>
      </form>
    </div>
  );
}
