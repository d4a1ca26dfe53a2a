import type { Metadata } from 'next';
import { MoodPrintChart } from '@/components/report/mood-print-chart';
import { requireRole } from '@/lib/auth/session';
import { bandFor, SCORE_DISCLAIMER } from '@/lib/clinical/bands';
import { instrumentDefinition } from '@/lib/clinical/instruments';
import { totalScore } from '@/lib/clinical/scoring';
import { BASELINE, buildTimeline } from '@/lib/clinical/timeline';
import { getHistory } from '@/lib/dal/history';
import { addDays, dayText, localDateIn } from '@/lib/dates';
import { PrintButton } from '../../report/[clientId]/print-button';

export const metadata: Metadata = { title: 'Summary for your doctor' };

/** The client's own one-page summary of the last 90 days, to print or save as PDF for a GP. */
export default async function SummaryPage() {
  const user = await requireRole('client');
  const today = localDateIn(user.timeZone);
  // The usual range is worked out from the weeks before the last four, so those are read too.
  const history = await getHistory({
    actor: user,
    from: addDays(today, -Math.max(89, BASELINE.recentDays + BASELINE.days - 1)),
    to: today,
  });
  const measures = history.measures.map((m) => ({ ...m, total: totalScore(m.instrument, m.items) }));
  const timeline = buildTimeline({
    range: '90',
    to: today,
    checkIns: history.checkIns,
    measures: measures.map((m, i) => ({ id: String(i), instrument: m.instrument, total: m.total, localDate: m.localDate })),
    insights: [],
    sessions: [],
  });
  const recent = measures.filter((m) => m.localDate >= timeline.from).reverse();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6 text-sm print:max-w-none print:border-0 print:p-0">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-stone-300 pb-3">
        <div>
          <h1 className="text-xl font-semibold">How I have been: {user.name}</h1>
          <p className="text-stone-700">
            {dayText(timeline.from)} to {dayText(timeline.to)}, from my check-ins and questionnaires in Tandem.
          </p>
        </div>
        <PrintButton />
      </header>
      <section aria-labelledby="summary-mood-heading" className="break-inside-avoid">
        <h2 id="summary-mood-heading" className="text-base font-medium">
          Mood (1 very low to 10 very good)
        </h2>
        {timeline.mood && timeline.mood.loggedDays > 0 ? (
          <>
            <p className="text-stone-700">
              Logged on {timeline.mood.loggedDays} of {timeline.days.length} days. Dots are daily mood, the line its 7-day average
              {timeline.mood.baseline
                ? `, the shaded band my usual range (${timeline.mood.baseline.low.toFixed(1)} to ${timeline.mood.baseline.high.toFixed(1)})`
                : ''}
              .
            </p>
            <MoodPrintChart days={timeline.days} mood={timeline.mood} />
          </>
        ) : (
          <p className="text-stone-700">No check-ins in these 90 days.</p>
        )}
      </section>
      <section aria-labelledby="summary-measures-heading" className="break-inside-avoid">
        <h2 id="summary-measures-heading" className="text-base font-medium">
          Questionnaires
        </h2>
        {recent.length === 0 ? (
          <p className="text-stone-700">No questionnaires in these 90 days.</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">My questionnaire scores, newest first</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1 pr-2">
                  Date
                </th>
                <th scope="col" className="py-1 pr-2">
                  Questionnaire
                </th>
                <th scope="col" className="py-1 pr-2">
                  Score
                </th>
                <th scope="col" className="py-1">
                  Band
                </th>
              </tr>
            </thead>
            <tbody>
              {recent.map((m, i) => {
                const def = instrumentDefinition(m.instrument);
                return (
                  <tr key={`${m.localDate}-${m.instrument}-${i}`} className="border-b border-stone-100">
                    <td className="py-1 pr-2">{m.localDate}</td>
                    <td className="py-1 pr-2">{def.name}</td>
                    <td className="py-1 pr-2 tabular-nums">
                      {m.total}/{def.maxScore}
                    </td>
                    <td className="py-1">{bandFor(m.instrument, m.total).label}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="mt-2 text-stone-700">{SCORE_DISCLAIMER} PHQ-9 asks about low mood, GAD-7 about anxiety.</p>
      </section>
    </div>
  );
}
