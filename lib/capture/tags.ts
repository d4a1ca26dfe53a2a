// The tags every client starts with: a few emotions and activities, short enough to scan on a
// phone. Clients add their own (stored in custom_tags).
export const DEFAULT_EMOTION_TAGS = ['calm', 'hopeful', 'grateful', 'anxious', 'sad', 'angry', 'lonely', 'tired', 'stressed'] as const;
export const DEFAULT_ACTIVITY_TAGS = [
  'exercise',
  'outdoors',
  'friends',
  'family',
  'work',
  'reading',
  'music',
  'cooking',
  'good sleep',
  'poor sleep',
] as const;

const defaults = new Set<string>([...DEFAULT_EMOTION_TAGS, ...DEFAULT_ACTIVITY_TAGS]);

/** Tags that are not in the default list: the client's own, to remember for next time. */
export function ownTags(tags: readonly string[]): string[] {
  return tags.filter((t) => !defaults.has(t.toLowerCase()));
}
