/**
 * The request gate in front of Catapult's rate limits (docs/wire/ringcentral-and-bandwidth.md §B6):
 * every request, 1 per `intervalMs` (a token bucket of `burst`); call creations also 1 per
 * `callIntervalMs`. Operations run one at a time in arrival order, so a burst of clicks becomes a
 * paced queue instead of 429s. Identical reads waiting in the queue are coalesced into one request.
 * A 429 blocks every send until its X-RateLimit-Reset (never earlier) and the refused operation is
 * replayed then (it was not applied); a 403 call-rate-limit blocks call creations for
 * `callBackoffMs` (the limit is averaged over 10 s) and replays the same way. Knows nothing of URLs.
 */
import type { Timers } from '../../foundation/timers';
import { ProviderError } from '../../provider-api/provider-error';

export type GateLane = 'request' | 'callCreation';

/** A refusal by a rate limit, thrown by the wire tap: the request was not applied. */
export class RateLimitRefusal extends ProviderError {
  constructor(
    readonly lane: GateLane,
    /** Epoch ms before which nothing of this lane may be sent. */
    readonly resetAt: number,
    described: ProviderError,
  ) {
    super({
      code: 'RATE_LIMITED',
      status: described.status,
      message: described.message,
      retryable: true,
      retryAfter: described.retryAfter,
      cause: described,
    });
  }
}

export interface RateGateOptions {
  timers: Timers;
  /**
   * Spacing of requests. Catapult allows one per 1000 ms; the default 1100 ms leaves room for network
   * jitter, since Catapult counts arrivals, not departures.
   */
  intervalMs?: number;
  /** Requests that may go at once after a quiet spell (default 1). */
  burst?: number;
  /** Spacing of call creations (default 1100 ms, for the same reason). */
  callIntervalMs?: number;
  /** Pause of call creations after a 403 call-rate-limit (default 10 s). */
  callBackoffMs?: number;
  /** Replays of one operation after rate-limit refusals before the refusal is reported (default 3). */
  maxReplays?: number;
  /** Operations that may wait in the queue; more are refused at once (default 50). */
  maxQueue?: number;
}

interface Job {
  key?: string;
  signal?: AbortSignal;
  lane: GateLane;
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  promise: Promise<unknown>;
}

export type GateActivity = 'idle' | 'waiting' | 'sending';

export class RateGate {
  private readonly intervalMs: number;
  private readonly burst: number;
  private readonly callIntervalMs: number;
  private readonly callBackoffMs: number;
  private readonly maxReplays: number;
  private readonly maxQueue: number;
  private readonly queue: Job[] = [];
  private tokens: number;
  private refilledAt: number;
  private blockedUntil = 0;
  private nextCallAt = 0;
  private pumping = false;
  private state: GateActivity = 'idle';

  constructor(private readonly options: RateGateOptions) {
    this.intervalMs = options.intervalMs ?? 1100;
    this.burst = options.burst ?? 1;
    this.callIntervalMs = options.callIntervalMs ?? 1100;
    this.callBackoffMs = options.callBackoffMs ?? 10_000;
    this.maxReplays = options.maxReplays ?? 3;
    this.maxQueue = options.maxQueue ?? 50;
    this.tokens = this.burst;
    this.refilledAt = options.timers.now();
  }

  /** What the gate is doing: waiting on its clock, sending, or nothing. */
  get activity(): GateActivity {
    return this.state;
  }

  /** Operations not yet started. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * A read: joins an identical read (same key, same cancel signal) still waiting in the queue instead
   * of queueing another. Reads already sent are not joined: their answer may predate the caller.
   */
  read<T>(key: string, run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const same = this.queue.find((job) => job.key === key && job.signal === signal);
    if (same) return same.promise as Promise<T>;
    return this.enqueue(run, 'request', key, signal);
  }

  /** A state-changing request; `callCreation` also paces (and backs off) the call-creation limit. */
  command<T>(run: () => Promise<T>, lane: GateLane = 'request', signal?: AbortSignal): Promise<T> {
    return this.enqueue(run, lane, undefined, signal);
  }

  /**
   * Called by the wire tap just before each send (including an HTTP-layer retry): waits for a token
   * and for any reset, then takes the token. Normally immediate: the queue already waited.
   */
  async beforeSend(lane: GateLane): Promise<void> {
    await this.sleepUntil(this.readyAt(lane));
    this.state = 'sending';
    this.takeToken(lane);
  }

  /** A 429 with X-RateLimit-Reset: nothing is sent before `resetAt`. */
  noteRequestLimit(resetAt: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, resetAt);
    this.tokens = 0;
    this.refilledAt = Math.max(this.refilledAt, resetAt - this.intervalMs);
  }

  /** A 403 call-rate-limit: no call is created for a while. */
  noteCallLimit(): number {
    this.nextCallAt = Math.max(this.nextCallAt, this.options.timers.now() + this.callBackoffMs);
    return this.nextCallAt;
  }

  private enqueue<T>(run: () => Promise<T>, lane: GateLane, key?: string, signal?: AbortSignal): Promise<T> {
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(
        new ProviderError({
          code: 'RATE_LIMITED',
          retryable: true,
          message: 'Too many Bandwidth requests are waiting: try again in a moment.',
        }),
      );
    }
    let resolve!: (value: unknown) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.queue.push({ key, signal, lane, run, resolve, reject, promise });
    void this.pump();
    return promise as Promise<T>;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let job = this.queue[0]; job; job = this.queue[0]) {
        await this.runJob(job);
        this.queue.shift();
      }
    } finally {
      this.pumping = false;
      this.state = 'idle';
    }
  }

  /** Runs one job, replaying it after a rate-limit refusal; the job stays at the head of the queue meanwhile. */
  private async runJob(job: Job): Promise<void> {
    for (let replays = 0; ; replays += 1) {
      await this.sleepUntil(this.readyAt(job.lane));
      if (job.signal?.aborted) {
        job.reject(new ProviderError({ code: 'NETWORK', message: 'The request was cancelled.', cause: job.signal.reason }));
        return;
      }
      // Leaves the queue only once sent: until then an identical read may still join it.
      if (job.key !== undefined) job.key = `${job.key}#sent`;
      this.state = 'sending';
      try {
        job.resolve(await job.run());
        return;
      } catch (error) {
        if (error instanceof RateLimitRefusal && replays < this.maxReplays) {
          if (job.key !== undefined) job.key = job.key.replace(/#sent$/, '');
          continue;
        }
        job.reject(error);
        return;
      }
    }
  }

  private readyAt(lane: GateLane): number {
    const now = this.options.timers.now();
    this.refill(now);
    const tokenAt = this.tokens >= 1 ? now : this.refilledAt + Math.ceil((1 - this.tokens) * this.intervalMs);
    const at = Math.max(tokenAt, this.blockedUntil);
    return lane === 'callCreation' ? Math.max(at, this.nextCallAt) : at;
  }

  private takeToken(lane: GateLane): void {
    const now = this.options.timers.now();
    this.refill(now);
    this.tokens = Math.max(0, this.tokens - 1);
    if (lane === 'callCreation') this.nextCallAt = Math.max(this.nextCallAt, now + this.callIntervalMs);
  }

  private refill(now: number): void {
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) / this.intervalMs);
    this.refilledAt = now;
  }

  private async sleepUntil(at: number): Promise<void> {
    for (let now = this.options.timers.now(); now < at; now = this.options.timers.now()) {
      this.state = 'waiting';
      await new Promise<void>((resolve) => this.options.timers.setTimeout(resolve, at - now));
    }
  }
}
