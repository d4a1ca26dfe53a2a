'use client';

import type { ChartConfiguration, Plugin } from 'chart.js';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { Chart } from '@/components/charts/line-chart-setup';
import { bandsFor } from '@/lib/clinical/bands';
import { chartHeights } from './chart-heights';

// Questionnaire bands from lib/clinical (PHQ-9: Kroenke, Spitzer & Williams 2001; GAD-7: Spitzer
// et al. 2006), shaded in two strips on the questionnaire axis's edge, darker as more severe.
const BAND_STRIP_WIDTH = 10;
const bandStrips = [
  { instrument: 'phq9', rgb: '180, 83, 9', offset: BAND_STRIP_WIDTH },
  { instrument: 'gad7', rgb: '109, 40, 217', offset: 2 * BAND_STRIP_WIDTH },
] as const;

const colors = {
  mood: '#0f766e',
  mean: '#134e4a',
  phq9: '#b45309',
  gad7: '#6d28d9',
  baseline: 'rgba(15, 118, 110, 0.12)',
  window: 'rgba(220, 38, 38, 0.07)',
  gap: 'rgba(120, 113, 108, 0.16)',
  change: '#b91c1c',
  risk: '#991b1b',
  session: '#1d4ed8',
};

type LineConfig = ChartConfiguration<'line', (number | null)[], string>;
type Points = (number | null)[];

/**
 * What the chart and the table view (./timeline-table) draw and nothing else: the page sends these
 * props to the browser in React's payload, so the timeline's other fields (administrations, ids,
 * counts) stay on the server.
 */
export type TimelineChartData = {
  days: string[];
  summary: string;
  mood: { daily: Points; rollingMean: Points; baseline: { low: number; high: number } | null } | null;
  measures: { phq9: Points; gad7: Points } | null;
  windows: { start: string; end: string }[];
  changePoints: { date: string; label: string }[];
  sessions: { sessionDate: string; noteId: string; isSigned: boolean }[];
  riskDates: string[];
  silentGaps: { start: string; end: string }[];
};

/** Draws what chart.js has no dataset for on the mood chart: baseline, silent gaps, signal windows, change points, risk answers and sessions. */
function moodAnnotations(data: TimelineChartData): Plugin<'line'> {
  return {
    id: 'tandemTimelineAnnotations',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x;
      const y = scales.y;
      if (!x || !y) return;
      const xOf = (date: string) => x.getPixelForValue(data.days.indexOf(date));
      const halfDay = data.days.length > 1 ? Math.abs(xOf(data.days[1] as string) - xOf(data.days[0] as string)) / 2 : 4;
      ctx.save();
      const baseline = data.mood?.baseline;
      if (baseline) {
        ctx.fillStyle = colors.baseline;
        const top = y.getPixelForValue(baseline.high);
        ctx.fillRect(area.left, top, area.right - area.left, y.getPixelForValue(baseline.low) - top);
      }
      for (const g of data.silentGaps) {
        const left = xOf(g.start) - halfDay;
        ctx.fillStyle = colors.gap;
        ctx.fillRect(left, area.top, Math.max(xOf(g.end) + halfDay - left, 2), area.bottom - area.top);
      }
      ctx.font = '11px system-ui, sans-serif';
      for (const w of data.windows) {
        const left = xOf(w.start);
        ctx.fillStyle = colors.window;
        ctx.fillRect(left, area.top, Math.max(xOf(w.end) - left, 2), area.bottom - area.top);
      }
      ctx.setLineDash([4, 4]);
      for (const c of data.changePoints) {
        const at = xOf(c.date);
        ctx.strokeStyle = colors.change;
        ctx.beginPath();
        ctx.moveTo(at, area.top);
        ctx.lineTo(at, area.bottom);
        ctx.stroke();
        ctx.fillStyle = colors.change;
        ctx.fillText(c.label, Math.min(at + 4, area.right - 140), area.top + 12);
      }
      ctx.setLineDash([]);
      for (const s of data.sessions) {
        const at = xOf(s.sessionDate);
        ctx.fillStyle = colors.session;
        ctx.beginPath();
        ctx.moveTo(at, area.bottom - 12);
        ctx.lineTo(at - 6, area.bottom);
        ctx.lineTo(at + 6, area.bottom);
        ctx.closePath();
        ctx.fill();
      }
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x;
      if (!x) return;
      ctx.save();
      // Risk answers: a solid line over the day and a diamond above the plot, drawn last so no
      // point or window hides them.
      for (const date of data.riskDates) {
        const at = x.getPixelForValue(data.days.indexOf(date));
        ctx.strokeStyle = colors.risk;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(at, area.top);
        ctx.lineTo(at, area.bottom);
        ctx.stroke();
        ctx.fillStyle = colors.risk;
        ctx.beginPath();
        ctx.moveTo(at, area.top - 12);
        ctx.lineTo(at + 6, area.top - 6);
        ctx.lineTo(at, area.top);
        ctx.lineTo(at - 6, area.top - 6);
        ctx.closePath();
        ctx.fill();
      }
      ctx.restore();
    },
  };
}

