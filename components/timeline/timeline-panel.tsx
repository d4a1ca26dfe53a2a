import { Link } from '@/components/ui/link';
import { LazyDetails } from '@/components/ui/lazy-details';
import { TIMELINE_RANGES, type TimelineData } from '@/lib/clinical/timeline';
import { chartBoxHeight } from './chart-heights';
import type { TimelineChartData } from './timeline-chart';
import { TimelineChart } from './timeline-chart-lazy';
import { TimelineTable } from './timeline-table';

const rangeLabels = { '30': '30 days', '90': '90 days', '365': '1 year', all: 'All' } as const;

function RangeNav({ clientId, current }: { clientId: string; current: TimelineData['range'] }) {
  return (
    <nav aria-label="Timeline range" className="flex flex-wrap gap-1">
      {TIMELINE_RANGES.map((range) => (
        <Link
          key={range}
          href={`/clients/${clientId}?range=${range}`}
          scroll={false}
          aria-current={range === current ? 'page' : undefined}
          className="rounded-md border border-stone-300 px-2.5 py-1 text-sm font-medium text-stone-800 hover:bg-stone-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
        >
          {rangeLabels[range]}
        </Link>
      ))}
    </nav>
  );
}

/** The timeline's share that reaches the browser, as compact as the chart and the table view draw it. */
function chartData(data: TimelineData): TimelineChartData {
  const baseline = data.mood?.baseline;
  return {
    days: data.days,
    summary: data.summary,
    mood: data.mood && {
      daily: data.mood.daily,
      rollingMean: data.mood.rollingMean,
      baseline: baseline ? { low: baseline.low, high: baseline.high } : null,
    },
    measures: data.measures && { phq9: data.measures.phq9, gad7: data.measures.gad7 },
    windows: data.windows.map(({ start, end }) => ({ start, end })),
    changePoints: data.changePoints.map(({ date, label }) => ({ date, label })),
    sessions: data.sessions.map(({ sessionDate, noteId, status }) => ({ sessionDate, noteId, isSigned: status === 'signed' })),
    riskDates: data.riskMarks.map((r) => r.date),
    silentGaps: (data.silentGaps ?? []).map(({ start, end }) => ({ start, end })),
  };
}

/** The timeline section: range presets, the chart, what its marks mean, session links, a summary and a table view. */
export function TimelinePanel({ data, clientId }: { data: TimelineData; clientId: string }) {
  const hasData = Boolean(data.mood || data.measures);
  // One object for the chart and the table view: React sends it to the browser once.
  const shared = chartData(data);
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-heading" className="text-lg font-medium">
          Timeline
        </h2>
        <RangeNav clientId={clientId} current={data.range} />
      </div>
      {hasData ? (
        <div className={chartBoxHeight(Boolean(data.mood), Boolean(data.measures))}>
          <TimelineChart data={shared} clientId={clientId} />
        </div>
      ) : (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-stone-700">
          This client does not share check-ins or questionnaires with you, so there is no timeline to draw.
        </p>
      )}
      {hasData && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700" aria-label="What the marks on the chart mean">
          {data.mood?.baseline && (
            <li>
              <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm bg-teal-700/15 align-middle" />
              Personal baseline {data.mood.baseline.low}–{data.mood.baseline.high}
            </li>
          )}
          {data.windows.length > 0 && (
            <li>
              <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm bg-red-600/10 align-middle" />
              Signal window (shift, decline, swings, low days)
            </li>
          )}
          {(data.silentGaps ?? []).length > 0 && (
            <li>
              <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm bg-stone-500/20 align-middle" />
              No check-ins for a week or more
            </li>
          )}
          {data.riskMarks.length > 0 && (
            <li>
              <span aria-hidden="true" className="mr-1 font-bold text-red-800">
                ◆
              </span>
              Risk answer
            </li>
          )}
          {data.changePoints.length > 0 && (
            <li>
              <span aria-hidden="true" className="mr-1 inline-block h-3 border-l-2 border-dashed border-red-700 align-middle" />
              Change point
            </li>
          )}
          {data.measures && (
            <li>
              <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm bg-violet-700/20 align-middle" />
              <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm bg-amber-700/20 align-middle" />
              Questionnaire chart, right edge: GAD-7 and PHQ-9 bands (darker is more severe)
            </li>
          )}
          {data.sessions.length > 0 && (
            <li>
              <span aria-hidden="true" className="mr-1 text-blue-700">
                ▲
              </span>
              Session
            </li>
          )}
        </ul>
      )}
      {data.riskMarks.length > 0 && (
        <div className="mt-3">
          <h3 className="text-sm font-medium text-red-900">Risk answers in this range</h3>
          <ul className="mt-1 space-y-0.5 text-sm" aria-label="Risk answers marked on the timeline">
            {data.riskMarks.map((r) => (
              <li key={`${r.date}-${r.label}`}>
                <span aria-hidden="true" className="mr-1 text-red-800">
                  ◆
                </span>
                {r.date}: {r.label}
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.sessions.length > 0 && (
        <div className="mt-3">
          <h3 className="text-sm font-medium">Sessions in this range</h3>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {data.sessions.map((s) => (
              <li key={s.noteId}>
                <Link
                  href={`/clients/${clientId}/notes/${s.noteId}`}
                  className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-4"
                >
                  {s.sessionDate} ({s.status === 'signed' ? 'signed' : 'draft'})
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p id="timeline-summary" className="mt-3 text-sm text-stone-700">
        {data.summary}
      </p>
      {hasData && (
        <LazyDetails className="mt-2" summaryClassName="cursor-pointer text-sm font-medium text-brand-700" summary="Table view">
          <TimelineTable data={shared} />
        </LazyDetails>
      )}
    </section>
  );
}
