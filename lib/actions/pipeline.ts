import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { Role } from '@/lib/auth/roles';
import { type CurrentUser, requireRole, requireUser, requireUserForEnrolment } from '@/lib/auth/session';
import { type ErrorCode, TandemError, toPublicError } from '@/lib/errors';
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
  /**
   * What every failed answer adds, refused or thrown, read from what was typed: crisis help that
   * must show even when the form could not be saved, whatever stopped it.
   */
  onFailure?: (typed: Record<string, string>) => Partial<NoInfer<State>>;
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

/** Runs the action's work; a thrown error becomes what may be said of it, Next's own signals aside. */
async function attempt<R>(work: () => Promise<R>, failed: (error: PublicError) => R): Promise<R> {
  try {
    return await work();
  } catch (error) {
    // redirect(), notFound() and Next's other control-flow errors are not failures: let them through.
    unstable_rethrow(error);
    const { code, message } = toPublicError(error);
    return failed({ code, message });
  }
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
    return { status: 'error', message, fieldErrors, values, ...spec.onFailure?.(values) } as State;
  }
  return attempt(
    () => spec.run(parsed.data, { actor, values, form }),
    (error) =>
      ({ status: 'error', message: error.message, values, ...spec.onError?.(error, parsed.data), ...spec.onFailure?.(values) }) as State,
  );
}

export type CallActionSpec<S extends z.ZodType, C extends Caller, Result> = {
  caller: C;
  schema: S;
  /** The message when the schema refuses the input; by default the schema's own first message. */
  invalid?: string;
  /** The answer to a refusal or a thrown error (the parsed input, when it got that far). */
  failed: (error: PublicError, input?: z.output<S>) => NoInfer<Result>;
  run: (input: z.output<S>, context: { actor: ActorOf<C> }) => Promise<Result>;
};

/**
 * The same path for an action a component calls with a value rather than a form (an autosave, a
 * questionnaire, a journal entry): get the actor, parse once, run, and answer failures in the
 * action's own result shape.
 */
export async function callAction<S extends z.ZodType, C extends Caller, Result>(
  sent: unknown,
  spec: CallActionSpec<S, C, Result>,
): Promise<Result> {
  const actor = (await actorFor(spec.caller)) as ActorOf<C>;
  const parsed = spec.schema.safeParse(sent);
  if (!parsed.success) {
    const message = spec.invalid ?? parsed.error.issues[0]?.message ?? toPublicError(new TandemError('bad_request:input')).message;
    return spec.failed({ code: 'bad_request:input', message });
  }
  return attempt(
    () => spec.run(parsed.data, { actor }),
    (error) => spec.failed(error, parsed.data),
  );
}

export type FormCommandSpec<S extends z.ZodType, C extends Caller> = {
  caller: C;
  schema: S;
  /** What the schema reads; by default every text field of the form by its name. */
  read?: (form: FormData) => unknown;
  /** What a refused form does (reload the page as it is, go back with a word why). */
  refused: () => Promise<void>;
  run: (input: z.output<S>, context: { actor: ActorOf<C> }) => Promise<void>;
};

/**
 * The same path for a button that changes something and then reloads or leaves the page (end a
 * break, delete a check-in): there is no form state to answer with, so a refused form does what
 * the action says and anything thrown reaches the page's error boundary.
 */
export async function formCommand<S extends z.ZodType, C extends Caller>(sent: unknown, spec: FormCommandSpec<S, C>): Promise<void> {
  const form = formOf(sent);
  const actor = (await actorFor(spec.caller)) as ActorOf<C>;
  const parsed = spec.schema.safeParse(spec.read ? spec.read(form) : typedValues(form));
  if (!parsed.success) return spec.refused();
  return spec.run(parsed.data, { actor });
}
