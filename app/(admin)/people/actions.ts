'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { requireRole } from '@/lib/auth/session';
import { createInvitation, revokeInvitation } from '@/lib/dal/invitations';
import { setPersonActive } from '@/lib/dal/people';
import { resetTwoFactorFor } from '@/lib/dal/two-factor';
import { TandemError, toPublicError } from '@/lib/errors';
import { publicOrigin } from '@/lib/env';
import { composeInvitationEmail } from '@/lib/mail/invitation-email';
import { sendMail, type MailChannel } from '@/lib/mail/send-mail';
import { inviteSchema, parseDeactivationForm } from '@/lib/validation/admin';
import { fieldErrorsOf, formOf, type FormState, typedValues } from '@/lib/validation/form-state';

export type InviteState = FormState & { link?: string; channel?: MailChannel };

export async function inviteAction(_previous: InviteState, form: FormData): Promise<InviteState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('admin');
  const values = typedValues(form);
  const parsed = inviteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    const invitation = await createInvitation({ actor: user, input: parsed.data });
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
  } catch (error) {
    const publicError = toPublicError(error);
    const fieldErrors =
      publicError.code === 'conflict:email_taken'
        ? { email: publicError.message }
        : publicError.code === 'not_found:person'
          ? { therapistId: 'That therapist is not active in this clinic.' }
          : undefined;
    return { status: 'error', message: fieldErrors ? 'Please correct the fields marked below.' : publicError.message, fieldErrors, values };
  }
}

const personActionSchema = z.object({ id: z.uuid(), intent: z.enum(['deactivate', 'reactivate', 'revoke', 'reset_two_factor']) });

export async function personAction(_previous: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('admin');
  const parsed = personActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { status: 'error', message: toPublicError(new TandemError('bad_request:input')).message };
  const { id, intent } = parsed.data;
  try {
    if (intent === 'revoke') await revokeInvitation({ actor: user, invitationId: id });
    else if (intent === 'reset_two_factor') await resetTwoFactorFor({ actor: user, personId: id });
    else await setPersonActive({ actor: user, userId: id, isActive: intent === 'reactivate' });
  } catch (error) {
    // A therapist who still has clients: the admin first decides where each of them goes.
    if (error instanceof TandemError && error.code === 'conflict:therapist_has_clients') redirect(`/people/${id}/deactivate`);
    return { status: 'error', message: toPublicError(error).message };
  }
  revalidatePath('/people');
  const done = {
    deactivate: 'Deactivated. Their sessions have ended.',
    reactivate: 'Reactivated.',
    revoke: 'Invitation withdrawn.',
    reset_two_factor: 'Two-factor reset. Their sessions have ended; they set it up again when they next sign in.',
  };
  return { status: 'success', message: done[intent] };
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
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('admin');
  const values = typedValues(form);
  const parsed = parseDeactivationForm(form);
  if (!parsed.success) {
    const { fieldErrors } = parsed;
    const message = fieldErrors.confirmUnassign
      ? fieldErrors.confirmUnassign
      : Object.keys(fieldErrors).some((k) => k.startsWith('therapist-'))
        ? 'Choose a new therapist for each client marked below, or one therapist for all of them.'
        : toPublicError(new TandemError('bad_request:input')).message;
    return { status: 'error', message, fieldErrors, values };
  }
  const input = parsed.data;
  try {
    await setPersonActive({
      actor: user,
      userId: input.id,
      isActive: false,
      reassign: input.intent === 'reassign' ? input.plan : undefined,
      unassignClients: input.intent === 'unassign',
    });
  } catch (error) {
    const publicError = toPublicError(error);
    const message =
      publicError.code === 'not_found:person'
        ? 'One of the therapists chosen is no longer active in the clinic. Choose again.'
        : publicError.message;
    return { status: 'error', message, values };
  }
  revalidatePath('/people');
  revalidatePath('/clinic');
  redirect(`/people?done=${deactivationNotices[input.intent]}`);
}
