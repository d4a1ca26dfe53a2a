// What Tandem says when it reaches out: gentle, varied, never guilt ("You missed…"), never
// clinical words, and for staff never any content about the client (docs/design.md §9).
//
// The reminder for a small thing planned with the companion never names the thing: a push
// payload passes through the browser maker's push service and shows on a lock screen, an email
// sits with a mail provider and may be read over a shoulder, and the in-app banner appears on
// whatever page is open. So every channel says only that there is a plan; the plan itself is
// shown inside Tandem, behind sign-in, where the link leads (the companion page).

export type ClientNotificationKind = 'checkin' | 'measure' | 'nudge' | 'activation';
export type StaffNotificationKind = 'alert_new' | 'alert_overdue';

const CLIENT_WORDS: Record<ClientNotificationKind, readonly { title: string; body: string }[]> = {
  checkin: [
    { title: 'How are you doing today?', body: 'A moment to check in, whenever suits you.' },
    { title: 'A quick check-in?', body: 'How has today been? It takes less than a minute.' },
    { title: 'Hello from Tandem', body: 'How are you feeling right now?' },
    { title: 'Time for a pause', body: 'How is your day going? Tap to note it down.' },
  ],
  measure: [
    {
      title: 'A short questionnaire is ready',
      body: 'When you have a few minutes, it helps you and your therapist see how things are going.',
    },
    { title: 'Your regular questionnaire', body: 'A few questions about the last two weeks, whenever you are ready.' },
  ],
  nudge: [
    { title: 'A moment for yourself?', body: 'A few slow breaths can help. Tap for a short breathing exercise.' },
    { title: 'Be gentle with yourself today', body: 'How about a few calm breaths, or a short walk outside?' },
  ],
  activation: [
    {
      title: 'A small thing you planned',
      body: 'A small thing you planned with Tandem’s companion. Tap to see it; doing part of it still counts.',
    },
    { title: 'Your small plan for today', body: 'A small thing you planned with Tandem’s companion, whenever it suits you.' },
  ],
};

export const CLIENT_LINKS: Record<ClientNotificationKind, string> = {
  checkin: '/check-in',
  measure: '/measures',
  nudge: '/support/breathing',
  activation: '/companion',
};

/** One of the kind's wordings, chosen by a stable seed (the notification id), so a retry says the same. */
export function clientMessage(kind: ClientNotificationKind, seed: string): { title: string; body: string; path: string } {
  const options = CLIENT_WORDS[kind];
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const words = options[hash % options.length] ?? options[0]!;
  return { ...words, path: CLIENT_LINKS[kind] };
}

/** The staff email for an urgent alert: no name, no answer, no words of the client's. */
export function staffAlertEmail(kind: StaffNotificationKind, signInUrl: string): { subject: string; text: string } {
  const subject = kind === 'alert_new' ? 'A client of yours needs attention today' : 'A client alert is still waiting for someone';
  const opening =
    kind === 'alert_new'
      ? 'A client of yours needs attention today. Please sign in to Tandem to see who and why.'
      : 'An urgent alert has not been acknowledged within your clinic’s escalation time. Please sign in to Tandem to see it and record what was done.';
  return { subject, text: [opening, '', signInUrl, '', 'This email holds no details on purpose: they stay in Tandem.'].join('\n') };
}

/** The reminder email: the same gentle words, a link back in, and how to stop these emails. */
export function clientReminderEmail(
  kind: ClientNotificationKind,
  seed: string,
  link: string,
  settingsUrl: string,
): { subject: string; text: string } {
  const message = clientMessage(kind, seed);
  return {
    subject: message.title,
    text: [message.body, '', link, '', `You chose to get these reminders by email. To change that: ${settingsUrl}`].join('\n'),
  };
}
