/**
 * Every timer the simulator starts goes through one TimerSet, so reset() and close() can clear them
 * all and no test is kept alive by a forgotten timeout. Timers stay referenced on purpose: a leak
 * then shows up (a process that does not exit, a test that counts active timers). Knows nothing
 * about calls.
 */
export type TimerHandle = symbol;

export class TimerSet {
  private readonly pending = new Map<TimerHandle, NodeJS.Timeout>();

  after(ms: number, run: () => void): TimerHandle {
    const handle: TimerHandle = Symbol('timer');
    const timeout = setTimeout(
      () => {
        this.pending.delete(handle);
        run();
      },
      Math.max(0, ms),
    );
    this.pending.set(handle, timeout);
    return handle;
  }

  cancel(handle: TimerHandle | undefined): void {
    if (handle === undefined) return;
    const timeout = this.pending.get(handle);
    if (timeout) clearTimeout(timeout);
    this.pending.delete(handle);
  }

  clearAll(): void {
    for (const timeout of this.pending.values()) clearTimeout(timeout);
    this.pending.clear();
  }

  get size(): number {
    return this.pending.size;
  }
}
