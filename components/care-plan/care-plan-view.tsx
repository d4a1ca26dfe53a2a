import { Link } from '@/components/ui/link';
import type { CarePlanContent, EvidenceRef } from '@/lib/validation/care-plan';

export type EvidenceLabel = { kind: 'insight' | 'measure'; id: string; label: string };

function Citations({ refs, labels, clientId }: { refs: readonly EvidenceRef[]; labels: Map<string, EvidenceLabel>; clientId: string }) {
  const shown = refs.flatMap((r) => {
    const label = labels.get('insightId' in r ? r.insightId : r.measureResponseId);
    return label ? [label] : [];
  });
  if (shown.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-col gap-0.5 text-sm" aria-label="Evidence cited">
      {shown.map((e) => (
        <li key={e.id}>
          <Link
            href={`/clients/${clientId}#${e.kind === 'insight' ? 'signal' : 'measure'}-${e.id}`}
            className="text-brand-700 underline underline-offset-4"
          >
            {e.kind === 'insight' ? 'Signal' : 'Questionnaire'}: {e.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** One version of the plan, read-only, each cited signal or questionnaire a link back to it. */
export function CarePlanView({
  content,
  evidence,
  clientId,
}: {
  content: CarePlanContent;
  evidence: readonly EvidenceLabel[];
  clientId: string;
}) {
  const labels = new Map(evidence.map((e) => [e.id, e]));
  const empty = <p className="text-sm text-stone-600">None yet.</p>;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div>
        <h3 className="font-medium">Problems</h3>
        {content.problems.length === 0 ? (
          empty
        ) : (
          <ul className="mt-1 flex flex-col gap-2">
            {content.problems.map((p) => (
              <li key={p.id}>
                <p>{p.text}</p>
                <Citations refs={p.evidence} labels={labels} clientId={clientId} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="font-medium">Goals</h3>
        {content.goals.length === 0 ? (
          empty
        ) : (
          <ul className="mt-1 flex flex-col gap-2">
            {content.goals.map((g) => (
              <li key={g.id}>
                <p>{g.text}</p>
                <p className="text-sm text-stone-700">
                  Measured by {g.measure}; target {g.targetDate}
                </p>
                <Citations refs={g.evidence} labels={labels} clientId={clientId} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="font-medium">Interventions</h3>
        {content.interventions.length === 0 ? (
          empty
        ) : (
          <ul className="mt-1 list-disc pl-5">
            {content.interventions.map((x) => (
              <li key={x.id}>{x.text}</li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm text-stone-700">Next review: {content.reviewDate || 'not set'}</p>
      </div>
    </div>
  );
}
