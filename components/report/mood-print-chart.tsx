import type { TimelineData } from '@/lib/clinical/timeline';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 28, right: 8, top: 8, bottom: 22 };

/**
 * Daily mood, its 7-day mean and the personal baseline band as plain SVG, so it prints the same
 * on any paper without a script. The sentence under it says the same in words.
 */
export function MoodPrintChart({ days, mood }: { days: readonly string[]; mood: NonNullable<TimelineData['mood']> }) {
  const x = (i: number) => PAD.left + (days.length < 2 ? 0 : (i / (days.length - 1)) * (WIDTH - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + ((10 - v) / 9) * (HEIGHT - PAD.top - PAD.bottom);
  // The 7-day mean as unbroken runs: a gap where it is undefined, never a line across it.
  const runs: string[][] = [[]];
  mood.rollingMean.forEach((v, i) => {
    if (v === null) runs.push([]);
    else runs.at(-1)?.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  const line = runs.filter((run) => run.length > 1);
  const { baseline } = mood;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" aria-hidden="true">
      {[1, 4, 7, 10].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#e7e5e4" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="10" fill="#57534e">
            {v}
          </text>
        </g>
      ))}
      {baseline && (
        <rect
          x={PAD.left}
          width={WIDTH - PAD.left - PAD.right}
          y={y(Math.min(10, baseline.high))}
          height={y(Math.max(1, baseline.low)) - y(Math.min(10, baseline.high))}
          fill="#d6ebe6"
        />
      )}
      {line.map((run) => (
        <polyline key={run[0]} points={run.join(' ')} fill="none" stroke="#b45309" strokeWidth="2" />
      ))}
      {mood.daily.map((v, i) => (v === null ? null : <circle key={days[i]} cx={x(i)} cy={y(v)} r="2.5" fill="#1f7a6c" />))}
      <text x={PAD.left} y={HEIGHT - 6} fontSize="10" fill="#57534e">
        {days[0]}
      </text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 6} fontSize="10" fill="#57534e" textAnchor="end">
        {days.at(-1)}
      </text>
    </svg>
  );
}
