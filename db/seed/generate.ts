import { addDays } from '@/lib/dates';
import type * as schema from '../schema';
import { createRandom, type Random } from './random';
import { item9Client, reassignment, type ClientPersona, type ClinicPersonas, type Pattern } from './personas';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export type DemoRows = {
  clinics: Insert<typeof schema.clinics>[];
  users: (Omit<Insert<typeof schema.users>, 'passwordHash'> & { id: string })[];
  memberships: Insert<typeof schema.memberships>[];
  assignments: Insert<typeof schema.assignments>[];
  consentGrants: Insert<typeof schema.consentGrants>[];
  checkIns: Insert<typeof schema.checkIns>[];
  measureResponses: (Insert<typeof schema.measureResponses> & { id: string })[];
  measureSchedules: Insert<typeof schema.measureSchedules>[];
  pauses: Insert<typeof schema.pauses>[];
  alerts: Insert<typeof schema.alerts>[];
};

const goodDayTags = ['exercise', 'friends', 'outdoors', 'family', 'calm', 'hopeful', 'good sleep'];
const hardDayTags = ['work stress', 'tired', 'alone', 'anxious', 'poor sleep', 'sad', 'conflict'];
const neutralTags = ['work', 'reading', 'cooking', 'music', 'chores'];
const notes = [
  'Long day, but I got through it.',
  'Walked by the river after work.',
  'Hard to get out of bed this morning.',
  'Saw an old friend for coffee.',
  'Felt on edge most of the afternoon.',
  'Slept badly again.',
  'Quiet day at home.',
];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const at = (date: string, hourUtc: number) => new Date(`${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`);

type PatternShape = {
  baseline: number;
  sd: number;
  phi: number;
  missRate: number;
  offset: (daysAgo: number) => number;
  sdAt: (daysAgo: number) => number;
  stopsAt: number;
  /** The longest run of missed days before `stopsAt`; the last day before it is always logged. */
  maxGapDays: number;
};

function shapeFor(pattern: Pattern, rng: Random): PatternShape {
  const baseline = rng.between(5.6, 7.2);
  const plain = {
    baseline,
    sd: rng.between(0.7, 1.0),
    phi: 0.5,
    missRate: rng.between(0.06, 0.18),
    offset: () => 0,
    stopsAt: -1,
    maxGapDays: Infinity,
  };
  switch (pattern) {
    case 'decline':
      return { ...plain, missRate: 0.08, offset: (d) => (d < 35 ? (-2.8 * (35 - d)) / 35 : 0), sdAt: () => plain.sd };
    case 'shift':
      return { ...plain, missRate: 0.08, offset: (d) => (d < 21 ? -2.6 : 0), sdAt: () => plain.sd };
    case 'improvement':
      return { ...plain, baseline: rng.between(3.6, 4.2), offset: (d) => 3 * clamp((90 - d) / 90, 0, 1), sdAt: () => plain.sd };
    case 'disengaged':
      // Short gaps before the stop, whatever the day: the stop must stay unusual for this person
      // (unusualSilenceDays in lib/insights/definitions.ts) on the day the demo shows it.
      return { ...plain, stopsAt: 12, maxGapDays: 3, sdAt: () => plain.sd };
    case 'volatile':
      return { ...plain, missRate: 0.08, sdAt: (d) => (d < 30 ? 2.4 : 0.7) };
    case 'stable':
      return { ...plain, sd: 0.5, phi: 0.3, missRate: 0.05, sdAt: () => 0.5 };
    case 'ordinary':
      return { ...plain, sdAt: () => plain.sd };
  }
}

type Day = { date: string; daysAgo: number; mood: number; anxiety: number; logged: boolean };

