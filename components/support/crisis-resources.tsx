import Link from 'next/link';

/** The clinic's crisis resources, shown at once when an answer or entry raises an urgent alert. */
export function CrisisResources({ resources, headingLevel = 2, hasAlerted = false }: { resources: string; headingLevel?: 2 | 3; hasAlerted?: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="crisis-heading" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-stone-900">
      <Heading id="crisis-heading" className="mb-2 text-lg font-semibold">
        You do not have to handle this alone
      </Heading>
      {hasAlerted && <p className="mb-2">Your therapist has been told, so they can get in touch with you.</p>}
      <p className="mb-3 whitespace-pre-line font-medium">{resources}</p>
      <p className="text-sm">
        <Link href="/support" className="text-brand-700 underline underline-offset-4">
          More support, and a 1-minute breathing exercise
        </Link>
      </p>
    </section>
  );
}
