/**
 * A hand-driven Timers port (src/main/foundation/timers.ts) for the RingCentral tests: time moves only
 * when a test calls advance(), so heartbeats, timeouts and 30 s waits need no real sleeping.
 */
import type { TimerHandle, Timers } from '../../../../src/main/foundation/timers';

interface Pending {
  at: number;
  run: () => void;
  order: number;
}

export class ManualTimers implements Timers {
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

  /** Moves time forward, firing due timers in order (timers they start fire too when due). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      let next: [symbol, Pending] | undefined;
      for (const entry of this.pending) {
        if (entry[1].at <= target && (!next || entry[1].at < next[1].at || (entry[1].at === next[1].at && entry[1].order < next[1].order)))
          next = entry;
      }
      if (!next) break;
      this.pending.delete(next[0]);
      this.current = Math.max(this.current, next[1].at);
      next[1].run();
    }
    this.current = target;
  }

  /** Number of timers waiting. */
  get size(): number {
    return this.pending.size;
  }
}
