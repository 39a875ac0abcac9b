import { useEffect, useState } from 'react';

/**
 * How far the server's clock is ahead of this device's: `serverTime` of a response minus the
 * device time when it arrived. Phones' clocks are often minutes off; the deadline is the server's.
 * The response took some time to arrive, so this errs towards the deadline coming early.
 */
export function clockOffsetMs(serverTime: string, receivedAt: number): number {
  const server = Date.parse(serverTime);
  return Number.isNaN(server) ? 0 : server - receivedAt;
}

/** Milliseconds left until the server's deadline, read from the device clock now. */
export function remainingMs(deadline: string, offsetMs: number, now: number = Date.now()): number {
  return Math.max(0, Date.parse(deadline) - (now + offsetMs));
}

const tickMs = 250;

/**
 * Whole seconds left (rounded up: "00:01" until the last second is over). Computed from timestamps
 * at every tick, so a background tab whose timers were slowed shows the right time when it is back.
 */
export function useSecondsLeft(deadline: string, offsetMs: number): number {
  const read = () => Math.ceil(remainingMs(deadline, offsetMs) / 1000);
  const [seconds, setSeconds] = useState(read);

  useEffect(() => {
    const update = () => {
      setSeconds(Math.ceil(remainingMs(deadline, offsetMs) / 1000));
    };
    update();
    const timer = setInterval(update, tickMs);
    document.addEventListener('visibilitychange', update);
    window.addEventListener('focus', update);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', update);
      window.removeEventListener('focus', update);
    };
  }, [deadline, offsetMs]);

  return seconds;
}
