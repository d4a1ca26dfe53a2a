import { Link } from '@/components/ui/link';
import type { CrisisInfo } from '@/lib/dal/alerts';

/**
 * The clinic's crisis resources, shown at once when an answer or entry raises an urgent alert.
 * It promises only what happens: the therapist is notified, and replies within the time the
 * clinic states; an alert can wait that long, so immediate danger means calling now.
 */
export function CrisisResources({
  crisis,
  headingLevel = 2,
  hasAlerted = false,
}: {
  crisis: CrisisInfo;
  headingLevel?: 2 | 3;
  hasAlerted?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const who = crisis.notifies === 'therapist' ? 'Your therapist' : 'Your clinic';
  return (
    <section aria-labelledby="crisis-heading" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-stone-900">
      <Heading id="crisis-heading" className="mb-2 text-lg font-semibold">
        You do not have to handle this alone
      </Heading>
      <p className="mb-2">
        {hasAlerted ? `${who} has been notified` : `Once this is saved, ${who.toLowerCase()} is notified`} and the clinic aims to reply{' '}
        {crisis.responseTime}.
      </p>
      <p className="mb-2 font-semibold">If you are in danger now, do not wait for that reply:</p>
      <p className="mb-3 whitespace-pre-line font-medium">{crisis.resources}</p>
      <p className="text-sm">
        <Link href="/support" className="text-brand-700 underline underline-offset-4">
          More support, and a 1-minute breathing exercise
        </Link>
      </p>
    </section>
  );
}
