import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { Role } from '@/lib/auth/roles';
import { type CurrentUser, requireRole, requireUser, requireUserForEnrolment } from '@/lib/auth/session';
import { type ErrorCode, toPublicError } from '@/lib/errors';
import { formOf, type FormState, typedValues } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';

/**
 * Who may submit: one role or several (anyone else gets 404, as for the area's pages), any
 * signed-in person, staff who are still setting up two-factor, or anyone at all (`public`: the
 * input itself authorises, as an invitation's token does).
 */
export type Caller = Role | readonly Role[] | 'signed-in' | 'enrolling' | 'public';

type ActorOf<C extends Caller> = C extends 'public' ? null : CurrentUser;

export type PublicError = { code: ErrorCode; message: string };

export type FieldErrors = NonNullable<FormState['fieldErrors']>;

export type FormActionSpec<S extends z.ZodType, C extends Caller, State extends FormState> = {
  caller: C;
  /** The action's shared schema: the form is parsed once, and only its output reaches `run`. */
  schema: S;
  /** What the schema reads; by default every text field of the form by its name. */
  read?: (form: FormData) => unknown;
  /** Fields never sent back with the form (passwords). */
  secret?: readonly string[];
  /** The message over the field errors when the schema refuses the form. */
  invalid?: string | ((fieldErrors: FieldErrors) => string | undefined);
  /** Field messages of a refusal, for forms whose fields are not named by the path's first key. */
  fieldErrors?: (error: z.ZodError, form: FormData) => FieldErrors;
  /** What a thrown error changes of the answer (a field of its own, another message). */
  onError?: (error: PublicError, input: z.output<S>) => Partial<NoInfer<State>> | undefined;
  run: (input: z.output<S>, context: { actor: ActorOf<C>; values: Record<string, string>; form: FormData }) => Promise<NoInfer<State>>;
};

export const INVALID_FORM = 'Please correct the fields marked below.';

/** The first message for each field (`form` for a refusal of the whole input). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const { formErrors, fieldErrors } = z.flattenError(error);
  const errors: FieldErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors as Record<string, string[] | undefined>)) errors[key] = messages?.[0];
  if (formErrors[0]) errors.form = formErrors[0];
  return errors;
}

async function actorFor(caller: Caller): Promise<CurrentUser | null> {
  if (caller === 'public') return null;
  if (caller === 'signed-in') return requireUser();
  if (caller === 'enrolling') return requireUserForEnrolment();
  return requireRole(caller);
}

/**
 * The one path of a server action that answers a form: read the form as sent, get the actor,
 * parse once with the shared schema, run, and answer with one `FormState`. What the person typed
 * comes back with every error. Redirects and `notFound()` (Next's own thrown signals) pass through.
 */
export async function formAction<S extends z.ZodType, C extends Caller, State extends FormState = FormState>(
  sent: unknown,
  spec: FormActionSpec<S, C, State>,
): Promise<State> {
  // Actions are public endpoints: anything that is not a form reads as an empty one.
  const form = formOf(sent);
  const actor = (await actorFor(spec.caller)) as ActorOf<C>;
  const values = typedValues(form, spec.secret);
  const parsed = spec.schema.safeParse(spec.read ? spec.read(form) : typedValues(form));
  if (!parsed.success) {
    const fieldErrors = spec.fieldErrors ? spec.fieldErrors(parsed.error, form) : fieldErrorsOf(parsed.error);
    const message = typeof spec.invalid === 'function' ? spec.invalid(fieldErrors) : (spec.invalid ?? INVALID_FORM);
    return { status: 'error', message, fieldErrors, values } as State;
  }
  try {
    return await spec.run(parsed.data, { actor, values, form });
  } catch (error) {
    unstable_rethrow(error);
    const { code, message } = toPublicError(error);
    return { status: 'error', message, values, ...spec.onError?.({ code, message }, parsed.data) } as State;
  }
}
