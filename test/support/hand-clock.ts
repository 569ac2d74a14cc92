/**
 * Real loopback I/O on a hand-driven clock (hand-timers.ts): the parts a
 * command may wait on (the HTTP client's Retry-After wait, a rate gate, a simulator's slow answer) get
 * `waits`, a Timers port that remembers what is due; `settle` lets I/O run and moves the clock exactly
 * to the next such wait whenever one is pending, so a wait of seconds takes no real time and nothing
 * depends on the machine's speed. No vitest here (the bench uses it too).
 */
import type { TimerHandle, Timers } from '../../src/main/foundation/timers';
import { HandTimers } from './hand-timers';

/** Waits further away than this are not what a command is waiting on (a ringing call's timeout). */
const HORIZON_MS = 30_000;

export class HandClock {
  readonly clock = new HandTimers();
  private readonly due = new Map<TimerHandle, number>();

  /** The Timers for whatever a command may wait on. */
  readonly waits: Timers = {
    now: () => this.clock.now(),
    setTimeout: (callback, ms) => {
      const handle = this.clock.setTimeout(() => {
        this.due.delete(handle);
        callback();
      }, ms);
      this.due.set(handle, this.clock.now() + Math.max(0, ms));
      return handle;
    },
    clearTimeout: (handle) => {
      this.due.delete(handle);
      this.clock.clearTimeout(handle);
    },
  };

  /** The next wait due within the horizon, if any. */
  nextWait(): number | undefined {
    let next: number | undefined;
    for (const at of this.due.values()) if (at <= this.clock.now() + HORIZON_MS && (next === undefined || at < next)) next = at;
    return next;
  }

  /**
   * Resolves with what `work` resolves to, letting real I/O run and moving the clock to each wait it
   * needs. `stallMs` of real time without a wait or an answer moves the clock to its next timer of any
   * kind (a poll, a simulator's scheduled event), for work that waits on something untracked.
   */
  async settle<T>(work: Promise<T>, stallMs = 2_000): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    let idleSince = Date.now();
    while (!settled) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (settled) break;
      const wait = this.nextWait();
      if (wait !== undefined) {
        this.clock.advance(Math.max(0, wait - this.clock.now()));
        idleSince = Date.now();
        continue;
      }
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
      if (Date.now() - idleSince > stallMs) {
        this.clock.advanceToNext();
        idleSince = Date.now();
      }
    }
    return work;
  }
}
