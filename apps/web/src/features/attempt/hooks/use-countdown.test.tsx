import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from '../components/countdown';
import { clockOffsetMs, remainingMs, useSecondsLeft } from './use-countdown';

const t0 = Date.parse('2026-11-26T08:00:00.000Z');

function Clock({ deadline, offsetMs }: { deadline: string; offsetMs: number }) {
  return <Countdown seconds={useSecondsLeft(deadline, offsetMs)} withHours={false} />;
}

describe('countdown math', () => {
  it('reads the deadline on the server clock, whatever the device clock says', () => {
    // The phone is 2 minutes behind: the server said 08:02 when the phone read 08:00.
    const offset = clockOffsetMs('2026-11-26T08:02:00.000Z', t0);
    expect(offset).toBe(120_000);
    // Deadline 08:22 server time: 20 minutes left, not 22.
    expect(remainingMs('2026-11-26T08:22:00.000Z', offset, t0)).toBe(20 * 60_000);
    // A phone that runs ahead by 90 s.
    expect(remainingMs('2026-11-26T08:22:00.000Z', clockOffsetMs('2026-11-26T08:02:00.000Z', t0 + 90_000), t0 + 90_000)).toBe(20 * 60_000);
  });

  it('never goes below zero, and ignores a server time it cannot read', () => {
    expect(remainingMs('2026-11-26T07:00:00.000Z', 0, t0)).toBe(0);
    expect(clockOffsetMs('garbage', t0)).toBe(0);
  });
});

describe('countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(t0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks down with the server offset applied', () => {
    render(<Clock deadline="2026-11-26T08:22:00.000Z" offsetMs={120_000} />);
    expect(screen.getByRole('timer')).toHaveTextContent('20:00');

    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getByRole('timer')).toHaveTextContent('19:59');

    act(() => {
      vi.advanceTimersByTime(60_500);
    });
    expect(screen.getByRole('timer')).toHaveTextContent('18:59');
  });

  it('is right again at once when a background tab comes back, however few ticks ran', () => {
    render(<Clock deadline="2026-11-26T08:20:00.000Z" offsetMs={0} />);
    expect(screen.getByRole('timer')).toHaveTextContent('20:00');

    // A hidden tab: the clock moved 7 minutes, but timers were held back and never fired.
    vi.setSystemTime(t0 + 7 * 60_000);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(screen.getByRole('timer')).toHaveTextContent('13:00');
  });

  it('announces five minutes, one minute and time up, and reaches 00:00', () => {
    render(<Clock deadline="2026-11-26T08:06:00.000Z" offsetMs={0} />);
    expect(screen.queryByText('Còn 5 phút.')).not.toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('Còn 5 phút.')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    expect(screen.getByText('Còn 1 phút.')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByRole('timer')).toHaveTextContent('00:00');
    expect(screen.getByText('Hết giờ.')).toBeInTheDocument();
  });

  it('keeps one width all along: tabular digits in a fixed box', () => {
    render(<Countdown seconds={3 * 3600} withHours />);
    expect(screen.getByRole('timer')).toHaveTextContent('3:00:00');
    expect(screen.getByRole('timer')).toHaveClass('countdown__value--hours');
  });
});
