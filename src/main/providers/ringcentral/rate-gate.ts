/**
 * RingCentral rate limits on the client side (docs/wire/ringcentral-and-bandwidth.md §A5): limits are per
 * group (Light, Medium, Heavy, Auth); a 429 starts a penalty during which ANY request restarts it, so
 * after a 429 nothing of that group may reach RingCentral until Retry-After has passed (at least 30 s
 * when the header is missing). The gate sits in front of the network as a fetch wrapper: it remembers
 * every 429 and answers a held-back request itself with a 429 (nothing sent), and the client waits for
 * the gate on the Timers port before the one resend a refused (so unapplied) request may get.
 */
import type { TimerHandle, Timers } from '../../foundation/timers';
import type { FetchFn } from '../../provider-api/http-client';
import { retryAfterSeconds } from '../../provider-api/retry-after';
import { DEFAULT_RATE_WAIT_SEC } from './errors';

export type RateGroup = 'light' | 'medium' | 'heavy' | 'auth';

/** Which group a request counts against (§A2: Heavy for call-out and conference; §A6: Heavy for the call log; Light for the rest). */
export function rateGroupOf(method: string, pathname: string): RateGroup {
  if (pathname.includes('/restapi/oauth/')) return 'auth';
  if (method.toUpperCase() === 'POST' && /\/telephony\/(call-out|conference)\/?$/.test(pathname)) return 'heavy';
  if (method.toUpperCase() === 'GET' && /\/call-log\/?$/.test(pathname)) return 'heavy';
  return 'light';
}

function asGroup(value: string | null): RateGroup | undefined {
  const lower = value?.toLowerCase();
  return lower === 'light' || lower === 'medium' || lower === 'heavy' || lower === 'auth' ? lower : undefined;
}

export class RateGate {
  private readonly closedUntil = new Map<RateGroup, number>();

  constructor(private readonly timers: Timers) {}

  /** Milliseconds until the group may send again (0: open). */
  remainingMs(group: RateGroup): number {
    const until = this.closedUntil.get(group);
    return until === undefined ? 0 : Math.max(0, until - this.timers.now());
  }

  private close(group: RateGroup, seconds: number): void {
    const until = this.timers.now() + seconds * 1000;
    this.closedUntil.set(group, Math.max(until, this.closedUntil.get(group) ?? 0));
  }

  /** Resolves once the group is open again (at once when it is); rejects when `signal` aborts. */
  wait(group: RateGroup, signal?: AbortSignal): Promise<void> {
    const ms = this.remainingMs(group);
    if (ms === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.timers.clearTimeout(handle);
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      };
      const handle: TimerHandle = this.timers.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        // Another 429 may have closed the gate again meanwhile.
        this.wait(group, signal).then(resolve, reject);
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The fetch every RingCentral request goes through. */
  wrap(fetch: FetchFn): FetchFn {
    return async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const group = rateGroupOf(request.method, new URL(request.url).pathname);
      const remaining = this.remainingMs(group);
      if (remaining > 0) return heldBack(group, remaining);
      const response = await fetch(input, init);
      if (response.status !== 429) return response;
      const seconds = retryAfterSeconds(response.headers) ?? DEFAULT_RATE_WAIT_SEC;
      this.close(asGroup(response.headers.get('x-rate-limit-group')) ?? group, seconds);
      if (response.headers.has('retry-after')) return response;
      const headers = new Headers(response.headers);
      headers.set('Retry-After', String(seconds));
      return new Response(response.body, { status: 429, statusText: response.statusText, headers });
    };
  }
}

/** The answer to a request the gate kept off the wire: a 429 like RingCentral's, with the time left. */
function heldBack(group: RateGroup, remainingMs: number): Response {
  const body = {
    errors: [{ errorCode: 'CMN-301', message: `Held back by Switchboard until the RingCentral ${group} rate-limit penalty ends` }],
  };
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: { 'Content-Type': 'application/json', 'Retry-After': String(Math.ceil(remainingMs / 1000)), 'X-Rate-Limit-Group': group },
  });
}

/**
 * Keeps the reads of a full snapshot under RingCentral's Light limit (50 a minute by default, §A5) while
 * Switchboard polls (push down): a token bucket of `burst` reads refilled at `perMinute` a minute, so
 * any 60 s holds at most burst + perMinute paced reads (45 by default), commands keep the rest of the
 * budget, polling never runs into a 429 and its penalty, and reads are spread evenly (one every 1.5 s
 * at most) rather than stalling for most of a minute. A read over the allowance waits on the Timers port.
 */
export class ReadPacer {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly timers: Timers,
    private readonly perMinute: number,
    private readonly burst = 5,
  ) {
    this.tokens = burst;
    this.refilledAt = timers.now();
  }

  private refill(): void {
    const now = this.timers.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.perMinute) / 60_000);
    this.refilledAt = now;
  }

  async slot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          this.timers.clearTimeout(handle);
          reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
        };
        const handle: TimerHandle = this.timers.setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, waitMs);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
  }
}
