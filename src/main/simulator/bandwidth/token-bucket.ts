/**
 * A token bucket on a clock: `capacity` requests at once, refilled one per `intervalMs`. Used by the
 * simulator to play Catapult's "1 request per 1000 ms" (docs/wire/ringcentral-and-bandwidth.md §B6).
 * Knows nothing of HTTP.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefill: number;

  constructor(
    private readonly capacity: number,
    private readonly intervalMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.lastRefill = now;
  }

  private refill(now: number): void {
    if (now <= this.lastRefill) return;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) / this.intervalMs);
    this.lastRefill = now;
  }

  /** Takes a token; false (and nothing taken) when the bucket is empty. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Epoch ms at which a token will be available again. */
  nextTokenAt(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return now;
    return now + Math.ceil((1 - this.tokens) * this.intervalMs);
  }
}

/** Catapult's call-creation limit: at most `count` creations in any window of `windowMs` (1 call/s averaged over 10 s). */
export class SlidingWindow {
  private stamps: number[] = [];

  constructor(
    private readonly count: number,
    private readonly windowMs: number,
  ) {}

  take(now: number): boolean {
    this.stamps = this.stamps.filter((t) => t > now - this.windowMs);
    if (this.stamps.length >= this.count) return false;
    this.stamps.push(now);
    return true;
  }
}
