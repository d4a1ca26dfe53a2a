import type { z } from 'zod';

/** What a server action answers a form with: a message, per-field errors, and the text typed. */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Partial<Record<string, string>>;
  values?: Record<string, string>;
};

export const idleForm: FormState = { status: 'idle' };

/** The first message for each field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The text fields of a submitted form, so nothing typed is lost when it comes back with an error. */
export function typedValues(form: FormData, exclude: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !exclude.includes(key) && !key.startsWith('$')) values[key] = value;
  }
  return values;
}
