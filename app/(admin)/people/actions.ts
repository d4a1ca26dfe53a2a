'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction, INVALID_FORM } from '@/lib/actions/pipeline';
import { z } from '@/lib/validation/zod';
import { createInvitation, revokeInvitation } from '@/lib/dal/invitations';
import { setPersonActive } from '@/lib/dal/people';
import { resetTwoFactorFor } from '@/lib/dal/two-factor';
import { TandemError, toPublicError } from '@/lib/errors';
import { publicOrigin } from '@/lib/env';
import { composeInvitationEmail } from '@/lib/mail/invitation-email';
import { sendMail, type MailChannel } from '@/lib/mail/send-mail';
import { deactivateTherapistSchema, deactivationFieldErrors, inviteSchema, readDeactivationForm } from '@/lib/validation/admin';
import type { FormState } from '@/lib/validation/form-state';

export type InviteState = FormState & { link?: string; channel?: MailChannel };

export async function inviteAction(_previous: InviteState, form: FormData): Promise<InviteState> {
  return formAction<typeof inviteSchema, 'admin', InviteState>(form, {
    caller: 'admin',
    schema: inviteSchema,
    onError: ({ code, message }) => {
      if (code === 'conflict:email_taken') return { message: INVALID_FORM, fieldErrors: { email: message } };
      if (code === 'not_found:person')
        return { message: INVALID_FORM, fieldErrors: { therapistId: 'That therapist is not active in this clinic.' } };
      return undefined;
    },
    run: async (input, { actor }) => {
      const invitation = await createInvitation({ actor, input });
      const link = `${publicOrigin}/invite/${invitation.token}`;
      let channel: MailChannel = 'none';
      try {
        channel = await sendMail({ to: invitation.email, ...composeInvitationEmail({ ...invitation, link }) });
      } catch (error) {
        console.error('[tandem] invitation email could not be sent:', error instanceof Error ? error.message : error);
      }
      revalidatePath('/people');
      const message =
        channel === 'smtp'
          ? `Invitation emailed to ${invitation.email}.`
          : `Invitation created for ${invitation.email}. Email is not set up here, so pass this link on yourself.`;
      return { status: 'success', message, link: channel === 'smtp' ? undefined : link, channel };
    },
  });
}

const personActionSchema = z.object({ id: z.uuid(), intent: z.enum(['deactivate', 'reactivate', 'revoke', 'reset_two_factor']) });

const done = {
  deactivate: 'Deactivated. Their sessions have ended.',
  reactivate: 'Reactivated.',
  revoke: 'Invitation withdrawn.',
  reset_two_factor: 'Two-factor reset. Their sessions have ended; they set it up again when they next sign in.',
};

export async function personAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'admin',
    schema: personActionSchema,
    invalid: toPublicError(new TandemError('bad_request:input')).message,
    // A therapist who still has clients: the admin first decides where each of them goes.
    onError: ({ code }, { id }) => (code === 'conflict:therapist_has_clients' ? redirect(`/people/${id}/deactivate`) : undefined),
    run: async ({ id, intent }, { actor }) => {
      if (intent === 'revoke') await revokeInvitation({ actor, invitationId: id });
      else if (intent === 'reset_two_factor') await resetTwoFactorFor({ actor, personId: id });
      else await setPersonActive({ actor, userId: id, isActive: intent === 'reactivate' });
      revalidatePath('/people');
      return { status: 'success', message: done[intent] };
    },
  });
}

const deactivationNotices = {
  reassign: 'reassigned',
  unassign: 'unassigned',
  deactivate: 'deactivated',
} as const;

/**
 * The deactivation step for a therapist with clients: each client goes to the therapist chosen
 * for them, else to the one chosen for all; or, with the box ticked, they are left unassigned.
 */
export async function deactivateTherapistAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'admin',
    schema: deactivateTherapistSchema,
    read: readDeactivationForm,
    fieldErrors: deactivationFieldErrors,
    invalid: (fieldErrors) =>
      fieldErrors.confirmUnassign
        ? fieldErrors.confirmUnassign
        : Object.keys(fieldErrors).some((k) => k.startsWith('therapist-'))
          ? 'Choose a new therapist for each client marked below, or one therapist for all of them.'
          : toPublicError(new TandemError('bad_request:input')).message,
    onError: ({ code }) =>
      code === 'not_found:person'
        ? { message: 'One of the therapists chosen is no longer active in the clinic. Choose again.' }
        : undefined,
    run: async (input, { actor }) => {
      await setPersonActive({
        actor,
        userId: input.id,
        isActive: false,
        reassign: input.intent === 'reassign' ? input.plan : undefined,
        unassignClients: input.intent === 'unassign',
      });
      revalidatePath('/people');
      revalidatePath('/clinic');
      redirect(`/people?done=${deactivationNotices[input.intent]}`);
    },
  });
}
