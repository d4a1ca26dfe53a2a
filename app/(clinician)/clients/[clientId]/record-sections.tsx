import { ItemAnswers } from '@/components/measures/item-answers';
import { LazyDetails } from '@/components/ui/lazy-details';
import type { CheckInNoteDto, MeasureAdministrationDto, SharedJournalEntry } from '@/lib/dal/client-record';

const verdictText = {
  reliable_improvement: 'Reliable improvement',
  reliable_deterioration: 'Reliable deterioration',
  no_reliable_change: 'No reliable change',
} as const;

function NotShared({ what }: { what: string }) {
  return <p className="text-sm text-stone-700">Not shared with you: {what} appear here only while the client shares them.</p>;
}

const RECENT_MEASURES = 6;

// A client's questionnaires number in the dozens, each with its item answers: the answers enter the
// page when their questionnaire is opened, drawn from the answers alone (components/measures/
// item-answers.tsx); the list styles its items once, as every class on them is sent twice (in the
// HTML and in React's payload).
function MeasureList({ measures }: { measures: MeasureAdministrationDto[] }) {
  return (
    <ul className="flex flex-col gap-2 *:scroll-mt-24 *:rounded-md *:border *:border-stone-200 *:p-3">
      {measures.map((m) => {
        const item9 = m.items.find((i) => i.isItem9);
        return (
          <li key={m.id} id={`measure-${m.id}`}>
            <LazyDetails
              summaryClassName="cursor-pointer"
              summary={
                <>
                  <span className="font-medium">{`${m.name} · ${m.localDate}`}</span>{' '}
                  <span className="tabular-nums">{`${m.total}/${m.maxScore}, ${m.bandLabel.toLowerCase()}`}</span>
                  {m.change !== null && m.verdict && (
                    <span className="text-stone-700">
                      {` · ${m.change > 0 ? `+${m.change}` : m.change} since the previous one: ${verdictText[m.verdict]}`}
                      <span className="sr-only">{` (reliable change is ${m.reliableChangePoints} points or more)`}</span>
                    </span>
                  )}
                  {item9 && item9.answer > 0 && (
                    <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-sm font-medium text-red-800">
                      {`Item 9: ${item9.answerLabel}`}
                    </span>
                  )}
                </>
              }
            >
              <ItemAnswers instrument={m.instrument} answers={m.items.map((item) => item.answer)} />
              {m.difficulty && <p className="mt-2 text-sm text-stone-700">Difficulty: {m.difficulty}</p>}
            </LazyDetails>
          </li>
        );
      })}
    </ul>
  );
}

/** Each questionnaire with its total, band, change, reliable-change verdict and item answers (item 9 marked). */
export function MeasuresSection({ measures }: { measures: MeasureAdministrationDto[] | null }) {
  return (
    <section aria-labelledby="measures-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="measures-heading" className="mb-2 text-lg font-medium">
        Questionnaires
      </h2>
      {measures === null ? (
        <NotShared what="questionnaire answers" />
      ) : measures.length === 0 ? (
        <p className="text-sm text-stone-700">No questionnaires taken yet.</p>
      ) : (
        <>
          <MeasureList measures={measures.slice(0, RECENT_MEASURES)} />
          {measures.length > RECENT_MEASURES && (
            <LazyDetails
              className="mt-2"
              summaryClassName="cursor-pointer text-sm font-medium text-brand-700"
              summary={`Earlier questionnaires (${measures.length - RECENT_MEASURES})`}
            >
              <div className="mt-2">
                <MeasureList measures={measures.slice(RECENT_MEASURES)} />
              </div>
            </LazyDetails>
          )}
        </>
      )}
    </section>
  );
}

/** The client's words with their check-ins: notes and tags, only while check-ins are shared. */
export function CheckInNotesSection({ notes }: { notes: CheckInNoteDto[] | null }) {
  return (
    <section aria-labelledby="checkin-notes-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="checkin-notes-heading" className="mb-2 text-lg font-medium">
        Check-in notes and tags
      </h2>
      {notes === null ? (
        <NotShared what="check-ins" />
      ) : notes.length === 0 ? (
        <p className="text-sm text-stone-700">No notes or tags with the recent check-ins.</p>
      ) : (
        <ul
          tabIndex={0}
          aria-labelledby="checkin-notes-heading"
          className="flex max-h-96 flex-col gap-2 overflow-auto focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {notes.map((n) => (
            <li key={n.id} className="border-b border-stone-100 pb-2 text-sm">
              <p className="text-stone-600">
                {n.localDate} · mood {n.mood}
              </p>
              {n.note && <p className="text-stone-900">{n.note}</p>}
              {n.tags.length > 0 && <p className="text-stone-700">Tags: {n.tags.join(', ')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function JournalSection({ entries }: { entries: SharedJournalEntry[] | null }) {
  return (
    <section aria-labelledby="journal-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="journal-heading" className="mb-2 text-lg font-medium">
        Journal
      </h2>
      {entries === null ? (
        <NotShared what="journal entries" />
      ) : entries.length === 0 ? (
        <p className="text-sm text-stone-700">No journal entries yet.</p>
      ) : (
        <ul
          tabIndex={0}
          aria-labelledby="journal-heading"
          className="flex max-h-96 flex-col gap-3 overflow-auto focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {entries.map((e) => (
            <li key={e.id} className="text-sm">
              <p className="text-stone-600">{e.localDate}</p>
              <p className="whitespace-pre-wrap text-stone-900">{e.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
