import { DAYLIO_DEFAULT_MOODS } from '@/lib/import/daylio';
import { toIsoDate } from '@/lib/insights/dates';
import type { EngineCheckIn, PauseInput } from '@/lib/insights/types';
import { Random } from './random';

export type PlantedKind = 'decline' | 'improvement' | 'shift' | 'volatility' | 'disengagement';

export interface PlantedEvent {
  kind: PlantedKind;
  /** Index of the first affected day. */
  startIndex: number;
  /** Signed size in mood points (shift, decline, improvement); noise multiplier for volatility. */
  size: number;
  /** Days over which a gradual change unfolds; 0 for abrupt events. */
  durationDays: number;
}

/**
 * `fine`: one whole-number answer 1–10 a logged day. `coarse`: shaped like a Daylio export read by
 * Tandem's importer — five levels mapped to 1, 3, 5, 8, 10 (DAYLIO_DEFAULT_MOODS), one to three
 * entries on some days, runs of several missing days, and a weekly rhythm with a weekend lift and
 * a Monday dip.
 */
export type ClientShape = 'fine' | 'coarse';

/**
 * `steady`: mood varies around one level. `cyclic`: a recurring dip the engine does not model, the
 * shape of a premenstrual mood pattern — lower mood in the last days of a cycle of about a month
 * (DSM-5 premenstrual dysphoric disorder, criterion A: symptoms in the final week before the onset
 * of menses, improving within a few days after; cycle lengths of 24–38 days are normal, FIGO:
 * Fraser et al., Semin Reprod Med 2011;29:383, kept in the 2018 revision, Munro et al., Int J
 * Gynaecol Obstet 2018;143:393). A clinician who knows the pattern would dismiss the alarms it
 * raises: controls on which per-person feedback should have something to learn.
 */
export type ClientPattern = 'steady' | 'cyclic';

interface CyclicDip {
  /** Days from the start of one dip to the next, drawn afresh each cycle around the person's mean. */
  meanPeriod: number;
  /** How many days the dip lasts, and how many points lower mood is during it. */
  days: number;
  depth: number;
}

function cyclicDip(random: Random): CyclicDip {
  return { meanPeriod: random.integer(25, 34), days: random.integer(4, 7), depth: random.between(1, 2.5) };
}

/** Day indices on which a cyclic dip lowers mood, each cycle's length jittered by up to 3 days. */
function dipDays(dip: CyclicDip, days: number, random: Random): Set<number> {
  const low = new Set<number>();
  for (let start = random.integer(0, dip.meanPeriod - 1); start < days; start += dip.meanPeriod + random.integer(-3, 3)) {
    for (let t = start; t < Math.min(days, start + dip.days); t += 1) low.add(t);
  }
  return low;
}

export interface SyntheticClient {
  id: string;
  firstDay: number;
  days: number;
  checkIns: EngineCheckIn[];
  pauses: PauseInput[];
  event: PlantedEvent | null;
  shape: ClientShape;
}

/** 2024-01-01, a Monday. */
export const EPOCH_DAY = 19723;

interface Person {
  level: number;
  spread: number;
  phi: number;
  weekend: number;
  stayLogging: number;
  resumeLogging: number;
}

function person(random: Random): Person {
  return {
    level: random.between(4.5, 7.5),
    // Marginal day-to-day SD and lag-1 autocorrelation in the range reported for daily mood diaries.
    spread: random.between(0.8, 1.5),
    phi: random.between(0.2, 0.6),
    weekend: random.between(0, 0.6),
    stayLogging: random.between(0.8, 0.95),
    resumeLogging: random.between(0.55, 0.8),
  };
}

function levelEffect(event: PlantedEvent | null, t: number): number {
  if (!event || t < event.startIndex) return 0;
  if (event.kind === 'shift') return event.size;
  if (event.kind === 'decline' || event.kind === 'improvement') {
    return event.size * Math.min(1, (t - event.startIndex + 1) / event.durationDays);
  }
  return 0;
}

const DAYLIO_LEVELS: readonly number[] = [...new Set(Object.values(DAYLIO_DEFAULT_MOODS))].sort((a, b) => a - b);

/** The Daylio level whose mapped value is nearest to a felt mood on the 1–10 scale. */
function daylioLevel(felt: number): number {
  let best = DAYLIO_LEVELS[0] as number;
  for (const level of DAYLIO_LEVELS) if (Math.abs(level - felt) < Math.abs(best - felt)) best = level;
  return best;
}

interface CoarseHabits {
  /** Chance that a logged day has a second entry, and a third given a second. */
  second: number;
  third: number;
  /** Spread of entries within one day around the day's mood. */
  withinDay: number;
  /** Chance per day that a run of 3–14 missing days starts. */
  runStart: number;
  mondayDip: number;
}

