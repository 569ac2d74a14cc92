/**
 * The one hand-driven Timers port (src/main/foundation/timers.ts) the tests use: time moves only when a
 * test says so, so heartbeats, polls, timeouts and rate-limit waits need no real sleeping. Timers fire
 * in the order they fall due (ties in the order they were set). The ways of moving time the tests need
 * live here as methods: `advance` (fire what falls due), `advanceToNext` / `fireNext` (jump to the next
 * timer, for runs that move time only when nothing is on the wire), `skip` (a suspended process: the
 * wall clock moves, no timer comes closer). No vitest here (the bench uses it too).
 */
import type { TimerHandle, Timers } from '../../src/main/foundation/timers';

interface Pending {
  at: number;
  /** The delay it was set with, for tests that ask what is still waiting. */
  ms: number;
  order: number;
  run: () => void;
}

/** Where a hand clock starts unless a test asks for another time. */
export const HAND_TIMERS_START = Date.parse('2026-01-05T09:00:00Z');

export class HandTimers implements Timers {
  private current: number;
  private readonly waiting = new Map<symbol, Pending>();
  private order = 0;

  constructor(start = HAND_TIMERS_START) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = Symbol('timer');
    this.waiting.set(handle, { at: this.current + Math.max(0, ms), ms, order: this.order++, run: callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.waiting.delete(handle as symbol);
  }

  /** Moves time forward by `ms`, firing due timers in order (timers they start fire too when due). */
  advance(ms: number): void {
    const target = this.current + ms;
    while (this.fireDue(target));
    this.current = target;
  }

  /**
   * The same, letting `settle` run (promise chains, loopback I/O) before each timer and at the end, so
   * what one timer starts may set the next before time moves on.
   */
  async advanceSettling(ms: number, settle: () => Promise<void>): Promise<void> {
    const target = this.current + ms;
    do await settle();
    while (this.fireDue(target));
    this.current = target;
    await settle();
  }

  /** Jumps to the next timer and fires it (and whatever falls due with it); false when none is waiting. */
  advanceToNext(): boolean {
    const next = this.earliest();
    if (!next) return false;
    this.advance(next.at - this.current);
    return true;
  }

  /**
   * Fires the earliest timer only (one it sets may be due at once but waits for the next call), moving
   * the clock to it but never past `limit`; with no timer due by then, moves to `limit`.
   */
  fireNext(limit: number): void {
    if (!this.fireDue(limit)) this.current = Math.max(this.current, limit);
  }

  /**
   * The process was suspended for `ms`: the wall clock moved on, and every waiting timer is as far from
   * firing as it was (a monotonic clock does not count sleep, as on Linux): nothing fires on waking.
   */
  skip(ms: number): void {
    this.current += ms;
    for (const entry of this.waiting.values()) entry.at += ms;
  }

  /** Number of timers waiting. */
  get size(): number {
    return this.waiting.size;
  }

  /** The delays the waiting timers were set with, shortest first. */
  pending(): number[] {
    return [...this.waiting.values()].map((t) => t.ms).sort((a, b) => a - b);
  }

  /** Fires the earliest timer due by `limit`, moving the clock to it; false when none is. */
  private fireDue(limit: number): boolean {
    const next = this.earliest();
    if (!next || next.at > limit) return false;
    this.waiting.delete(next.handle);
    this.current = Math.max(this.current, next.at);
    next.run();
    return true;
  }

  private earliest(): (Pending & { handle: symbol }) | undefined {
    let best: (Pending & { handle: symbol }) | undefined;
    for (const [handle, p] of this.waiting)
      if (!best || p.at < best.at || (p.at === best.at && p.order < best.order)) best = { ...p, handle };
    return best;
  }
}
