import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { LineChart } from '@/components/charts/line-chart';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getHistory } from '@/lib/dal/history';
import { addDays, dayText, localDateIn } from '@/lib/dates';
import { SCORE_DISCLAIMER } from '@/lib/clinical/bands';
import { isoDateSchema } from '@/lib/validation/client-data';
import {
  HISTORY_WINDOWS,
  loggedDaysHeatmap,
  measureCharts,
  moodChart,
  tagPatterns,
  type HeatCell,
  type HistoryWindow,
} from '@/lib/history/chart-data';

export const metadata: Metadata = { title: 'History' };

function heatClass(cell: HeatCell): string {
  if (cell.mood === null) return 'bg-stone-100';
  if (cell.mood >= 7) return 'bg-brand-700';
  if (cell.mood >= 4) return 'bg-brand-600/60';
  return 'bg-amber-500';
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ days?: string; to?: string }> }) {
  const user = await requireRole('client');
  const params = await searchParams;
  const days: HistoryWindow = HISTORY_WINDOWS.find((w) => w === Number(params.days)) ?? 30;
  const today = localDateIn(user.timeZone);
  const endDate = isoDateSchema.safeParse(params.to);
  const to = endDate.success && endDate.data < today ? endDate.data : today;
  const from = addDays(to, -(days - 1));
  const periodHref = (d: number, end: string) => (end === today ? `/history?days=${d}` : `/history?days=${d}&to=${end}`);
  const laterEnd = addDays(to, days) < today ? addDays(to, days) : today;
  const { checkIns, measures } = await getHistory({ actor: user, from, to });
  const mood = moodChart(checkIns, from, to);
  const heatmap = loggedDaysHeatmap(checkIns, from, to);
  const tags = tagPatterns(checkIns);
  const charts = measureCharts(measures);
  const labels = mood.points.map((p) => dayText(p.date, { month: 'short', year: false }));

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title="History">
        <p>How your days have been. Patterns here are counts, not explanations.</p>
      </PageHeader>

      <nav aria-label="Period" className="flex flex-wrap gap-2">
        {HISTORY_WINDOWS.map((w) => (
          <Link
            key={w}
            href={periodHref(w, to)}
            aria-current={w === days ? 'page' : undefined}
            className={`min-h-11 rounded-md border px-4 py-2 font-medium ${w === days ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 bg-white hover:bg-stone-100'}`}
          >
            {w} days
          </Link>
        ))}
      </nav>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium" aria-live="polite">
          {dayText(from, { weekday: 'short', month: 'short' })} to {dayText(to, { weekday: 'short', month: 'short' })}
        </p>
        <div className="flex gap-2">
          <Link
            href={periodHref(days, addDays(from, -1))}
            className="min-h-11 rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            Earlier<span className="sr-only"> {days} days</span>
          </Link>
          {to < today && (
            <Link
              href={periodHref(days, laterEnd)}
              className="min-h-11 rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
            >
              Later<span className="sr-only"> {days} days</span>
            </Link>
          )}
        </div>
      </div>

      <section aria-labelledby="mood-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="mood-heading" className="text-lg font-medium">
          Mood
        </h2>
        <p className="mb-3 text-stone-700">{mood.summary}</p>
        <LineChart
          labels={labels}
          yMin={1}
          yMax={10}
          summary={mood.summary}
          series={[
            { label: 'Daily mood', values: mood.points.map((p) => p.mood), color: '#1f7a6c', isPointsOnly: true },
            { label: '7-day average', values: mood.points.map((p) => p.rollingMean), color: '#b45309' },
          ]}
        />
        <details className="mt-3">
          <summary className="cursor-pointer font-medium text-brand-700">Show the numbers as a table</summary>
          <div className="mt-2 max-h-80 overflow-y-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Daily mood and 7-day average</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1">
                    Day
                  </th>
                  <th scope="col" className="py-1">
                    Mood
                  </th>
                  <th scope="col" className="py-1">
                    7-day average
                  </th>
                </tr>
              </thead>
              <tbody>
                {mood.points
                  .filter((p) => p.mood !== null || p.rollingMean !== null)
                  .map((p) => (
                    <tr key={p.date} className="border-t border-stone-100">
                      <th scope="row" className="py-1 font-normal">
                        {dayText(p.date, { weekday: 'short', month: 'short' })}
                      </th>
                      <td className="py-1">{p.mood ?? 'not logged'}</td>
                      <td className="py-1">{p.rollingMean ?? '–'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section aria-labelledby="calendar-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="calendar-heading" className="text-lg font-medium">
          Days you checked in
        </h2>
        <p className="mb-3 text-stone-700">{heatmap.summary}</p>
        <div className="overflow-x-auto">
          <div role="img" aria-label={heatmap.summary} className="inline-grid grid-flow-col grid-rows-7 gap-1">
            {heatmap.weeks
              .flat()
              .map((cell, i) =>
                cell ? (
                  <span
                    key={cell.date}
                    title={`${dayText(cell.date, { weekday: 'short', month: 'short' })}: ${cell.count === 0 ? 'no check-in' : `${cell.count} check-in${cell.count > 1 ? 's' : ''}, mood ${cell.mood}`}`}
                    className={`size-3.5 rounded-sm ${heatClass(cell)}`}
                  />
                ) : (
                  <span key={`pad-${i}`} className="size-3.5" />
                ),
              )}
          </div>
        </div>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700" aria-hidden="true">
          <span>
            <span className="mr-1 inline-block size-3 rounded-sm bg-stone-100 align-middle" />
            no check-in
          </span>
          <span>
            <span className="mr-1 inline-block size-3 rounded-sm bg-amber-500 align-middle" />
            mood 1–3
          </span>
          <span>
            <span className="mr-1 inline-block size-3 rounded-sm bg-brand-600/60 align-middle" />
            mood 4–6
          </span>
          <span>
            <span className="mr-1 inline-block size-3 rounded-sm bg-brand-700 align-middle" />
            mood 7–10
          </span>
        </p>
      </section>

      <section aria-labelledby="tags-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="tags-heading" className="text-lg font-medium">
          Tags on better and worse days
        </h2>
        {tags.median === null ? (
          <p className="text-stone-700">Check in on a few more days to see which tags come up on your better and worse days.</p>
        ) : (
          <>
            <p className="mb-3 text-stone-700">
              Better days are days above your usual mood ({tags.median} out of 10 in this period), worse days below it. A tag showing up
              often does not mean it caused the day.
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              {(
                [
                  ['Better days', tags.better, tags.betterDays],
                  ['Worse days', tags.worse, tags.worseDays],
                ] as const
              ).map(([title, list, total]) => (
                <div key={title}>
                  <h3 className="font-medium">
                    {title} ({total})
                  </h3>
                  {list.length === 0 ? (
                    <p className="text-sm text-stone-700">No tag came up on two or more of these days.</p>
                  ) : (
                    <ul className="mt-1 flex flex-col gap-1">
                      {list.map((t) => (
                        <li key={t.tag} className="flex justify-between gap-2 border-b border-stone-100 py-1">
                          <span>{t.tag}</span>
                          <span className="text-stone-700">
                            on {t.days} of {total} days
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </div>
          </>
        )}
      </section>

      {charts.map((chart) => (
        <section
          key={chart.instrument}
          aria-labelledby={`${chart.instrument}-heading`}
          className="rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 id={`${chart.instrument}-heading`} className="text-lg font-medium">
            {chart.name}
          </h2>
          <p className="mb-3 text-stone-700">{chart.summary}</p>
          {chart.points.length > 1 && (
            <LineChart
              labels={chart.points.map((p) => dayText(p.date, { month: 'short', year: false }))}
              yMin={0}
              yMax={chart.max}
              summary={chart.summary}
              series={[{ label: `${chart.name} total`, values: chart.points.map((p) => p.total), color: '#1f7a6c' }]}
            />
          )}
          {chart.points.length > 0 && (
            <>
              <ul className="mt-3 flex flex-col gap-1">
                {chart.points.map((p, i) => (
                  <li key={`${p.date}-${i}`} className="flex justify-between gap-2 border-b border-stone-100 py-1">
                    <span>{dayText(p.date, { weekday: 'short', month: 'short' })}</span>
                    <span>
                      {p.total} of {chart.max}, {p.band.toLowerCase()}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-sm text-stone-600">{SCORE_DISCLAIMER}</p>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
