/**
 * Every delay the simulator schedules goes through one SimTimers on the Timers port
 * (src/main/foundation/timers.ts), so tests drive time by hand and close() clears what is left.
 * Knows nothing about calls.
 */
import type { TimerHandle, Timers } from '../../foundation/timers';

export class SimTimers {
  private readonly pending = new Map<symbol, TimerHandle>();

  constructor(private readonly timers: Timers) {}

  now(): number {
    return this.timers.now();
  }

  iso(): string {
    return new Date(this.timers.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  after(ms: number, run: () => void): symbol {
    const key = Symbol('sim-timer');
    const handle = this.timers.setTimeout(
      () => {
        this.pending.delete(key);
        run();
      },
      Math.max(0, ms),
    );
    this.pending.set(key, handle);
    return key;
  }

  cancel(key: symbol | undefined): void {
    if (key === undefined) return;
    const handle = this.pending.get(key);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.pending.delete(key);
  }

  clearAll(): void {
    for (const handle of this.pending.values()) this.timers.clearTimeout(handle);
    this.pending.clear();
  }
}
