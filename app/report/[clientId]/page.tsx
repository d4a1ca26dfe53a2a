import type { Metadata } from 'next';
import { BriefView } from '@/components/notes/brief-view';
import { MoodPrintChart } from '@/components/report/mood-print-chart';
import { orNotFound } from '@/app/(clinician)/clients/[clientId]/or-not-found';
import { requireRole } from '@/lib/auth/session';
import { getSinceLastSessionBrief } from '@/lib/dal/brief';
import { getClientOverview, getClientTimeline, listMeasureAdministrations } from '@/lib/dal/client-record';
import { PrintButton } from './print-button';
import { dayText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Pre-session report' };

const RECENT_MEASURES = 6;
const scopeWords = { checkins: 'check-ins', journal: 'journal', measures: 'questionnaires', companion: 'companion summaries' } as const;
const verdictText = {
  reliable_improvement: 'Reliable improvement',
  reliable_deterioration: 'Reliable deterioration',
  no_reliable_change: 'No reliable change',
} as const;

/**
 * A one-page summary to read before a session or attach to the clinic's record, printed (or saved
 * as PDF) from the browser. Only the assigned therapist may open it, and it holds only what the
 * client shares; every read behind it is audited by the DAL.
 */
export default async function ReportPage({ params }: { params: Promise<{ clientId: string }> }) {
  const user = await requireRole('therapist');
  const { clientId } = await params;
  const client = await orNotFound(getClientOverview({ actor: user, clientId }));
  const [timeline, measures, brief] = await Promise.all([
    orNotFound(getClientTimeline({ actor: user, clientId, range: '90' })),
    orNotFound(listMeasureAdministrations({ actor: user, clientId })),
    orNotFound(getSinceLastSessionBrief({ actor: user, clientId })),
  ]);
  const shared = client.sharing.map((s) => scopeWords[s]);
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 bg-white p-6 text-sm print:max-w-none print:p-0">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-stone-300 pb-3">
        <div>
          <h1 className="text-xl font-semibold">Pre-session report: {client.name}</h1>
          <p className="text-stone-700">
            {dayText(timeline.from)} to {dayText(timeline.to)} · prepared by {user.name}
          </p>
          <p className="text-stone-700">
            {shared.length === 0
              ? 'Shares nothing with you at the moment; urgent risk answers still reach you.'
              : `Shares ${shared.join(', ')} with you.`}{' '}
            This report holds nothing else.
          </p>
        </div>
        <PrintButton />
      </header>

      <section aria-labelledby="mood-heading" className="break-inside-avoid">
        <h2 id="mood-heading" className="text-base font-medium">
          Mood, last 90 days
        </h2>
        {timeline.mood ? (
          <>
            <p className="text-stone-700">
              Logged on {timeline.mood.loggedDays} of {timeline.days.length} days.{' '}
              {timeline.mood.baseline
                ? `Usual range (baseline ${dayText(timeline.mood.baseline.from)} to ${dayText(timeline.mood.baseline.to)}): ${timeline.mood.baseline.low.toFixed(1)} to ${timeline.mood.baseline.high.toFixed(1)}, shaded.`
                : 'Too few days logged for a usual range.'}{' '}
              Dots are daily mood, the line its 7-day mean.
            </p>
            <MoodPrintChart days={timeline.days} mood={timeline.mood} />
            <p className="text-stone-700">{timeline.summary}</p>
          </>
        ) : (
          <p className="text-stone-700">Not shared with you: check-ins.</p>
        )}
      </section>

      <section aria-labelledby="measures-heading" className="break-inside-avoid">
        <h2 id="measures-heading" className="text-base font-medium">
          Questionnaires
        </h2>
        {measures === null ? (
          <p className="text-stone-700">Not shared with you: questionnaires.</p>
        ) : measures.length === 0 ? (
          <p className="text-stone-700">No questionnaires yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">The latest questionnaires with band and change</caption>
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
                  <th scope="col" className="py-1 pr-2">
                    Band
                  </th>
                  <th scope="col" className="py-1">
                    Change since the previous
                  </th>
                </tr>
              </thead>
              <tbody>
                {measures.slice(0, RECENT_MEASURES).map((m) => {
                  const item9 = m.items.find((i) => i.isItem9);
                  return (
                    <tr key={m.id} className="border-b border-stone-100 align-top">
                      <td className="py-1 pr-2">{m.localDate}</td>
                      <td className="py-1 pr-2">
                        {m.name}
                        {item9 && item9.answer > 0 && <span className="block font-medium text-red-800">Item 9: {item9.answerLabel}</span>}
                      </td>
                      <td className="py-1 pr-2 tabular-nums">
                        {m.total}/{m.maxScore}
                      </td>
                      <td className="py-1 pr-2">{m.bandLabel}</td>
                      <td className="py-1">
                        {m.change === null || !m.verdict
                          ? 'First one'
                          : `${m.change > 0 ? `+${m.change}` : m.change}: ${verdictText[m.verdict]}`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="mt-1 text-stone-700">
              Reliable change at this clinic:{' '}
              {[...new Map(measures.map((m) => [m.name, `${m.name} ${m.reliableChangePoints} points`])).values()].join(', ')} or more.
            </p>
          </div>
        )}
      </section>

      <div className="break-inside-avoid">
        <BriefView brief={brief} headingId="report-brief" title="Since last session: signals and risk answers" />
      </div>
    </main>
  );
}
