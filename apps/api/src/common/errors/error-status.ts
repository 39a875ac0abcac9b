import { registeredStatus } from './error-registry.js';
// The generic codes (VALIDATION, NOT_FOUND, …) are registered wherever a status is asked for.
import './generic.errors.js';

/**
 * The HTTP status of a code, from the catalog that registers it (a module's `<module>.errors.ts` or
 * common's). Nothing is guessed from the code: a code no catalog registers is a programming error,
 * undefined here, and the filter answers it as a logged 500.
 */
export function statusForCode(code: string): number | undefined {
  return registeredStatus(code);
}
