import type { InputHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input with an optional hint and an error shown right under it. */
export function TextField({ label, hint, error, className, ...inputProps }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} className="field__input" {...inputProps} />}
    </FieldFrame>
  );
}
