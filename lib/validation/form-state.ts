/** What a server action answers a form with: a message, per-field errors, and the text typed. */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Partial<Record<string, string>>;
  values?: Record<string, string>;
};

export const idleForm: FormState = { status: 'idle' };

/** The text fields of a submitted form, so nothing typed is lost when it comes back with an error. */
export function typedValues(form: FormData, exclude: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !exclude.includes(key) && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

/**
 * A server action's form as a page sends it. Actions are public endpoints whose arguments anyone
 * can encode by hand: anything that is not a form reads as an empty one (and fails validation).
 */
export function formOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

/** A server action's text argument (an id bound by the page); anything else reads as ''. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
