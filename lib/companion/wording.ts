// Everything the companion says, written and reviewed as text. Each line has a few wordings so a
// conversation does not sound canned; which one is used is chosen from the turn and the message,
// so the same conversation always gets the same replies (replay and tests depend on it).
// Rules for every line (docs/design.md §10): warm and brief; names the feeling, never argues with it;
// never diagnoses, never advises on medication, promises nothing.

import type { Feeling } from './understand';

export type Lines = readonly string[];

/** A stable choice among wordings: FNV-1a over the seed text. */
export function pick(lines: Lines, seed: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return lines[hash % lines.length] as string;
}

export const INTRO =
  "Hi, I'm Tandem's companion: an automated program, not a person and not your therapist. I'm here to help you put things into words between sessions.";

export const OPENING: Lines = [
  "What's on your mind right now?",
  'How are you doing, right at this moment?',
  'What would you like to talk through?',
];

export const OPENING_AFTER_DIP: Lines = [
  'Your last few days looked harder than your usual. What has been going on?',
  'It looks like the last few days have been heavier than usual. How are you doing right now?',
];

export const MENU =
  'I can listen, take you through a grounding exercise or some slow breathing, help you write a difficult thought down step by step, find one small thing to do today, or keep a note for your next session.';

export const REFLECTIONS: Record<Feeling | 'unnamed', { name: Lines; ask: Lines }> = {
  anxious: {
    name: [
      'It sounds like worry has a real grip on you right now.',
      'That sounds anxious and unsettling.',
      'It sounds like your mind is racing ahead of you.',
    ],
    ask: [
      'What feels most pressing about it?',
      'What is the worry telling you might happen?',
      'Where do you notice it most: in your thoughts or in your body?',
    ],
  },
  low: {
    name: ['That sounds really heavy.', 'It sounds like today has been a hard one.', 'It sounds like you are feeling low.'],
    ask: ['What has been weighing on you most?', 'What has today been like?', 'When did you notice it getting heavier?'],
  },
  angry: {
    name: ['It sounds like you are really angry about this.', 'That sounds infuriating.', 'It sounds like something felt unfair.'],
    ask: ['What about it got to you most?', 'What would you have wanted to happen?', 'What is the anger telling you matters here?'],
  },
  lonely: {
    name: ['It sounds lonely.', 'That sounds isolating.', 'It sounds like you are missing connection right now.'],
    ask: ['Who, if anyone, has felt close lately?', 'When do you feel it most?', 'What kind of company would you want right now?'],
  },
  overwhelmed: {
    name: [
      'It sounds like there is too much landing on you at once.',
      'That sounds overwhelming.',
      'It sounds like the pressure is piling up.',
    ],
    ask: [
      'Which part feels biggest right now?',
      'If you could put one thing down for today, what would it be?',
      'What is taking most of your energy?',
    ],
  },
  tired: {
    name: ['It sounds like you are running on empty.', 'That sounds exhausting.', 'It sounds like you are worn out.'],
    ask: ['What has been draining you?', 'How have you been sleeping?', 'What would rest look like today?'],
  },
  ashamed: {
    name: [
      'It sounds like you are being hard on yourself.',
      'That sounds painful to carry.',
      'It sounds like you feel you let yourself down.',
    ],
    ask: ['What happened?', 'What would you say to a friend who told you this?', 'What is the harshest thing your mind is saying?'],
  },
  hurt: {
    name: ['That sounds hurtful.', 'It sounds like that really stung.', 'It sounds like you felt let down.'],
    ask: ['What hurt most about it?', 'How have you been since it happened?', 'What did you need in that moment?'],
  },
  empty: {
    name: [
      'It sounds like things feel flat and empty.',
      'That sounds numb and hard to describe.',
      'It sounds like it is hard to feel much right now.',
    ],
    ask: ['How long has it felt like this?', 'Is there anything, even small, that still reaches you?', 'What is a day like at the moment?'],
  },
  better: {
    name: ["I'm glad there is some ease in that.", 'That sounds a bit lighter.', "It's good to hear something shifted."],
    ask: ['What helped, do you think?', 'What made the difference?', 'What would you like to hold on to from that?'],
  },
  unnamed: {
    name: ['Thank you for putting that into words.', 'I hear you.', 'That sounds like a lot to carry.'],
    ask: ['What has been the hardest part?', 'Can you tell me a bit more?', 'How has it been sitting with you?'],
  },
};

export const SUGGEST = {
  grounding: 'Would a short grounding exercise help? It takes a couple of minutes.',
  breathing: 'Would a minute of slow breathing help?',
  thought_record: 'Would it help to write the thought down step by step and look at it together?',
  activation: 'Would it help to find one small thing you could do today?',
  session_note: 'Would you like to keep a note of this for your next session?',
} as const;

