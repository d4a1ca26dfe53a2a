import type { ComponentProps, InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

const control = 'w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600';

/** `id`: the control's id when the form name is not unique on the page (it is the name by default). */
type Common = { name: string; id?: string; label: string; error?: string; hint?: ReactNode };

function Described({ id, label, error, hint, children }: Omit<Common, 'name'> & { id: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** What every control carries: its id and name, whether it is in error, and what describes it. */
function controlProps({ id, name, error, hint }: { id: string; name: string; error?: string; hint?: ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id, name, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, className: control };
}

export function TextField({ name, id = name, label, error, hint, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Described id={id} label={label} error={error} hint={hint}>
      <input {...controlProps({ id, name, error, hint })} {...rest} />
    </Described>
  );
}

export function TextAreaField({ name, id = name, label, error, hint, ...rest }: Common & ComponentProps<'textarea'>) {
  return (
    <Described id={id} label={label} error={error} hint={hint}>
      <textarea {...controlProps({ id, name, error, hint })} {...rest} />
    </Described>
  );
}

export function SelectField({ name, id = name, label, error, hint, children, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Described id={id} label={label} error={error} hint={hint}>
      <select {...controlProps({ id, name, error, hint })} {...rest}>
        {children}
      </select>
    </Described>
  );
}
