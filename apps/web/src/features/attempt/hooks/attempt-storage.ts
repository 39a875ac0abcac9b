import { safeStorage } from '../../../lib/storage';

/** What one attempt keeps in localStorage while it is taken: unsent answers and the open question. */
export const attemptStorageKeys = (attemptId: string) => ({
  pending: `hoi-thi.attempt.${attemptId}.pending`,
  current: `hoi-thi.attempt.${attemptId}.current`,
});

export function readCurrentIndex(attemptId: string, steps: number): number {
  const stored = Number(safeStorage.get(attemptStorageKeys(attemptId).current));
  return Number.isInteger(stored) && stored >= 0 && stored < steps ? stored : 0;
}

export function writeCurrentIndex(attemptId: string, index: number): void {
  safeStorage.set(attemptStorageKeys(attemptId).current, String(index));
}

export function forgetAttempt(attemptId: string): void {
  const keys = attemptStorageKeys(attemptId);
  safeStorage.remove(keys.pending);
  safeStorage.remove(keys.current);
}
