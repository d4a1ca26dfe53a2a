'use client';

import dynamic from 'next/dynamic';

// chart.js is the largest script on the client page: the timeline's chart loads after the page is
// shown (issue 17, ≤ 170 KB of JavaScript compressed), in a box the timeline panel sizes as the
// charts will be (./chart-heights), so nothing moves when they arrive. The summary, session links
// and table view below it render at once.
export const TimelineChart = dynamic(() => import('./timeline-chart').then((m) => m.TimelineChart), {
  ssr: false,
  loading: () => (
    <div role="status" className="flex h-full w-full items-center justify-center rounded-md bg-stone-100 text-sm text-stone-700">
      Drawing the chart…
    </div>
  ),
});
