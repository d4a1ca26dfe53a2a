'use client';

import { answeredItems, type Instrument } from '@/lib/clinical/instruments';

/**
 * A questionnaire's item answers in the published wording, PHQ-9 item 9 (the risk item) marked.
 * Drawn in the browser from the answers alone: the wording comes once with the script, where each
 * of a client's dozens of questionnaires would otherwise repeat it in the page's payload. The list
 * styles its items once for the same reason.
 */
export function ItemAnswers({ instrument, answers }: { instrument: Instrument; answers: number[] }) {
  return (
    <ol className="mt-2 flex flex-col gap-1 text-sm *:flex *:justify-between *:gap-3 *:rounded *:px-2 *:py-1 [&>li>span+span]:shrink-0 [&>li>span+span]:text-stone-700">
      {answeredItems(instrument, answers).map((item) =>
        item.isItem9 ? (
          <li key={item.number} className="border border-red-300 bg-red-50">
            <span>
              {`${item.number}. ${item.question}`}
              <span className="sr-only"> (the risk item)</span>
            </span>
            <span>{`${item.answerLabel} (${item.answer})`}</span>
          </li>
        ) : (
          <li key={item.number}>
            <span>{`${item.number}. ${item.question}`}</span>
            <span>{`${item.answerLabel} (${item.answer})`}</span>
          </li>
        ),
      )}
    </ol>
  );
}
