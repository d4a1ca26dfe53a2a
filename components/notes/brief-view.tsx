import { briefLines, briefPeriodText, type Brief } from '@/lib/insights/brief';

/**
 * A brief, section by section. Shown on the client's overview and, once embedded, as a block in
 * the note it was inserted into (then as it was on that day).
 */
export function BriefView({ brief, headingId, title }: { brief: Brief; headingId: string; title: string }) {
  const sections = briefLines(brief);
  return (
    <section aria-labelledby={headingId} className="@container rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-medium">
        {title}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{briefPeriodText(brief)}</p>
      <dl className="grid gap-x-6 gap-y-1 @md:grid-cols-[9rem_1fr] @md:gap-y-3">
        {sections.map((s) => (
          <div key={s.heading} className="contents">
            <dt className={s.heading === 'Risk answers' ? 'font-medium text-red-800' : 'font-medium text-stone-800'}>{s.heading}</dt>
            <dd className="mb-2 text-stone-800 @md:mb-0">
              {s.lines.length === 1 ? (
                s.lines[0]
              ) : (
                <ul className="list-disc pl-5">
                  {s.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
