/** The time source. Tests replace it (an injectable clock instead of sleeps). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
