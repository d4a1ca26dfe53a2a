'use client';

import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';
import { Chart } from './line-chart-setup';

export type LineSeries = {
  label: string;
  values: (number | null)[];
  color: string;
  /** Draw points only, no line (daily values with gaps); otherwise a line across gaps. */
  isPointsOnly?: boolean;
};

export type LineChartProps = {
  labels: string[];
  series: LineSeries[];
  yMin: number;
  yMax: number;
  /** What the chart shows, in words: read by screen readers in place of the drawing. */
  summary: string;
};

/** A chart.js line chart of plain data. The canvas is an image described by `summary`. */
export function LineChart({ labels, series, yMin, yMax, summary }: LineChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const step = yMax - yMin > 12 ? 5 : 1;
    const config: ChartConfiguration<'line', (number | null)[], string> = {
      type: 'line',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          borderColor: s.color,
          backgroundColor: s.color,
          showLine: !s.isPointsOnly,
          spanGaps: !s.isPointsOnly,
          pointRadius: s.isPointsOnly ? 3 : 0,
          borderWidth: 2,
          tension: 0.2,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: {
            min: yMin,
            max: yMax,
            // Long scales (PHQ-9 0-27) label every fifth point only, so the top value does not crowd the last label.
            ticks: { stepSize: step, callback: (value) => (Number(value) % step === 0 ? String(value) : '') },
          },
          x: { ticks: { maxTicksLimit: 6, maxRotation: 0 } },
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [labels, series, yMin, yMax]);

  return (
    <div className="relative h-64 w-full min-w-0 overflow-hidden">
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
