import type { CompanionItemDto } from '@/lib/dal/companion';
import { dateText } from '@/lib/dates';

const intensity = (n: number | null) => (n === null ? 'not rated' : `${n}/100`);

/** Saved thought records and notes for the next session, as a list anyone can scan. */
export function CompanionItems({
  items,
  timeZone,
  headingId,
  title,
  empty,
}: {
  items: CompanionItemDto[];
  timeZone: string;
  headingId: string;
  title: string;
  empty: string;
}) {
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="text-stone-700">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {items.map((item) => (
            <li key={item.id} className="rounded-lg border border-stone-200 bg-white p-4">
              {item.kind === 'thought_record' ? (
                <>
                  <p className="mb-2 font-medium">Thought record, {dateText(item.createdAt, timeZone)}</p>
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                    <dt className="text-stone-600">Situation</dt>
                    <dd>{item.record.situation}</dd>
                    <dt className="text-stone-600">Thought</dt>
                    <dd>{item.record.thought}</dd>
                    <dt className="text-stone-600">Feeling</dt>
                    <dd>
                      {item.record.feeling} ({intensity(item.record.intensityBefore)} → {intensity(item.record.intensityAfter)})
                    </dd>
                    <dt className="text-stone-600">For the thought</dt>
                    <dd>{item.record.evidenceFor}</dd>
                    <dt className="text-stone-600">Against it</dt>
                    <dd>{item.record.evidenceAgainst}</dd>
                    <dt className="text-stone-600">Balanced thought</dt>
                    <dd>{item.record.balancedThought}</dd>
                  </dl>
                </>
              ) : (
                <>
                  <p className="mb-1 font-medium">To bring to the next session, {dateText(item.createdAt, timeZone)}</p>
                  <p className="whitespace-pre-line">{item.text}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
