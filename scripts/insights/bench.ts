import { performance } from 'node:perf_hooks';
import { toIsoDate } from '@/lib/insights/dates';
import { computeInsights } from '@/lib/insights/engine';
import type { EngineInput, MeasureResponseInput } from '@/lib/insights/types';
import { Random } from './random';
import { generateClient } from './synthetic';

const DAYS = 730;
const CLIENTS = 1000;
const WARMUP = 50;

/** Two years of daily check-ins plus a PHQ-9 and a GAD-7 every 14 days: a heavy, realistic client. */
function benchInput(seed: number): EngineInput {
  const client = generateClient(seed, DAYS, null);
  const random = new Random(seed + 17);
  const measures: MeasureResponseInput[] = [];
  for (let t = 0; t < DAYS; t += 14) {
    const completedAt = toIsoDate(client.firstDay + t);
    measures.push({ instrument: 'phq9', items: Array.from({ length: 9 }, () => random.integer(0, 2)), completedAt });
    measures.push({ instrument: 'gad7', items: Array.from({ length: 7 }, () => random.integer(0, 2)), completedAt });
  }
  return { asOf: toIsoDate(client.firstDay + DAYS - 1), checkIns: client.checkIns, measures, pauses: client.pauses };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

function main(): void {
  const inputs = Array.from({ length: CLIENTS }, (_, i) => benchInput(500_000 + i));
  for (let i = 0; i < WARMUP; i += 1) computeInsights(inputs[i] as EngineInput);
  const perClient: number[] = [];
  const wallStart = performance.now();
  for (const input of inputs) {
    const start = performance.now();
    computeInsights(input);
    perClient.push(performance.now() - start);
  }
  const clinicSeconds = (performance.now() - wallStart) / 1000;
  perClient.sort((a, b) => a - b);
  const result = {
    perClientMs: { median: Number(percentile(perClient, 0.5).toFixed(3)), p95: Number(percentile(perClient, 0.95).toFixed(3)) },
    clinic1000Seconds: Number(clinicSeconds.toFixed(2)),
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  console.log(`Full recompute of one client: ${DAYS} days of check-ins, PHQ-9 and GAD-7 every 14 days.`);
  console.log(`per client: median ${result.perClientMs.median} ms, p95 ${result.perClientMs.p95} ms`);
  console.log(`${CLIENTS} clients, one after another: ${result.clinic1000Seconds} s wall time`);
}

main();
