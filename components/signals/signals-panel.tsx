import { Link } from '@/components/ui/link';
import type { ReviewDto, SignalDto, Signals } from '@/lib/dal/insight-reviews';
import { evidenceLines } from '@/lib/insights/evidence-lines';
import type { FormState } from '@/lib/validation/form-state';
import { ReviewForm } from './review-form';
import { momentText } from '@/lib/dates';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const severityStyle = {
  urgent: 'border-red-300',
  attention: 'border-amber-300',
  info: 'border-stone-200',
} as const;
const severityLabel = { urgent: 'Urgent', attention: 'Needs attention', info: 'For information' } as const;
const actionLabel = { accepted: 'Accepted', dismissed: 'Dismissed', snoozed: 'Snoozed' } as const;

/** The numbers, method and data coverage a signal rests on, so the therapist can check it. */
function Evidence({ signal }: { signal: SignalDto }) {
  const e = signal.evidence;
  const lines = evidenceLines({
    kind: signal.kind,
    windowStart: signal.windowStart,
    windowEnd: signal.windowEnd,
    numbers: Object.fromEntries(e.numbers.map((n) => [n.name, n.value])),
  });
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Evidence</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-stone-600">Window</dt>
        <dd>
          {signal.windowStart} to {signal.windowEnd}
        </dd>
        {e.coverage && (
          <>
            <dt className="text-stone-600">Data</dt>
            <dd>{e.coverage}</dd>
          </>
        )}
        {e.method && (
          <>
            <dt className="text-stone-600">Method</dt>
            <dd>{e.method}</dd>
          </>
        )}
      </dl>
      {lines.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 tabular-nums">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {e.notes.map((note) => (
        <p key={note} className="mt-1 text-stone-700">
          {note}
        </p>
      ))}
      {e.sensitivity && <p className="mt-1 text-stone-700">{e.sensitivity}</p>}
    </details>
  );
}

function SignalCard({ signal, clientId, children }: { signal: SignalDto; clientId: string; children?: React.ReactNode }) {
  return (
    <article
      id={`signal-${signal.id}`}
      aria-label={signal.summary}
      className={`scroll-mt-24 rounded-lg border-2 bg-white p-4 ${severityStyle[signal.severity]}`}
    >
      <p className="text-xs font-semibold tracking-wide text-stone-600 uppercase">{severityLabel[signal.severity]}</p>
      <p className="mt-1 font-medium text-stone-900">{signal.summary}</p>
      {signal.isCitedInPlan && (
        <p className="mt-1 text-sm">
          <Link href={`/clients/${clientId}/care-plan`} className="text-brand-700 underline underline-offset-4">
            Cited in the care plan
          </Link>
        </p>
      )}
      <Evidence signal={signal} />
      {children}
    </article>
  );
}

function ReviewLine({ review, timeZone }: { review: ReviewDto; timeZone: string }) {
  return (
    <li className="rounded-md border border-stone-200 bg-white p-3 text-sm">
      <p className="font-medium">
        <a href={`#signal-${review.insightId}`} className="hover:underline">
          {review.summary}
        </a>
      </p>
      <p className="text-stone-700">
        {actionLabel[review.action]}
        {review.action === 'snoozed' && review.snoozedUntil ? ` until ${review.snoozedUntil}` : ''}
        {review.reason ? ` (${review.reason})` : ''} by {review.reviewerName}, {momentText(review.at, timeZone)}
      </p>
    </li>
  );
}

/** Signals waiting for review, those the care plan cites, and every review made. */
export function SignalsPanel({
  signals,
  clientId,
  action,
  tomorrow,
  timeZone,
}: {
  signals: Signals;
  clientId: string;
  action: Action;
  tomorrow: string;
  timeZone: string;
}) {
  const openIds = new Set(signals.open.map((s) => s.id));
  const cited = signals.citedInPlan.filter((s) => !openIds.has(s.id));
  return (
    <section aria-labelledby="signals-heading" className="flex flex-col gap-3">
      <h2 id="signals-heading" className="text-lg font-medium">
        Signals ({signals.open.length} to review)
      </h2>
      <p className="text-sm text-stone-700">Tandem detects and explains; you decide. Nothing reaches the care plan unless you add it.</p>
      {signals.open.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">
          No signal is waiting for your review.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {signals.open.map((signal) => (
            <li key={signal.id}>
              <SignalCard signal={signal} clientId={clientId}>
                <ReviewForm
                  action={action}
                  clientId={clientId}
                  insightId={signal.id}
                  tomorrow={tomorrow}
                  isUrgent={signal.severity === 'urgent'}
                />
              </SignalCard>
            </li>
          ))}
        </ul>
      )}
      {cited.length > 0 && (
        <>
          <h3 className="mt-2 font-medium">Cited in the care plan</h3>
          <ul className="flex flex-col gap-3">
            {cited.map((signal) => (
              <li key={signal.id}>
                <SignalCard signal={signal} clientId={clientId} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="mt-2 font-medium">Reviewed</h3>
      {signals.reviewed.length === 0 ? (
        <p className="text-sm text-stone-700">No reviews yet.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Review history">
          {signals.reviewed.map((review) => (
            <ReviewLine key={review.id} review={review} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}