/** Questionnaire bands from lib/clinical, shaded in two strips at the right edge, darker as more severe. */
function bandAnnotations(): Plugin<'line'> {
  return {
    id: 'tandemBandStrips',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const y = scales.y;
      if (!y) return;
      ctx.save();
      for (const strip of bandStrips) {
        for (const [severity, band] of bandsFor(strip.instrument).entries()) {
          ctx.fillStyle = `rgba(${strip.rgb}, ${0.04 * severity})`;
          const top = y.getPixelForValue(Math.min(band.max + 1, y.max));
          ctx.fillRect(area.right - strip.offset, top, BAND_STRIP_WIDTH, y.getPixelForValue(band.min) - top);
        }
      }
      ctx.restore();
    },
  };
}

/**
 * The client's timeline as two chart.js charts sharing the days: mood above, questionnaire totals
 * in their own smaller chart below (never on a second axis). Each canvas is an image described by
 * the summary; the sessions it marks are also plain links below it, so the keyboard reaches every note.
 */
export function TimelineChart({ data, clientId }: { data: TimelineChartData; clientId: string }) {
  const moodCanvas = useRef<HTMLCanvasElement>(null);
  const measuresCanvas = useRef<HTMLCanvasElement>(null);
  const router = useRouter();

  useEffect(() => {
    const charts: Chart<'line', (number | null)[], string>[] = [];
    const pending: (() => void)[] = [];
    // Each chart is drawn once its canvas is near the screen, in a task of its own: drawing both in
    // one task was among the longest tasks of the client page's load on a throttled phone, and on a
    // phone the questionnaire chart starts below the fold.
    const drawWhenNear = (canvas: HTMLCanvasElement, config: LineConfig) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          timer = setTimeout(() => charts.push(new Chart(canvas, config)));
        },
        { rootMargin: '200px' },
      );
      observer.observe(canvas);
      pending.push(() => {
        observer.disconnect();
        clearTimeout(timer);
      });
    };
    const dense = data.days.length > 120;
    const x = { ticks: { maxTicksLimit: 8, maxRotation: 0 } };
    // Whole numbers as they are: chart.js's default tick labels go through Intl.NumberFormat, whose
    // first use on the page was the largest single cost of drawing these charts on a throttled phone.
    const ticks = { callback: (value: string | number) => String(value) };
    if (data.mood && moodCanvas.current) {
      const config: LineConfig = {
        type: 'line',
        data: {
          labels: data.days,
          datasets: [
            // clip: false, so a day at 10 (or 1) is drawn whole, not cut by the plot's edge.
            {
              label: 'Daily mood',
              data: data.mood.daily,
              borderColor: colors.mood,
              backgroundColor: colors.mood,
              showLine: false,
              pointRadius: dense ? 1.5 : 3,
              clip: false,
            },
            {
              label: '7-day mean',
              data: data.mood.rollingMean,
              borderColor: colors.mean,
              backgroundColor: colors.mean,
              pointRadius: 0,
              borderWidth: 2,
              tension: 0.2,
              clip: false,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          layout: { padding: { top: 14 } },
          interaction: { mode: 'index', intersect: false },
          scales: { x, y: { min: 1, max: 10, ticks, title: { display: true, text: 'Mood (1–10)' } } },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
          onClick: (event, _elements, chart) => {
            const scale = chart.scales.x;
            if (event.x === null || !scale) return;
            const hit = data.sessions.find(
              (s) =>
                Math.abs(scale.getPixelForValue(data.days.indexOf(s.sessionDate)) - (event.x as number)) <= 8 &&
                (event.y ?? 0) >= chart.chartArea.bottom - 20,
            );
            if (hit) router.push(`/clients/${clientId}/notes/${hit.noteId}`);
          },
        },
        plugins: [moodAnnotations(data)],
      };
      drawWhenNear(moodCanvas.current, config);
    }
    if (data.measures && measuresCanvas.current) {
      const config: LineConfig = {
        type: 'line',
        data: {
          labels: data.days,
          datasets: [
            {
              label: 'PHQ-9 total',
              data: data.measures.phq9,
              borderColor: colors.phq9,
              backgroundColor: colors.phq9,
              spanGaps: true,
              pointRadius: 4,
              pointStyle: 'rectRot',
              borderWidth: 1.5,
              clip: false,
            },
            {
              label: 'GAD-7 total',
              data: data.measures.gad7,
              borderColor: colors.gad7,
              backgroundColor: colors.gad7,
              spanGaps: true,
              pointRadius: 4,
              pointStyle: 'triangle',
              borderWidth: 1.5,
              clip: false,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          layout: { padding: { top: 6 } },
          interaction: { mode: 'index', intersect: false },
          scales: { x, y: { min: 0, max: 27, ticks, title: { display: true, text: 'Total' } } },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        },
        plugins: [bandAnnotations()],
      };
      drawWhenNear(measuresCanvas.current, config);
    }
    return () => {
      pending.forEach((stop) => stop());
      charts.forEach((c) => c.destroy());
    };
  }, [data, clientId, router]);

  return (
    <div className="flex flex-col gap-2">
      {data.mood && (
        <div className={`relative w-full ${chartHeights.mood}`}>
          <canvas ref={moodCanvas} role="img" aria-label={data.summary} />
        </div>
      )}
      {data.measures && (
        <div className={`relative w-full ${chartHeights.measures}`}>
          <canvas
            ref={measuresCanvas}
            role="img"
            aria-label={data.mood ? 'Questionnaire totals over the same days; described in the summary below.' : data.summary}
          />
        </div>
      )}
    </div>
  );
}