export const CRISIS: Lines = [
  "Thank you for telling me. That sounds really serious, and you deserve a person's help with it, not only mine. I've let your care team know you may need support. If you might act on these thoughts, please use the contacts below now.",
  "I'm really glad you said this. I'm only a program, so I've let your care team know you may need support. If you are in danger now, please use the contacts below straight away.",
];
export const CRISIS_HOLD: Lines = [
  "I'm keeping the crisis contacts here for you. Your care team knows you may need support. When you want to carry on talking, just tell me.",
  'The contacts below are there whenever you need them, and your care team has been told. Say so when you would like to carry on.',
];
export const CRISIS_RESUME =
  "Thank you for letting me know. We can carry on, and the contacts stay one tap away under 'Get help now'. What would help right now?";

export const FENCE = {
  diagnosis:
    "I can't diagnose anything, and I won't guess at labels: that is something to talk through with your therapist or doctor. I can listen, or take you through a short exercise.",
  medication:
    "I can't help with questions about medication or doses. Please ask your doctor, your pharmacist or whoever prescribes it; your therapist can help you think about what to ask.",
  human:
    "I'm Tandem's companion: an automated program, not a person and not your therapist. Your therapist does not see this conversation unless you share it. If your words suggest you may be in danger, your care team is told that, not your words.",
  advice: "I can't tell you what to do, but we could look at it together. Would it help to write the thought down step by step?",
} as const;

export const GOODBYE: Lines = [
  'Thank you for talking. Take care of yourself, and come back whenever you like.',
  "Okay. I'm here whenever you want to talk again. Be gentle with yourself.",
];

export const GROUNDING_STEPS: Lines = [
  "Let's ground ourselves in the room. Look around and name five things you can see. Type them, or just notice them and tell me when you're done.",
  'Now four things you can feel: your feet on the floor, the chair, your clothes, the air.',
  'Three things you can hear, near or far.',
  'Two things you can smell, or two smells you like.',
  'And one thing you can taste, or one slow breath.',
  'Well done. How do you feel now, compared with a few minutes ago?',
];

export const BODY_SCAN_STEPS: Lines = [
  "Let's do a short body scan. Sit comfortably and notice your feet and legs. Let them be heavy. Tell me when you're ready to move on.",
  'Now your back and shoulders. If they are raised, let them drop a little on the out-breath.',
  'Now your jaw, your forehead and around your eyes. Let them soften.',
  'Good. Take one slower breath. How does your body feel now?',
];

export const BREATHING: Lines = [
  "Here's the 1-minute breathing exercise: breathe in as the circle grows and out as it shrinks. Tell me how you feel when you're done.",
  "Let's slow the breath down together with the exercise below. Come back and tell me how you feel afterwards.",
];

export const THOUGHT_RECORD = {
  start: "Let's write it down step by step. First, the situation: what happened, where and when? Just the facts, briefly.",
  thought: 'What went through your mind? Write the thought as it came, in your own words.',
  feeling: 'What did you feel, and how strong was it, from 0 to 100?',
  intensityAgain: 'And how strong was that feeling, from 0 to 100? A rough guess is fine.',
  evidenceFor: 'What makes that thought feel true?',
  evidenceAgainst: "What doesn't quite fit with it? Anything that points the other way, however small.",
  balanced: 'Putting both sides together, is there a more balanced way to say it? It does not have to be positive, just fair.',
  after: 'Reading that back, how strong is the feeling now, from 0 to 100?',
  saved: 'Saved as a thought record. Thank you for sticking with it: that takes effort.',
} as const;

export const ACTIVATION = {
  fromHistory: (tags: string[]) =>
    `Looking at your check-ins, on your better days you often logged: ${tags.join(', ')}. Could a small piece of one of those fit into today? Pick one, or tell me something else small.`,
  noHistory:
    "Your check-ins don't show yet which things go with your better days. Small things can still help: a 10-minute walk, a shower, messaging one person, some fresh air. Which could you do today?",
  when: (choice: string) =>
    `${choice.charAt(0).toUpperCase()}${choice.slice(1)} sounds doable. When today could you do it? A rough time is enough.`,
  done: (choice: string, when: string) =>
    `Good: ${choice}, ${when}. Keep it small; doing part of it still counts. If a reminder would help, choose later today or tomorrow and a time just below. Nothing is sent unless you set it.`,
  reminderHow:
    'Choose later today or tomorrow and a time just below, then press "Remind me". The reminder only says it is a small thing you planned here, not what it is.',
  noReminder: "That's fine, no reminder. Come back and tell me how it went if you like.",
} as const;

export const SESSION_NOTE = {
  start: 'What would you like to bring to your next session? A sentence or two is enough.',
  saved: 'Saved to your notes for your next session. It stays private unless you choose to share companion notes with your therapist.',
} as const;
