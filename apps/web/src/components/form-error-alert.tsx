import { useErrorMessage } from '../lib/error-message';

interface FormErrorAlertProps {
  error: unknown;
  /** Server field errors that belong to no field of the form. */
  otherDetails: readonly string[];
}

/** The message of a failed submit, above the form's button. */
export function FormErrorAlert({ error, otherDetails }: FormErrorAlertProps) {
  const errorMessage = useErrorMessage();
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorMessage(error)}</p>
      {otherDetails.length > 0 && (
        <ul>
          {otherDetails.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