function coarseHabits(random: Random): CoarseHabits {
  return {
    second: random.between(0.1, 0.35),
    third: random.between(0.1, 0.4),
    withinDay: random.between(0.3, 0.8),
    runStart: random.between(0.005, 0.02),
    mondayDip: random.between(0, 0.5),
  };
}

/**
 * One synthetic person: personal baseline, AR(1) noise, a weekend lift, whole-number answers 1–10,
 * streaky missing days (a two-state chain: a missed day makes the next one likelier to be missed;
 * about 84 % of days logged),
 * one or two declared holidays a year, sleep hours unrelated to mood, at most one planted event and,
 * when `cyclic`, a monthly dip.
 */
export function generateClient(
  seed: number,
  days: number,
  event: PlantedEvent | null,
  shape: ClientShape = 'fine',
  pattern: ClientPattern = 'steady',
): SyntheticClient {
  const random = new Random(seed);
  // The cyclic dip, too, draws from its own stream.
  const cyclicRandom = new Random(seed + 3_333_333);
  const dip = pattern === 'cyclic' ? cyclicDip(cyclicRandom) : null;
  const low = dip ? dipDays(dip, days, cyclicRandom) : new Set<number>();
  const dipDepth = dip?.depth ?? 0;
  // Coarse habits draw from their own stream, so a fine client of a seed stays what it was.
  const coarseRandom = new Random(seed + 7_777_777);
  const habits = coarseHabits(coarseRandom);
  let missingRun = 0;
  const p = person(random);
  if (event?.kind === 'decline' || (event?.kind === 'shift' && event.size < 0)) p.level = Math.max(p.level, 3 - event.size);
  if (event?.kind === 'improvement' || (event?.kind === 'shift' && event.size > 0)) p.level = Math.min(p.level, 8 - event.size);
  const pauses: PauseInput[] = [];
  const paused = new Set<number>();
  const holidays = random.integer(1, 2);
  for (let h = 0; h < holidays; h += 1) {
    const start = random.integer(30, days - 20);
    const length = random.integer(5, 12);
    if (event && start + length >= event.startIndex - 14 && start <= event.startIndex + 60) continue;
    pauses.push({ start: toIsoDate(EPOCH_DAY + start), end: toIsoDate(EPOCH_DAY + start + length - 1) });
    for (let t = start; t < start + length; t += 1) paused.add(t);
  }
  const checkIns: EngineCheckIn[] = [];
  let noise = random.normal() * p.spread;
  let loggedYesterday = true;
  const innovation = Math.sqrt(1 - p.phi * p.phi);
  for (let t = 0; t < days; t += 1) {
    const burst = event?.kind === 'volatility' && t >= event.startIndex ? event.size : 1;
    noise = p.phi * noise + innovation * p.spread * burst * random.normal();
    const weekday = (t + 7) % 7;
    const rhythm = (weekday >= 5 ? p.weekend : 0) - (shape === 'coarse' && weekday === 0 ? habits.mondayDip : 0);
    const felt = p.level + rhythm + levelEffect(event, t) - (low.has(t) ? dipDepth : 0) + noise;
    const mood = Math.min(10, Math.max(1, Math.round(felt)));
    const sleep = Math.round(Math.min(11, Math.max(3.5, 7 + random.normal())) * 2) / 2;
    const stopped = event?.kind === 'disengagement' && t >= event.startIndex;
    let logs: boolean = !paused.has(t) && !stopped && random.chance(loggedYesterday ? p.stayLogging : p.resumeLogging);
    loggedYesterday = logs;
    if (shape === 'coarse') {
      if (missingRun === 0 && coarseRandom.chance(habits.runStart)) missingRun = coarseRandom.integer(3, 14);
      if (missingRun > 0) {
        missingRun -= 1;
        logs = false;
      }
    }
    if (!logs) continue;
    const localDate = toIsoDate(EPOCH_DAY + t);
    if (shape === 'fine') {
      checkIns.push({ localDate, mood, sleepHours: sleep });
      continue;
    }
    const entries = coarseRandom.chance(habits.second) ? (coarseRandom.chance(habits.third) ? 3 : 2) : 1;
    for (let e = 0; e < entries; e += 1) {
      checkIns.push({ localDate, mood: daylioLevel(felt + habits.withinDay * coarseRandom.normal()), sleepHours: e === 0 ? sleep : null });
    }
  }
  return { id: `client-${seed}`, firstDay: EPOCH_DAY, days, checkIns, pauses, event, shape };
}
