/**
 * A hand-driven Timers port (src/main/foundation/timers.ts) that can jump straight to its next timer:
 * a fault run moves time only when nothing is on the wire, and then nothing can happen before the
 * next timer, so it goes there at once instead of creeping forward step by step.
 */
import type { TimerHandle, Timers } from '../../../src/main/foundation/timers';

interface Pending {
  at: number;
  run: () => void;
  order: number;
}

export class NextTimerClock implements Timers {
  private current = Date.parse('2026-01-05T09:00:00Z');
  private readonly pending = new Map<symbol, Pending>();
  private order = 0;

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = Symbol('timer');
    this.pending.set(handle, { at: this.current + Math.max(0, ms), run: callback, order: this.order++ });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending.delete(handle as symbol);
  }

  /**
   * Fires the earliest timer (only that one: the one it sets may be due at once but waits for the next
   * call), moving the clock to it, but never past `limit`; with no timer due by then, moves to `limit`.
   */
  fireNext(limit: number): void {
    let next: [symbol, Pending] | undefined;
    for (const entry of this.pending) {
      if (!next || entry[1].at < next[1].at || (entry[1].at === next[1].at && entry[1].order < next[1].order)) next = entry;
    }
    if (!next || next[1].at > limit) {
      this.current = Math.max(this.current, limit);
      return;
    }
    this.pending.delete(next[0]);
    this.current = Math.max(this.current, next[1].at);
    next[1].run();
  }
}
