/**
 * A Timers port (src/main/foundation/timers.ts) whose time moves only when the test says so: the
 * simulator and the rate gate run on it, so tests about seconds and rate limits take no real time.
 */
import type { TimerHandle, Timers } from '../../../../src/main/foundation/timers';

interface Pending {
  at: number;
  seq: number;
  run: () => void;
}

export class ManualClock implements Timers {
  private time = Date.parse('2026-03-02T09:00:00Z');
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const seq = ++this.seq;
    this.pending.set(seq, { at: this.time + Math.max(0, ms), seq, run: callback });
    return seq;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending.delete(handle as number);
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let next = this.next(); next && next.at <= end; next = this.next()) {
      this.pending.delete(next.seq);
      this.time = Math.max(this.time, next.at);
      next.run();
    }
    this.time = end;
  }

  /** Jumps to the next timer and runs it; false when none is pending. */
  advanceToNext(): boolean {
    const next = this.next();
    if (!next) return false;
    this.advance(next.at - this.time);
    return true;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private next(): Pending | undefined {
    let best: Pending | undefined;
    for (const p of this.pending.values()) if (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq)) best = p;
    return best;
  }
}
