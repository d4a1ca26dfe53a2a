// What changed between two versions of a care plan, in words a colleague reads at a glance.

export type PlanItem = { id: string; text: string; measure?: string; targetDate?: string; evidence?: readonly unknown[] };
export type PlanContent = {
  problems: readonly PlanItem[];
  goals: readonly PlanItem[];
  interventions: readonly PlanItem[];
  reviewDate: string;
};

const sections = [
  ['problems', 'problem'],
  ['goals', 'goal'],
  ['interventions', 'intervention'],
] as const;

function describe(item: PlanItem): string {
  const parts = [`“${item.text}”`];
  if (item.measure) parts.push(`measured by “${item.measure}”`);
  if (item.targetDate) parts.push(`by ${item.targetDate}`);
  return parts.join(', ');
}

export function diffCarePlans(before: PlanContent | null, after: PlanContent): string[] {
  const changes: string[] = [];
  for (const [key, noun] of sections) {
    const old = new Map((before?.[key] ?? []).map((i) => [i.id, i]));
    const now = new Map(after[key].map((i) => [i.id, i]));
    for (const item of after[key]) {
      const prior = old.get(item.id);
      if (!prior) changes.push(`Added ${noun} ${describe(item)}`);
      else if (describe(prior) !== describe(item)) changes.push(`Changed ${noun} ${describe(prior)} to ${describe(item)}`);
      else if ((prior.evidence?.length ?? 0) !== (item.evidence?.length ?? 0))
        changes.push(`Changed the evidence cited for ${noun} ${describe(item)}`);
    }
    for (const item of before?.[key] ?? []) if (!now.has(item.id)) changes.push(`Removed ${noun} ${describe(item)}`);
  }
  const oldReview = before?.reviewDate ?? '';
  if (oldReview !== after.reviewDate) {
    changes.push(after.reviewDate ? `Set the next review to ${after.reviewDate}` : 'Removed the next review date');
  }
  return changes.length > 0 ? changes : ['No changes to the content'];
}
