/** The time source. Tests replace it (an injectable clock instead of sleeps). */
export abstract class Clock {
  abstract now(): Date;

  /**
   * The SQL for "now" in a statement that checks a close, given the parameter holding `now()` taken
   * when the request arrived. A clock the database does not share (a test's) keeps its own time.
   */
  sqlNow(param: string): string {
    return param;
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }

  /**
   * The later of the arrival time and the database's clock when the statement runs: a request that
   * waited (for a connection, a lock, the start queue) past a close is refused by the statement itself.
   */
  override sqlNow(param: string): string {
    return `GREATEST(${param}::timestamptz, clock_timestamp())`;
  }
}
