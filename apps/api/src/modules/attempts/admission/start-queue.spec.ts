import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { LATE_CREDIT_MAX_MS, TICKET_GRACE_MS } from './admission-gate.js';
import { StartQueue } from './start-queue.js';

describe('the start queue: a token bucket in front of a FIFO of tickets', () => {
  it('admits a burst at once, then queues the rest in arrival order with an estimate from the rate', () => {
    const queue = new StartQueue({ perSecond: 2, burst: 3 });
    expect(['a', 'b', 'c'].map((t) => queue.enter(t, 0))).toEqual([{ admitted: true }, { admitted: true }, { admitted: true }]);
    expect(queue.enter('d', 0)).toEqual({ admitted: false, position: 1, retryAfterMs: 500 });
    expect(queue.enter('e', 0)).toEqual({ admitted: false, position: 2, retryAfterMs: 1000 });
    expect(queue.enter('f', 0)).toEqual({ admitted: false, position: 3, retryAfterMs: 1500 });
  });

  it('keeps the place of a member who asks again before the wait is over', () => {
    const queue = new StartQueue({ perSecond: 1, burst: 1 });
    queue.enter('first', 0);
    queue.enter('a', 0);
    queue.enter('b', 0);
    expect(queue.enter('c', 0)).toMatchObject({ position: 3 });
    expect(queue.enter('b', 200)).toMatchObject({ admitted: false, position: 2 });
    expect(queue.enter('c', 300)).toMatchObject({ admitted: false, position: 3 });
  });

  it('admits a member who comes back after the wait it was told, whoever asks in between', () => {
    const queue = new StartQueue({ perSecond: 4, burst: 1 });
    queue.enter('first', 0);
    const waits = ['a', 'b', 'c'].map((t) => queue.enter(t, 0));
    expect(waits.map((w) => !w.admitted && w.position)).toEqual([1, 2, 3]);
    // A newcomer cannot jump the queue when a token appears.
    expect(queue.enter('late', 300)).toMatchObject({ admitted: false, position: 4 });
    const c = waits[2];
    if (c.admitted) throw new Error('c should wait');
    expect(queue.enter('c', c.retryAfterMs)).toEqual({ admitted: true });
    // The tokens of the late members ahead were kept for them; the newcomer still waits its turn.
    expect(queue.enter('a', c.retryAfterMs)).toEqual({ admitted: true });
    expect(queue.enter('b', c.retryAfterMs)).toEqual({ admitted: true });
    expect(queue.enter('late', c.retryAfterMs)).toEqual({ admitted: false, position: 1, retryAfterMs: 500 });
  });

  it('drops a ticket whose member stopped asking, and lets the ones behind move up', () => {
    const queue = new StartQueue({ perSecond: 1, burst: 1 });
    queue.enter('first', 0);
    const gone = queue.enter('gone', 0);
    for (let i = 0; i < 10; i++) expect(queue.enter(`m${i}`, 0)).toMatchObject({ position: i + 2 });
    if (gone.admitted) throw new Error('should wait');
    // Swept once no request still in flight can have reached the server in time for it.
    const later = gone.retryAfterMs + TICKET_GRACE_MS + LATE_CREDIT_MAX_MS + 1;
    expect(queue.enter('m9', later)).toMatchObject({ admitted: false, position: 10 });
    // Back too late: a new ticket, behind the members who kept their places.
    expect(queue.enter('gone', later)).toMatchObject({ admitted: false, position: 11 });
  });

  it('gives a member who asked too late a new ticket at the back, even before the sweep', () => {
    const queue = new StartQueue({ perSecond: 1, burst: 1 });
    queue.enter('first', 0);
    const late = queue.enter('late', 0);
    for (let i = 0; i < 10; i++) queue.enter(`m${i}`, 0);
    if (late.admitted) throw new Error('should wait');
    expect(queue.enter('late', late.retryAfterMs + TICKET_GRACE_MS + 1)).toMatchObject({ admitted: false, position: 11 });
  });

  it('keeps the place of a member who asked in time when the server got to the request late (a burst)', () => {
    const queue = new StartQueue({ perSecond: 1, burst: 1 });
    queue.enter('first', 0);
    const busy = queue.enter('busy', 0);
    for (let i = 0; i < 10; i++) queue.enter(`m${i}`, 0);
    if (busy.admitted) throw new Error('should wait');
    // The retry reached nginx at its time, and the API read it 8 s later.
    const handled = busy.retryAfterMs + 8_000;
    expect(queue.enter('m9', handled, 8_000)).toMatchObject({ admitted: false, position: 11 });
    expect(queue.enter('busy', handled, 8_000)).toEqual({ admitted: true });
  });

  it('credits a request at most LATE_CREDIT_MAX_MS of waiting in the server', () => {
    const queue = new StartQueue({ perSecond: 1, burst: 1 });
    queue.enter('first', 0);
    const away = queue.enter('away', 0);
    for (let i = 0; i < 10; i++) queue.enter(`m${i}`, 0);
    if (away.admitted) throw new Error('should wait');
    // A claim of a minute in the server's queue counts as LATE_CREDIT_MAX_MS: still too late.
    const back = away.retryAfterMs + TICKET_GRACE_MS + LATE_CREDIT_MAX_MS + 1;
    expect(queue.enter('away', back, 60_000)).toMatchObject({ admitted: false, position: 11 });
  });

  it('gives a place up on leave', () => {
    const queue = new StartQueue({ perSecond: 1, burst: 1 });
    queue.enter('first', 0);
    queue.enter('a', 0);
    queue.enter('b', 0);
    queue.leave('a');
    expect(queue.enter('b', 10)).toMatchObject({ position: 1 });
    expect(queue.waiting).toBe(1);
  });

  it('never promises less than 500 ms nor more than 10 s', () => {
    const queue = new StartQueue({ perSecond: 1000, burst: 1 });
    queue.enter('first', 0);
    expect(queue.enter('a', 0)).toMatchObject({ retryAfterMs: 500 });
    const slow = new StartQueue({ perSecond: 1, burst: 1 });
    slow.enter('first', 0);
    for (let i = 0; i < 20; i++) slow.enter(`m${i}`, 0);
    expect(slow.enter('m19', 1)).toMatchObject({ position: 20, retryAfterMs: 10_000 });
  });

  it('reports the same positions as a plain list through arrivals, admissions, leaves and growth past the first thousand', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1500), fc.boolean()), { minLength: 1, maxLength: 400 }), (operations) => {
        // No refill (time stands still) and no token: every enter queues, so positions are pure FIFO.
        const queue = new StartQueue({ perSecond: 1, burst: 1 });
        queue.enter('burst', 0);
        const model: string[] = [];
        for (const [n, leave] of operations) {
          const ticket = `t${n % 1200}`;
          if (leave) {
            queue.leave(ticket);
            const at = model.indexOf(ticket);
            if (at >= 0) model.splice(at, 1);
            continue;
          }
          if (!model.includes(ticket)) model.push(ticket);
          expect(queue.enter(ticket, 0)).toMatchObject({ admitted: false, position: model.indexOf(ticket) + 1 });
        }
        expect(queue.waiting).toBe(model.length);
      }),
      { numRuns: 60 },
    );
    const long = new StartQueue({ perSecond: 1, burst: 1 });
    long.enter('burst', 0);
    for (let i = 0; i < 3000; i++) long.enter(`m${i}`, 0);
    long.leave('m5');
    expect(long.enter('m2999', 0)).toMatchObject({ position: 2999 });
    expect(long.enter('m4', 0)).toMatchObject({ position: 5 });
    expect(long.enter('m6', 0)).toMatchObject({ position: 6 });
  });
});
