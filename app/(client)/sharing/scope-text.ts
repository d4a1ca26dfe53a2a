import type { Scope } from '@/lib/dal/access';

export const scopeText: Record<Scope, { label: string; lower: string; explanation: string }> = {
  checkins: {
    label: 'Check-ins',
    lower: 'check-ins',
    explanation: 'Your daily mood, anxiety, energy, sleep, tags and the short notes you add to a check-in.',
  },
  journal: { label: 'Journal', lower: 'journal', explanation: 'The words you write in your journal.' },
  measures: {
    label: 'Questionnaires',
    lower: 'questionnaires',
    explanation: 'Your PHQ-9 and GAD-7 answers and scores, which track low mood and anxiety over time.',
  },
  companion: {
    label: 'Companion notes',
    lower: 'companion notes',
    explanation:
      'The thought records and "bring to my next session" notes you save with the companion. Not your conversations: a conversation is shared only if you share it yourself.',
  },
};

export const SAFETY_EXCEPTION =
  'One thing is always shared, whatever you choose: if you answer the PHQ-9 question about hurting yourself with anything other than "Not at all", or write words in your journal, a check-in note or to the companion that suggest you may be in danger, your therapist is alerted (while you have none, your clinic is). They see that it happened, your answer and what kind of words they were, but not your words unless you share your journal or check-ins.';
