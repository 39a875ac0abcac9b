/**
 * The board freeze: in the last `freezeMinutes` before a round closes, public boards stop changing
 * (as in programming contests), so nobody can watch the others' scores and the participant count
 * move and tune a last-minute attempt or prediction (the first tie-break) to them.
 */
export const DEFAULT_FREEZE_MINUTES = 30;
/** A week: a freeze longer than that is a board nobody sees. */
export const FREEZE_MINUTES_MAX = 10_080;

export interface FreezeWindow {
  closesAt: Date;
  closedAt: Date | null;
  freezeMinutes: number;
}

/** When the round's public board froze or will freeze; null when it never does (0 minutes). */
export function freezeStart(round: FreezeWindow): Date | null {
  if (round.freezeMinutes <= 0) return null;
  return new Date(round.closesAt.getTime() - round.freezeMinutes * 60_000);
}

/** Whether the public sees the board as it was at `freezeStart` now: from then until the round is closed. */
export function isBoardFrozen(now: Date, round: FreezeWindow): boolean {
  const start = freezeStart(round);
  return start !== null && round.closedAt === null && now.getTime() >= start.getTime();
}
