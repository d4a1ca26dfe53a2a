// Typed error codes, mapped in one place to an HTTP status and a message safe to show a person.
// Database and other unexpected errors are logged and shown as `internal`, never passed through.

const messages = {
  'bad_request:input': [400, 'Some of the information given is not valid.'],
  'unauthorized:session': [401, 'Please sign in to continue.'],
  'forbidden:role': [403, 'You do not have access to this.'],
  'not_found:client': [404, 'We could not find that client.'],
  'not_found:page': [404, 'We could not find that page.'],
  'not_found:person': [404, 'We could not find that person.'],
  'not_found:invitation': [404, 'We could not find that invitation.'],
  'conflict:last_admin': [409, 'The clinic needs at least one active admin. Invite or reactivate another admin first.'],
  'conflict:therapist_has_clients': [
    409,
    'This therapist still has active clients. Reassign them, or confirm that they will have no therapist, before deactivating.',
  ],
  'conflict:caseload_changed': [
    409,
    'This therapist’s clients changed since the page was opened. Check the list again and choose for each client.',
  ],
  'conflict:email_taken': [409, 'Someone with that email already has an account or a pending invitation.'],
  'not_found:check_in': [404, 'We could not find that check-in.'],
  'not_found:alert': [404, 'We could not find that alert.'],
  'conflict:alert_acknowledged': [409, 'This alert has already been acknowledged.'],
  'not_found:journal': [404, 'We could not find that journal entry.'],
  'not_found:insight': [404, 'We could not find that signal.'],
  'conflict:care_plan_version': [
    409,
    'Someone saved a newer version of this care plan while you were editing. Your changes are still here: reload the plan in another tab to see the newer version, then save again.',
  ],
  'not_found:note': [404, 'We could not find that note.'],
  'not_found:companion': [404, 'We could not find that conversation.'],
  'not_found:reminder': [404, 'We could not find that reminder.'],
  'conflict:reminder_planned': [409, 'You already set a reminder for this plan. You can see or cancel it in Settings.'],
  'conflict:reminder_sent': [409, 'This reminder is already due or has gone out, so it can no longer be cancelled.'],
  'conflict:companion_turn': [
    409,
    'This conversation moved on in another window. Reload it to see the latest messages; your message was not sent.',
  ],
  'conflict:note_signed': [409, 'This note is signed and can no longer be changed. Add an addendum instead.'],
  'conflict:note_stale': [
    409,
    'This note was changed elsewhere since you opened it. Reload to see the latest version; your text is kept in this browser.',
  ],
  'conflict:note_draft': [409, 'Addenda are added to signed notes. Edit the draft itself instead.'],
  'unavailable:database': [503, 'The database cannot be reached right now.'],
  internal: [500, 'Something went wrong on our side. Your information was not changed.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof messages;

export class TandemError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message?: string) {
    const [status, safeMessage] = messages[code];
    super(message ?? safeMessage);
    this.name = 'TandemError';
    this.code = code;
    this.status = status;
  }
}

/** What a person may be told about an error: its code, status and a plain message. */
export function toPublicError(error: unknown): { code: ErrorCode; status: number; message: string } {
  if (error instanceof TandemError) return { code: error.code, status: error.status, message: error.message };
  console.error('[tandem] unexpected error:', error);
  const [status, message] = messages.internal;
  return { code: 'internal', status, message };
}
