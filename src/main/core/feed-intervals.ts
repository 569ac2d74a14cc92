/**
 * The paces of the call feed: how often a polled feed reads (adaptively: fast while a call rings or
 * connects or a command waits, normal while calls are up, idle otherwise), how a pushed feed still
 * reconciles now and then, and how failures back off. Pure arithmetic over the store's state; must not
 * import electron or schedule anything itself.
 */
import type { ProviderError } from '../provider-api/provider-error';
import type { CallStore } from './call-store';

export interface PollIntervals {
  /** While a call is alerting/connecting or a command is pending (default 1 s). */
  fastMs: number;
  /** While any call is up (default 2 s). */
  normalMs: number;
  /**
   * With no calls (default 2 s). Without push (Webex) this is also how late a new call can be noticed:
   * it must stay short for the popup to feel instant (30 requests a minute).
   */
  idleMs: number;
  /** Ceiling of the exponential backoff after failures (default 60 s). */
  maxBackoffMs: number;
  /**
   * Ceiling of the backoff when the connection could not be made at all (default 5 s): nothing reached
   * the provider, and the network may come back unannounced, with a call already ringing.
   */
  networkRetryMs: number;
  /**
   * Ceiling of the backoff when a read timed out (default 15 s): the network is poor or the provider slow,
   * not refusing. Each timed-out read already waited its whole timeout, so a long backoff on top would
   * leave the list stale for minutes; longer than networkRetryMs, so a slow provider is not pressed. A
   * rate limit or a server error still backs off to maxBackoffMs.
   */
  timeoutRetryMs: number;
}

export interface FeedIntervals extends PollIntervals {
  /** While push is live: the full read that catches anything push missed (default 5 min). */
  safetyReadMs: number;
  /** First wait before opening push again after it failed; doubles up to maxBackoffMs (default 5 s). */
  pushRetryMs: number;
}

export const DEFAULT_POLL_INTERVALS: PollIntervals = {
  fastMs: 1_000,
  normalMs: 2_000,
  idleMs: 2_000,
  maxBackoffMs: 60_000,
  networkRetryMs: 5_000,
  timeoutRetryMs: 15_000,
};

export const DEFAULT_FEED_INTERVALS: FeedIntervals = { ...DEFAULT_POLL_INTERVALS, safetyReadMs: 5 * 60_000, pushRetryMs: 5_000 };

/** The polling pace the calls and pending commands call for now. */
export function pollDelay(store: Pick<CallStore, 'calls' | 'hasPending'>, intervals: PollIntervals): number {
  const calls = store.calls();
  if (store.hasPending() || calls.some((c) => c.state === 'alerting' || c.state === 'connecting')) return intervals.fastMs;
  return calls.length > 0 ? intervals.normalMs : intervals.idleMs;
}

/** `base` doubled per consecutive failure, capped, but never shorter than a Retry-After the provider asked for. */
export function backoffDelay(base: number, failures: number, maxMs: number, lastFailure?: ProviderError): number {
  const doubled = base * 2 ** Math.max(0, failures);
  const asked = (lastFailure?.retryAfter ?? 0) * 1000;
  return Math.min(Math.max(doubled, asked), Math.max(maxMs, asked));
}

/** A pace as people say it: "2 s", "1.5 s", "250 ms". */
export function describeInterval(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}
