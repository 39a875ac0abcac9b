import { isApiError } from './api-client';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * Splits a failed request into messages for the form's own fields and the rest,
 * which the form shows above its button.
 */
export function splitFieldErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): { fieldErrors: FieldErrors<Field>; otherDetails: string[] } {
  const fieldErrors: FieldErrors<Field> = {};
  const otherDetails: string[] = [];
  if (!isApiError(error)) return { fieldErrors, otherDetails };
  for (const { field, message } of error.details) {
    if ((fields as readonly string[]).includes(field)) {
      fieldErrors[field as Field] ??= message;
    } else {
      otherDetails.push(message);
    }
  }
  return { fieldErrors, otherDetails };
}

/** Moves focus to the first field marked invalid, so keyboard and screen reader users land on it. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input');
  target?.focus();
}

/**
 * For forms with rows (`options.2.text`, `blueprint.0.count`): the server's field errors keyed by
 * field, and the messages of fields the form does not show (`known` says which it shows).
 */
export function partitionFieldErrors(error: unknown, known: (field: string) => boolean): { fieldErrors: Record<string, string>; otherDetails: string[] } {
  const fieldErrors: Record<string, string> = {};
  const otherDetails: string[] = [];
  if (!isApiError(error)) return { fieldErrors, otherDetails };
  for (const { field, message } of error.details) {
    if (known(field)) fieldErrors[field] ??= message;
    else otherDetails.push(message);
  }
  return { fieldErrors, otherDetails };
}
