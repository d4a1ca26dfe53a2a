'use client';

import type { ChartConfiguration, Plugin } from 'chart.js';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { Chart } from '@/components/charts/line-chart-setup';
import { bandsFor } from '@/lib/clinical/bands';
import type { TimelineData } from '@/lib/clinical/timeline';

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
  change: '#b91c1c',
  session: '#1d4ed8',
};

/** Draws what chart.js has no dataset for: the baseline band, band shading, signal windows, change points and sessions. */
function annotations(data: TimelineData): Plugin<'line'> {
  return {
    id: 'tandemTimelineAnnotations',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x;
      const y = scales.y;
      const y2 = scales.y2;
      if (!x || !y) return;
      const xOf = (date: string) => x.getPixelForValue(data.days.indexOf(date));
      ctx.save();
      if (data.measures && y2) {
        for (const strip of bandStrips) {
          for (const [severity, band] of bandsFor(strip.instrument).entries()) {
            ctx.fillStyle = `rgba(${strip.rgb}, ${0.04 * severity})`;
            const top = y2.getPixelForValue(Math.min(band.max + 1, y2.max));
            ctx.fillRect(area.right - strip.offset, top, BAND_STRIP_WIDTH, y2.getPixelForValue(band.min) - top);
          }
        }
      }
      const baseline = data.mood?.baseline;
      if (baseline) {
        ctx.fillStyle = colors.baseline;
        const top = y.getPixelForValue(baseline.high);
        ctx.fillRect(area.left, top, area.right - area.left - 2 * BAND_STRIP_WIDTH - 2, y.getPixelForValue(baseline.low) - top);
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
  };
}

/**
 * The client's timeline as a chart.js chart. The canvas is an image described by the summary; the
 * sessions it marks are also plain links below it, so the keyboard reaches every note.
 */
export function TimelineChart({ data, clientId }: { data: TimelineData; clientId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const router = useRouter();

  useEffect(() => {
    if (!canvas.current) return;
    const dense = data.days.length > 120;
    const datasets: ChartConfiguration<'line', (number | null)[], string>['data']['datasets'] = [];
    if (data.mood) {
      datasets.push(
        { label: 'Daily mood', data: data.mood.daily, yAxisID: 'y', borderColor: colors.mood, backgroundColor: colors.mood, showLine: false, pointRadius: dense ? 1.5 : 3 },
        { label: '7-day mean', data: data.mood.rollingMean, yAxisID: 'y', borderColor: colors.mean, backgroundColor: colors.mean, pointRadius: 0, borderWidth: 2, tension: 0.2 },
      );
    }
    if (data.measures) {
      datasets.push(
        { label: 'PHQ-9 total', data: data.measures.phq9, yAxisID: 'y2', borderColor: colors.phq9, backgroundColor: colors.phq9, spanGaps: true, pointRadius: 4, pointStyle: 'rectRot', borderWidth: 1.5 },
        { label: 'GAD-7 total', data: data.measures.gad7, yAxisID: 'y2', borderColor: colors.gad7, backgroundColor: colors.gad7, spanGaps: true, pointRadius: 4, pointStyle: 'triangle', borderWidth: 1.5 },
      );
    }
    const config: ChartConfiguration<'line', (number | null)[], string> = {
      type: 'line',
      data: { labels: data.days, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { maxTicksLimit: 8, maxRotation: 0 } },
          y: { display: Boolean(data.mood), min: 1, max: 10, title: { display: true, text: 'Mood (1–10)' } },
          y2: {
            display: Boolean(data.measures),
            position: 'right',
            min: 0,
            max: 27,
            grid: { drawOnChartArea: false },
            title: { display: true, text: 'Questionnaire total' },
          },
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        onClick: (event) => {
          const x = chart.scales.x;
          if (event.x === null || !x) return;
          const hit = data.sessions.find((s) => Math.abs(x.getPixelForValue(data.days.indexOf(s.sessionDate)) - (event.x as number)) <= 8 && (event.y ?? 0) >= chart.chartArea.bottom - 20);
          if (hit) router.push(`/clients/${clientId}/notes/${hit.noteId}`);
        },
      },
      plugins: [annotations(data)],
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [data, clientId, router]);

  return (
    <div className="relative h-72 w-full xl:h-96">
      <canvas ref={canvas} role="img" aria-label={data.summary} />
    </div>
  );
}