function simulateDays(persona: ClientPersona, rng: Random, today: string, length: number): Day[] {
  const shape = shapeFor(persona.pattern, rng);
  const weekly = Array.from({ length: 7 }, (_, dow) => (dow === 0 || dow === 6 ? 0.4 : 0) + rng.normal() * 0.15);
  const days: Day[] = [];
  let noise = 0;
  let missedYesterday = false;
  let gap = 0;
  for (let daysAgo = length - 1; daysAgo >= 0; daysAgo--) {
    const date = addDays(today, -daysAgo);
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    noise = shape.phi * noise + rng.normal() * shape.sdAt(daysAgo) * Math.sqrt(1 - shape.phi ** 2);
    const level = shape.baseline + (weekly[dow] ?? 0) + shape.offset(daysAgo) + noise;
    const mood = clamp(Math.round(level), 1, 10);
    const anxiety = clamp(Math.round(11 - level + rng.normal() * 1.1), 1, 10);
    // Missed days come in runs, as they do in real logs.
    const stopped = daysAgo < shape.stopsAt;
    const skipped: boolean =
      !stopped && rng.chance(missedYesterday ? 0.45 : shape.missRate) && gap < shape.maxGapDays && daysAgo !== shape.stopsAt;
    const missed: boolean = stopped || skipped || (daysAgo === 0 && persona.notYetToday === true);
    gap = missed ? gap + 1 : 0;
    missedYesterday = missed;
    days.push({ date, daysAgo, mood, anxiety, logged: !missed });
  }
  return days;
}

/** Spreads a total over item answers of 0-3, as evenly as chance allows. */
function spreadTotal(total: number, items: number, rng: Random): number[] {
  const answers = Array.from({ length: items }, () => 0);
  let remaining = clamp(total, 0, items * 3);
  while (remaining > 0) {
    const i = rng.int(0, items - 1);
    if ((answers[i] ?? 3) < 3) {
      answers[i] = (answers[i] ?? 0) + 1;
      remaining--;
    }
  }
  return answers;
}

