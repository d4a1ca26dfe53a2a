import { describe, expect, it } from 'vitest';
import { addDays, localDateIn } from '@/lib/dates';
import { carePlanFieldErrors, carePlanFormSchema, emptyCarePlan } from './care-plan';

const clientId = '00000000-0000-4000-8000-000000000001';
const errorsOf = (content: string) => {
  const parsed = carePlanFormSchema.safeParse({ clientId, baseVersion: '3', content });
  return parsed.success ? undefined : carePlanFieldErrors(parsed.error);
};

describe('the care plan editor’s form', () => {
  it('reads the plan from its JSON field and the version as a number', () => {
    expect(carePlanFormSchema.parse({ clientId, baseVersion: '3', content: JSON.stringify(emptyCarePlan) })).toEqual({
      clientId,
      baseVersion: 3,
      content: emptyCarePlan,
    });
  });

  it('says so when the plan cannot be read at all', () => {
    expect(errorsOf('{"problems": [')).toEqual({ content: 'The plan could not be read. Reload the page and try again.' });
  });

  it('keys each item’s message by its place in the plan, as the editor names its fields', () => {
    const goal = { id: 'g-1', text: 'Sleep by midnight', measure: '', targetDate: addDays(localDateIn('UTC'), 30), evidence: [] };
    expect(errorsOf(JSON.stringify({ ...emptyCarePlan, goals: [goal] }))).toEqual({
      'goals.0.measure': 'Describe the way this goal is measured.',
    });
  });
});
