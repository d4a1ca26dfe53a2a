'use server';

import { headers } from 'next/headers';
import { formAction } from '@/lib/actions/pipeline';
import { retryMessage } from '@/lib/auth/retry';
import { sourceOf } from '@/lib/auth/request-source';
import { acceptInvitation } from '@/lib/dal/invitations';
import { acceptInvitationSchema } from '@/lib/validation/admin';
import { type FormState, textOf } from '@/lib/validation/form-state';

export type AcceptState = FormState & { email?: string };

const refusals = {
  expired: 'This invitation has expired. Ask your clinic for a new one.',
  used: 'This invitation has already been used. If it was you, sign in instead.',
  revoked: 'This invitation was withdrawn by the clinic. Ask them if you think this is a mistake.',
  not_found: 'This invitation link is not valid. Check that you copied all of it.',
  email_taken: 'An account with this email already exists. Sign in instead, or ask your clinic for help.',
} as const;

// Anyone holding the link may call this: the token is the authorization, checked in the database.
export async function acceptInvitationAction(token: string, _previous: AcceptState, form: FormData): Promise<AcceptState> {
  // Arguments come from the request as sent: anything else reads as empty.
  token = textOf(token);
  return formAction<typeof acceptInvitationSchema, 'public', AcceptState>(form, {
    caller: 'public',
    schema: acceptInvitationSchema,
    secret: ['password', 'confirmPassword'],
    run: async (input, { values }) => {
      const requestHeaders = await headers();
      const outcome = await acceptInvitation({ token, input, source: sourceOf((name) => requestHeaders.get(name)) });
      if (outcome.status === 'accepted')
        return { status: 'success', message: 'Your account is ready. Signing you in…', email: outcome.email };
      if (outcome.status === 'throttled') return { status: 'error', message: retryMessage(outcome.retryAfterSeconds), values };
      if (outcome.status === 'weak_password') {
        return { status: 'error', message: 'Please choose a stronger password.', fieldErrors: { password: outcome.message }, values };
      }
      return { status: 'error', message: refusals[outcome.status], values };
    },
  });
}