function mean(values: number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export function generateClinic(personas: ClinicPersonas, today: string, seed: number): DemoRows {
  const rng = createRandom(seed);
  const clinicId = rng.uuid();
  const rows: DemoRows = {
    clinics: [{ id: clinicId, name: personas.name, timeZone: personas.timeZone }],
    users: [],
    memberships: [],
    assignments: [],
    consentGrants: [],
    checkIns: [],
    measureResponses: [],
    measureSchedules: [],
    pauses: [],
    alerts: [],
  };
  const idByEmail = new Map<string, string>();
  const addUser = (
    email: string,
    name: string,
    role: 'admin' | 'therapist' | 'client',
    timeZone: string,
    capacity?: number,
    phone?: string,
  ) => {
    const id = rng.uuid();
    idByEmail.set(email, id);
    rows.users.push({ id, email, name, timeZone, phone: phone ?? null });
    rows.memberships.push({ userId: id, clinicId, role, caseloadCapacity: capacity });
    return id;
  };
  for (const a of personas.admins) addUser(a.email, a.name, 'admin', personas.timeZone);
  for (const t of personas.therapists) addUser(t.email, t.name, 'therapist', personas.timeZone, t.capacity);

  for (const persona of personas.clients) {
    const timeZone = persona.timeZone ?? personas.timeZone;
    const clientId = addUser(persona.email, persona.name, 'client', timeZone, undefined, persona.phone);
    const length = rng.int(183, 365);
    const start = addDays(today, -(length - 1));
    const days = simulateDays(persona, rng, today, length);

    for (const day of days.filter((d) => d.logged)) {
      const tagPool = day.mood >= 7 ? goodDayTags : day.mood <= 4 ? hardDayTags : neutralTags;
      const tags = [...new Set([rng.pick(tagPool), ...(rng.chance(0.5) ? [rng.pick(neutralTags)] : [])])];
      rows.checkIns.push({
        clinicId,
        clientId,
        localDate: day.date,
        timeZone,
        recordedAt: at(day.date, 20),
        mood: day.mood,
        anxiety: rng.chance(0.85) ? day.anxiety : null,
        energy: rng.chance(0.8) ? clamp(Math.round(day.mood + rng.normal()), 1, 10) : null,
        sleepHours: rng.chance(0.8) ? Math.round(clamp(7 + 0.35 * (day.mood - 6) + rng.normal() * 0.8, 3, 11) * 10) / 10 : null,
        tags,
        note: rng.chance(0.15) ? rng.pick(notes) : null,
      });
    }

    // PHQ-9 and GAD-7 every two weeks, in step with the fortnight's mood and anxiety.
    const stoppedAt = persona.pattern === 'disengaged' ? 12 : 0;
    // Someone whose days barely change also answers the questionnaires consistently.
    const answerNoise = persona.pattern === 'stable' ? 0.75 : 1.5;
    for (let daysAgo = length - 1 - rng.int(0, 6); daysAgo >= stoppedAt; daysAgo -= 14) {
      const fortnight = days.filter((d) => d.logged && d.daysAgo >= daysAgo && d.daysAgo < daysAgo + 14);
      if (fortnight.length < 4) continue;
      const date = addDays(today, -daysAgo);
      const phqTotal = clamp(Math.round((7.2 - mean(fortnight.map((d) => d.mood))) * 3.3 + 5 + rng.normal() * answerNoise), 0, 24);
      const gadTotal = clamp(Math.round((mean(fortnight.map((d) => d.anxiety)) - 2.5) * 2.1 + rng.normal() * answerNoise), 0, 21);
      rows.measureResponses.push({
        id: rng.uuid(),
        clinicId,
        clientId,
        instrument: 'phq9',
        items: [...spreadTotal(phqTotal, 8, rng), 0],
        difficulty: phqTotal < 5 ? 0 : phqTotal < 10 ? 1 : phqTotal < 20 ? 2 : 3,
        completedAt: at(date, 19),
        localDate: date,
      });
      rows.measureResponses.push({
        id: rng.uuid(),
        clinicId,
        clientId,
        instrument: 'gad7',
        items: spreadTotal(gadTotal, 7, rng),
        difficulty: gadTotal < 5 ? 0 : gadTotal < 10 ? 1 : 2,
        completedAt: at(date, 19),
        localDate: date,
      });
    }

    if (persona.email === item9Client) {
      const date = addDays(today, -2);
      // The item-9 answer is the latest questionnaire: the fortnightly one due after it is not taken yet.
      rows.measureResponses = rows.measureResponses.filter((r) => r.clientId !== clientId || String(r.localDate) <= date);
      const id = rng.uuid();
      rows.measureResponses.push({
        id,
        clinicId,
        clientId,
        instrument: 'phq9',
        items: [2, 2, 2, 1, 2, 1, 2, 1, 1],
        difficulty: 2,
        completedAt: at(date, 19),
        localDate: date,
      });
      const therapistId = persona.therapist ? idByEmail.get(persona.therapist) : undefined;
      rows.alerts.push({
        clinicId,
        clientId,
        therapistId,
        kind: 'item9',
        source: 'measure',
        sourceId: id,
        answer: 1,
        createdAt: at(date, 19),
      });
    }

    if (persona.pattern === 'ordinary' && rng.chance(0.3)) {
      const startsOn = addDays(today, -rng.int(40, 120));
      rows.pauses.push({ clinicId, clientId, startsOn, endsOn: addDays(startsOn, rng.int(4, 10)) });
    }

    const therapistId = persona.therapist ? idByEmail.get(persona.therapist) : undefined;
    if (!therapistId) continue;
    const startedAt = at(start, 9);
    // Consent does not carry over a reassignment: the client shared anew after moving.
    let grantedAt = at(addDays(start, 1), 10);
    if (persona.email === reassignment.client) {
      const formerId = idByEmail.get(reassignment.from);
      const moved = addDays(today, -60);
      if (formerId) rows.assignments.push({ clinicId, clientId, therapistId: formerId, startedAt, endedAt: at(moved, 9) });
      rows.assignments.push({ clinicId, clientId, therapistId, startedAt: at(moved, 9) });
      grantedAt = at(addDays(moved, 1), 10);
    } else {
      rows.assignments.push({ clinicId, clientId, therapistId, startedAt });
    }
    for (const instrument of ['phq9', 'gad7'] as const) {
      rows.measureSchedules.push({ clinicId, clientId, instrument, cadenceDays: 14, setBy: therapistId });
    }

    const grant = (scope: 'checkins' | 'journal' | 'measures', extra: { expiresAt?: Date; revokedAt?: Date } = {}) =>
      rows.consentGrants.push({ clinicId, clientId, therapistId, scope, grantedAt, ...extra });
    switch (persona.consent) {
      case 'all':
        (['checkins', 'journal', 'measures'] as const).forEach((s) => grant(s));
        break;
      case 'some':
        grant('checkins');
        grant('measures');
        break;
      case 'revoked':
        grant('checkins', { revokedAt: at(addDays(today, -10), 8) });
        grant('measures');
        break;
      case 'expired':
        (['checkins', 'journal', 'measures'] as const).forEach((s) => grant(s, { expiresAt: at(addDays(today, -5), 0) }));
        break;
      case 'none':
        break;
    }
  }
  return rows;
}
