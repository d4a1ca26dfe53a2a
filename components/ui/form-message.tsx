import type { FormState } from '@/lib/validation/form-state';

/** The outcome of a form, announced to screen readers: an error as an alert, success as a status. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return state.status === 'error' ? (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.message}
    </p>
  ) : (
    <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {state.message}
    </p>
  );
}
