/**
 * The clock and timers the core schedules with (polling, pending timeouts, history refresh), behind an
 * interface so tests can drive time by hand. Real timers by default. Must not import electron.
 */

/** An opaque handle returned by `setTimeout`, only ever passed back to `clearTimeout`. */
export type TimerHandle = unknown;

export interface Timers {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
