import { z } from '@/lib/validation/zod';
import { toDay, toIsoDate } from './dates';
import type { EngineCheckIn, EngineInput, MeasureResponseInput, PauseInput } from './types';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected YYYY-MM-DD');
const optionalScore = z.number().nullable().optional();

/**
 * Tandem's own export of one person's history, as read by the analyzer and the importer. Extra
 * fields (ids, tags, notes, time zone) are allowed and ignored here.
 */
export const tandemExportSchema = z.object({
  checkIns: z.array(
    z.looseObject({
      localDate,
      mood: z.number().min(1).max(10),
      anxiety: optionalScore,
      energy: optionalScore,
      sleepHours: optionalScore,
    }),
  ),
  measureResponses: z
    .array(
      z.looseObject({
        instrument: z.enum(['phq9', 'gad7']),
        items: z.array(z.number().int().min(0).max(3)),
        completedAt: localDate,
      }),
    )
    .default([]),
  pauses: z.array(z.looseObject({ start: localDate, end: localDate.nullable() })).default([]),
});

export type TandemExport = z.infer<typeof tandemExportSchema>;

export interface History {
  checkIns: EngineCheckIn[];
  measures: MeasureResponseInput[];
  pauses: PauseInput[];
}

export function historyFromExport(data: unknown): History {
  const parsed = tandemExportSchema.parse(data);
  return {
    checkIns: parsed.checkIns.map((c) => ({
      localDate: c.localDate.slice(0, 10),
      mood: c.mood,
      anxiety: c.anxiety ?? null,
      energy: c.energy ?? null,
      sleepHours: c.sleepHours ?? null,
    })),
    measures: parsed.measureResponses.map((m) => ({ instrument: m.instrument, items: m.items, completedAt: m.completedAt.slice(0, 10) })),
    pauses: parsed.pauses.map((p) => ({ start: p.start.slice(0, 10), end: p.end === null ? null : p.end.slice(0, 10) })),
  };
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

export class HistoryCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryCsvError';
  }
}

const CSV_FIELDS = { anxiety: 'anxiety', energy: 'energy', sleep_hours: 'sleepHours' } as const;

/**
 * A CSV with a header naming `date` and `mood` and optionally `anxiety`, `energy`,
 * `sleep_hours`, in any order; a byte-order mark, CRLF line ends and blank lines are tolerated.
 * Dates may be timestamps (the first ten characters are used). Invalid rows are reported, not skipped.
 */
export function historyFromCsv(text: string): History {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const column = (name: string) => header.indexOf(name);
  if (column('date') < 0 || column('mood') < 0) throw new HistoryCsvError('the header must name the columns date and mood');
  const checkIns: EngineCheckIn[] = [];
  const problems: string[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = splitCsvLine(line);
    const date = (cells[column('date')] ?? '').slice(0, 10);
    const mood = Number(cells[column('mood')]);
    try {
      toDay(date);
    } catch {
      problems.push(`line ${i + 2}: date "${date}" is not YYYY-MM-DD`);
      return;
    }
    if (!Number.isFinite(mood) || mood < 1 || mood > 10) {
      problems.push(`line ${i + 2}: mood must be a number from 1 to 10`);
      return;
    }
    const checkIn: EngineCheckIn = { localDate: date, mood };
    for (const [name, field] of Object.entries(CSV_FIELDS)) {
      const raw = column(name) >= 0 ? cells[column(name)] : undefined;
      if (raw !== undefined && raw !== '' && Number.isFinite(Number(raw))) checkIn[field] = Number(raw);
    }
    checkIns.push(checkIn);
  });
  if (problems.length > 0) throw new HistoryCsvError(problems.slice(0, 10).join('\n'));
  return { checkIns, measures: [], pauses: [] };
}

/** The last date the history mentions: the default as-of date for an analysis. */
export function lastDate(history: History): string | null {
  const days = [...history.checkIns.map((c) => toDay(c.localDate)), ...history.measures.map((m) => toDay(m.completedAt))];
  return days.length === 0 ? null : toIsoDate(days.reduce((a, b) => Math.max(a, b)));
}

export function engineInputFromHistory(history: History, asOf: string): EngineInput {
  return { asOf, checkIns: history.checkIns, measures: history.measures, pauses: history.pauses };
}
