import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/** A labelled select with an optional hint and an error shown right under it (like TextField). */
export function SelectField({ label, hint, error, className, children, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...control} className="field__input" {...selectProps}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
