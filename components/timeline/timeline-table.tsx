'use client';

import type { TimelineChartData } from './timeline-chart';

/**
 * The timeline's table view, built in the browser from the data the chart draws (the page sends it
 * once, for both): the days of a range as rows of their own would have been the largest part of the
 * client page's payload, sent on every visit for a table that is opened now and then.
 */
export function TimelineTable({ data }: { data: TimelineChartData }) {
  const sessionsByDay = new Map(data.sessions.map((s) => [s.sessionDate, s]));
  const rows = data.days
    .map((date, i) => ({
      date,
      mood: data.mood?.daily[i] ?? null,
      mean: data.mood?.rollingMean[i] ?? null,
      phq9: data.measures?.phq9[i] ?? null,
      gad7: data.measures?.gad7[i] ?? null,
      session: sessionsByDay.get(date),
    }))
    .filter((r) => r.mood !== null || r.phq9 !== null || r.gad7 !== null || r.session)
    .reverse();
  if (rows.length === 0) return <p className="mt-2 text-sm text-stone-700">Nothing to list in this range.</p>;
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label="The timeline's data by day"
      className="mt-2 max-h-80 overflow-auto rounded-md border border-stone-200"
    >
      {/* A year has hundreds of rows: the cells are styled once here, not each on its own. */}
      <table className="w-full text-left text-sm [&_td]:px-3 [&_td]:py-1.5 [&_th]:px-3 [&_th]:py-1.5 [&_tbody_th]:font-normal [&_tbody_tr]:border-t [&_tbody_tr]:border-stone-100">
        <caption className="sr-only">The timeline&rsquo;s data by day, newest first</caption>
        <thead className="sticky top-0 bg-stone-100 text-stone-700">
          <tr>
            <th scope="col">Day</th>
            {data.mood && <th scope="col">Mood</th>}
            {data.mood && <th scope="col">7-day mean</th>}
            {data.measures && <th scope="col">PHQ-9</th>}
            {data.measures && <th scope="col">GAD-7</th>}
            <th scope="col">Session</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.date}>
              <th scope="row">{r.date}</th>
              {data.mood && <td>{r.mood ?? '–'}</td>}
              {data.mood && <td>{r.mean ?? '–'}</td>}
              {data.measures && <td>{r.phq9 ?? '–'}</td>}
              {data.measures && <td>{r.gad7 ?? '–'}</td>}
              <td>{r.session ? (r.session.isSigned ? 'Signed note' : 'Draft note') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
