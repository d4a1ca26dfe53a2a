import { Link } from '@/components/ui/link';
import type { Nudge } from '@/lib/capture/nudge';

/** A gentle prompt when the client's recent days sit below their usual. Never a diagnosis. */
export function MoodNudge({ nudge }: { nudge: Nudge }) {
  return (
    <section aria-labelledby="nudge-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
      <h2 id="nudge-heading" className="mb-1 font-medium">
        The last few days look harder than your usual
      </h2>
      <p className="mb-3 text-stone-700">
        Your mood this week averaged {nudge.recentMean}, against {nudge.baselineMean} in the weeks before. Be gentle with yourself. A few
        things that might help:
      </p>
      <ul className="flex list-disc flex-col gap-2 pl-5">
        <li>
          <Link href="/support/breathing" className="text-brand-700 underline underline-offset-4">
            A 1-minute breathing exercise
          </Link>
        </li>
        <li>
          <Link href="/companion?from=dip" className="text-brand-700 underline underline-offset-4">
            Talk it through with the companion
          </Link>
        </li>
        {nudge.copingTags.length > 0 && <li>On your better days you often logged: {nudge.copingTags.join(', ')}.</li>}
        <li>You could bring this up with your therapist.</li>
      </ul>
    </section>
  );
}
