'use client';

import { LazyDetails } from '@/components/ui/lazy-details';
import type { Instrument } from '@/lib/clinical/instruments';
import { ItemAnswers } from './item-answers';

/** One questionnaire as the list draws it: its words already written on the server, its answers as numbers. */
export type MeasureListItem = {
  id: string;
  instrument: Instrument;
  /** "PHQ-9 · 2026-11-25" */
  title: string;
  /** "14/27, moderate" */
  score: string;
  /**
   * Against the previous one, null for the first: " · +7 since the previous one: Reliable
   * deterioration", then for screen readers " (reliable change is 6 points or more)".
   */
  change: { text: string; detail: string } | null;
  /** "Item 9: Several days" when PHQ-9's risk item was answered above 0. */
  item9: string | null;
  answers: number[];
  difficulty: string | null;
};

/**
 * A client's questionnaires, each opening onto its item answers. Drawn in the browser from compact
 * rows: a client's dozens of questionnaires as rendered markup were a large share of the client
 * page's payload, and the older ones sit in a closed section most visits. The list styles its items
 * once, as every class on them would otherwise be sent twice (in the HTML and in React's payload).
 */
export function MeasureList({ measures }: { measures: MeasureListItem[] }) {
  return (
    <ul className="flex flex-col gap-2 *:scroll-mt-24 *:rounded-md *:border *:border-stone-200 *:p-3">
      {measures.map((m) => (
        <li key={m.id} id={`measure-${m.id}`}>
          <LazyDetails
            summaryClassName="cursor-pointer"
            summary={
              <>
                <span className="font-medium">{m.title}</span> <span className="tabular-nums">{m.score}</span>
                {m.change && (
                  <span className="text-stone-700">
                    {m.change.text}
                    <span className="sr-only">{m.change.detail}</span>
                  </span>
                )}
                {m.item9 && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-sm font-medium text-red-800">{m.item9}</span>}
              </>
            }
          >
            <ItemAnswers instrument={m.instrument} answers={m.answers} />
            {m.difficulty && <p className="mt-2 text-sm text-stone-700">Difficulty: {m.difficulty}</p>}
          </LazyDetails>
        </li>
      ))}
    </ul>
  );
}
