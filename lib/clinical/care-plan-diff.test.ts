import { describe, expect, it } from 'vitest';
import { diffCarePlans, type PlanContent } from './care-plan-diff';

const empty: PlanContent = { problems: [], goals: [], interventions: [], reviewDate: '' };

describe('care plan diff', () => {
  it('names what was added, changed and removed, and the review date', () => {
    const v1: PlanContent = {
      ...empty,
      problems: [{ id: 'p1', text: 'Low mood' }],
      interventions: [{ id: 'i1', text: 'Behavioural activation' }],
    };
    const v2: PlanContent = {
      problems: [{ id: 'p1', text: 'Low mood on weekdays' }],
      goals: [{ id: 'g1', text: 'Walk three times a week', measure: 'activity log', targetDate: '2027-01-31' }],
      interventions: [],
      reviewDate: '2027-02-01',
    };
    expect(diffCarePlans(v1, v2)).toEqual([
      'Changed problem “Low mood” to “Low mood on weekdays”',
      'Added goal “Walk three times a week”, measured by “activity log”, by 2027-01-31',
      'Removed intervention “Behavioural activation”',
      'Set the next review to 2027-02-01',
    ]);
  });

  it('treats the first version as all added, and says when only evidence changed', () => {
    expect(diffCarePlans(null, { ...empty, problems: [{ id: 'p1', text: 'Sleep' }] })).toEqual(['Added problem “Sleep”']);
    const a = { ...empty, problems: [{ id: 'p1', text: 'Sleep', evidence: [] }] };
    const b = { ...empty, problems: [{ id: 'p1', text: 'Sleep', evidence: [{ insightId: 'x' }] }] };
    expect(diffCarePlans(a, b)).toEqual(['Changed the evidence cited for problem “Sleep”']);
    expect(diffCarePlans(a, a)).toEqual(['No changes to the content']);
  });
});
