import { performance } from 'node:perf_hooks';
import { type Admission, AdmissionGate, type AdmissionRules } from './admission-gate.js';
import { StartQueue } from './start-queue.js';

/** The queue in this process: exact for the embedded default (one process); per process otherwise. */
export class MemoryAdmissionGate extends AdmissionGate {
  private readonly queue: StartQueue;

  // A monotonic clock: the rate is about real seconds, whatever the wall clock (or a test's) says.
  constructor(rules: AdmissionRules, private readonly now: () => number = () => performance.now()) {
    super();
    this.queue = new StartQueue(rules);
  }

  async enter(ticket: string, queuedMs = 0): Promise<Admission> {
    return this.queue.enter(ticket, this.now(), queuedMs);
  }

  async leave(ticket: string): Promise<void> {
    this.queue.leave(ticket);
  }
}
