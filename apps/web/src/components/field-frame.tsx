import { useId, type ReactNode } from 'react';

/** What the control inside a field needs to be tied to its label, hint, status and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  label: string;
  hint?: string;
  error?: string;
  /** Shown under the control, before the error (a live word count, say). */
  status?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** The frame every form field shares: label, optional hint, the control, optional status, the error right under it. */
export function FieldFrame({ label, hint, error, status, className, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const statusId = status ? `${id}-status` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, statusId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {status && (
        <div id={statusId} className="field__status">
          {status}
        </div>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
