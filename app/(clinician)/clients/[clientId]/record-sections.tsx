import { MeasureList, type MeasureListItem } from '@/components/measures/measure-list';
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

/** The list's row for one questionnaire: its sentence parts, with the item answers as numbers. */
function listItem(m: MeasureAdministrationDto): MeasureListItem {
  const { change, verdict } = m;
  const item9 = m.items.find((i) => i.isItem9);
  return {
    id: m.id,
    instrument: m.instrument,
    title: `${m.name} · ${m.localDate}`,
    score: `${m.total}/${m.maxScore}, ${m.bandLabel.toLowerCase()}`,
    change:
      change !== null && verdict !== null
        ? {
            text: ` · ${change > 0 ? `+${change}` : change} since the previous one: ${verdictText[verdict]}`,
            detail: ` (reliable change is ${m.reliableChangePoints} points or more)`,
          }
        : null,
    item9: item9 && item9.answer > 0 ? `Item 9: ${item9.answerLabel}` : null,
    answers: m.items.map((item) => item.answer),
    difficulty: m.difficulty,
  };
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
          <MeasureList measures={measures.slice(0, RECENT_MEASURES).map(listItem)} />
          {measures.length > RECENT_MEASURES && (
            <LazyDetails
              className="mt-2"
              summaryClassName="cursor-pointer text-sm font-medium text-brand-700"
              summary={`Earlier questionnaires (${measures.length - RECENT_MEASURES})`}
            >
              <div className="mt-2">
                <MeasureList measures={measures.slice(RECENT_MEASURES).map(listItem)} />
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
