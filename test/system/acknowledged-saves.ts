/**
 * The check of the cluster fault test: every save acknowledged with 200 is in the database.
 *
 * One answer (attempt, question) is written by one sender, one write at a time: the next write is
 * sent only once the last one was acknowledged, and the sender retries a write (same options) on a
 * connection error, 502, 503 or 504 until it is acknowledged. A write may therefore land more than
 * once (nginx passes a PUT whose replica died to another one; a 503 may follow a commit whose reply
 * was lost), each landing bumping the answer's revision — so, unlike the single-process kill test
 * (durability.ts), revisions are not write numbers. What must hold: the acknowledged revisions
 * increase, the stored revision is at least the last acknowledged one, and the stored options are
 * the last acknowledged write's (later writes than that: none, every sender finished its last one).
 */

export interface AckedWrite {
  optionIds: readonly string[];
  /** The revision of the 200 that acknowledged it; null: never acknowledged. */
  ackRevision: number | null;
}

export interface StoredRow {
  revision: number;
  optionIds: readonly string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Null when the stored row holds what the acknowledged writes demand; else what is wrong. */
export function ackedSaveProblem(writes: readonly AckedWrite[], stored: StoredRow | null): string | null {
  const unacknowledged = writes.findIndex((write) => write.ackRevision === null);
  if (unacknowledged !== -1) return `write ${String(unacknowledged + 1)} of ${String(writes.length)} was never acknowledged (the sender gave up)`;
  for (let i = 1; i < writes.length; i += 1) {
    if (writes[i]!.ackRevision! <= writes[i - 1]!.ackRevision!) {
      return `write ${String(i + 1)} was acknowledged with revision ${String(writes[i]!.ackRevision)}, not above the previous write's ${String(writes[i - 1]!.ackRevision)}`;
    }
  }
  const last = writes.at(-1);
  if (!last) return stored ? `no write was sent, but revision ${String(stored.revision)} is stored` : null;
  if (!stored) return `acknowledged revision ${String(last.ackRevision)}, but no row is stored: an acknowledged save was lost`;
  if (stored.revision < last.ackRevision!) {
    return `stored revision ${String(stored.revision)} is older than the last acknowledged one (${String(last.ackRevision)}): an acknowledged save was lost`;
  }
  if (!sameSet(stored.optionIds, last.optionIds)) {
    return `stored options ${stored.optionIds.join(',')} are not the last acknowledged write's ${last.optionIds.join(',')}: an acknowledged save was lost`;
  }
  return null;
}
