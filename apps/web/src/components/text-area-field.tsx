import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {
  label: string;
  hint?: string;
  error?: string;
  /** Shown under the box, before the error (a live word count, say). */
  status?: ReactNode;
}

/** A labelled multi-line text box with an optional hint and an error shown right under it. */
export function TextAreaField({ label, hint, error, status, className, ...areaProps }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} status={status} className={className}>
      {(control) => <textarea {...control} className="field__input field__input--area" {...areaProps} />}
    </FieldFrame>
  );
}
