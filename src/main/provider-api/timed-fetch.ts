/**
 * One attempt of a request with a deadline on the Timers port (foundation/timers.ts) instead of ky's own
 * real-time `timeout`, so tests with a hand-driven clock time out a hung request without waiting. When the
 * time is up the request is aborted through its AbortSignal and the call rejects with ky's TimeoutError,
 * exactly as ky's timeout would (ky then never retries it: `retryOnTimeout` is off). Like ky's, the
 * deadline covers the attempt until the answer's headers arrive; a caller's own abort still aborts.
 * Used by provider-api/http-client.ts; must not import electron.
 */
import { TimeoutError } from 'ky';
import type { Timers } from '../foundation/timers';

type Fetch = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

export function timedFetch(fetch: Fetch, timers: Timers, ms: number): Fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const deadline = new AbortController();
      const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      const signal = callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal;
      let over = false;
      const timer = timers.setTimeout(() => {
        if (over) return;
        over = true;
        deadline.abort();
        reject(new TimeoutError(input instanceof Request ? input : new Request(input)));
      }, ms);
      fetch(input, { ...init, signal }).then(
        (response) => {
          if (over) {
            // Answered as the deadline passed: nobody reads it, so let the connection go.
            void response.body?.cancel().catch(() => undefined);
            return;
          }
          over = true;
          timers.clearTimeout(timer);
          resolve(response);
        },
        (error: unknown) => {
          if (over) return;
          over = true;
          timers.clearTimeout(timer);
          reject(error);
        },
      );
    });
}
