import { CompanionItems } from '@/components/companion/companion-items';
import type { SharedCompanion } from '@/lib/dal/companion';

/** What the client shares from the companion: thought records, session notes, and any conversation they shared. */
export function CompanionSection({ shared, timeZone }: { shared: SharedCompanion | null; timeZone: string }) {
  if (!shared) {
    return (
      <section aria-labelledby="companion-shared-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="companion-shared-heading" className="mb-1 text-lg font-semibold">
          Companion notes
        </h2>
        <p className="text-stone-700">Not shared with you. Risk words said to the companion still reach you as an alert.</p>
      </section>
    );
  }
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-stone-50 p-4">
      <CompanionItems
        items={shared.items}
        timeZone={timeZone}
        headingId="companion-shared-heading"
        title="Companion notes"
        empty="Nothing saved with the companion yet."
      />
      {shared.conversations.map((c) => (
        <details key={c.id} className="rounded-lg border border-stone-200 bg-white p-3">
          <summary className="cursor-pointer font-medium">Conversation shared by the client ({c.messages.length} messages)</summary>
          <ol className="mt-2 flex flex-col gap-1 text-sm">
            {c.messages.map((m) => (
              <li key={`${m.turn}-${m.author}`}>
                <span className="font-medium">{m.author === 'client' ? 'Client' : 'Companion'}:</span> {m.text}
              </li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}
