import type { Coverage } from './types';

/** How much data a signal rests on, e.g. "11 of the last 14 days logged". Paused days are not counted. */
export function dayCoverage(
  loggedDays: readonly number[],
  from: number,
  to: number,
  paused: ReadonlySet<number>,
  endsToday: boolean,
): Coverage {
  let windowDays = 0;
  let logged = 0;
  const loggedSet = new Set(loggedDays);
  for (let d = from; d <= to; d += 1) {
    if (paused.has(d) && !loggedSet.has(d)) continue;
    windowDays += 1;
    if (loggedSet.has(d)) logged += 1;
  }
  const span = endsToday ? `the last ${windowDays} days` : `${windowDays} days`;
  return { loggedDays: logged, windowDays, text: `${logged} of ${span} logged` };
}
