/**
 * The durability check of the kill -9 test, kept apart so the same file can show it rejects a lost
 * write.
 *
 * One answer (attempt, question) is written by one sender, one request at a time: the n-th write is
 * sent only after the (n-1)-th was acknowledged. The server bumps the answer's revision with every
 * write it stores, so the n-th write, when stored, has revision n. When the server is killed, at
 * most the last write is unacknowledged (in flight): it may or may not have landed.
 */

export interface SentWrite {
  optionIds: readonly string[];
  /** The revision the server acknowledged (200), or null: sent, no answer (in flight at the kill). */
  ackRevision: number | null;
}

export interface StoredAnswer {
  /** The answer's revision after the restart (0: nothing stored). */
  revision: number;
  /** What GET /api/attempts/:id returns for it (null: no answer). */
  optionIds: readonly string[] | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Null when the stored answer is one the writes allow: the last acknowledged write, or a later write
 * that was in flight; else what is wrong.
 */
export function durabilityProblem(writes: readonly SentWrite[], stored: StoredAnswer): string | null {
  let lastAcked = 0;
  for (const [index, write] of writes.entries()) {
    if (write.ackRevision === null) continue;
    if (write.ackRevision !== index + 1) return `write ${String(index + 1)} was acknowledged with revision ${String(write.ackRevision)}`;
    lastAcked = index + 1;
  }
  if (writes.slice(0, lastAcked).some((write) => write.ackRevision === null)) return 'a write before the last acknowledged one has no acknowledgement';
  if (stored.revision < lastAcked) return `stored revision ${String(stored.revision)} is older than the last acknowledged write (revision ${String(lastAcked)}): an acknowledged save was lost`;
  if (stored.revision > writes.length) return `stored revision ${String(stored.revision)}, but only ${String(writes.length)} writes were sent`;
  if (stored.revision === 0) return stored.optionIds === null || stored.optionIds.length === 0 ? null : `no revision, but options ${stored.optionIds.join(',')} are stored`;
  const expected = writes[stored.revision - 1]!.optionIds;
  if (stored.optionIds === null || !sameSet(stored.optionIds, expected)) {
    return `revision ${String(stored.revision)} holds options ${stored.optionIds?.join(',') ?? '(none)'}, but write ${String(stored.revision)} sent ${expected.join(',')}`;
  }
  return null;
}
