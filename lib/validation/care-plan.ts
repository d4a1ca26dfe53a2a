import { z } from '@/lib/validation/zod';
import { planDay } from './calendar-day';
const itemId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'This item could not be saved; reload the page.');

/** Evidence a plan item cites: a stored signal or one questionnaire administration. */
export const evidenceRefSchema = z.union([z.object({ insightId: z.uuid() }), z.object({ measureResponseId: z.uuid() })]);

const text = (what: string, max: number) =>
  z.string().trim().min(1, `Describe the ${what}.`).max(max, `Keep the ${what} to ${max} characters.`);

export const problemSchema = z.object({
  id: itemId,
  text: text('problem', 500),
  evidence: z.array(evidenceRefSchema).max(20).default([]),
});

export const goalSchema = z.object({
  id: itemId,
  text: text('goal', 500),
  measure: text('way this goal is measured', 300),
  targetDate: planDay('Give the goal a target date.'),
  evidence: z.array(evidenceRefSchema).max(20).default([]),
});

export const interventionSchema = z.object({ id: itemId, text: text('intervention', 500) });

export const carePlanContentSchema = z.object({
  problems: z.array(problemSchema).max(30, 'A plan holds at most 30 problems.'),
  goals: z.array(goalSchema).max(30, 'A plan holds at most 30 goals.'),
  interventions: z.array(interventionSchema).max(30, 'A plan holds at most 30 interventions.'),
  reviewDate: z.union([z.literal(''), planDay('Give the review date as a date.')]),
});

export const carePlanSaveSchema = z.object({
  clientId: z.uuid(),
  /** The version the therapist started from: saving on top of a newer one is refused. */
  baseVersion: z.coerce.number().int().min(0),
  content: carePlanContentSchema,
});

export type EvidenceRef = z.infer<typeof evidenceRefSchema>;
export type CarePlanContent = z.infer<typeof carePlanContentSchema>;
export type CarePlanSaveInput = z.input<typeof carePlanSaveSchema>;

export const emptyCarePlan: CarePlanContent = { problems: [], goals: [], interventions: [], reviewDate: '' };

const PLAN_UNREADABLE = 'The plan could not be read. Reload the page and try again.';

/** The editor's form: the whole plan travels as one JSON field beside the client and the version. */
export const carePlanFormSchema = carePlanSaveSchema.extend({
  content: z
    .string(PLAN_UNREADABLE)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: PLAN_UNREADABLE });
        return z.NEVER;
      }
    })
    .pipe(carePlanContentSchema),
});

/**
 * Per-field messages of the editor's form keyed by the path inside the plan ("goals.1.targetDate"),
 * as the editor names its fields; a plan that cannot be read at all is keyed `content`.
 */
export function carePlanFieldErrors(error: z.ZodError): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const [first, ...rest] = issue.path.map(String);
    const key = (first === 'content' && rest.length > 0 ? rest.join('.') : first) || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}
