/**
 * A runtime on a hand clock whose requests' timeouts run on that clock too: time may move only while
 * nothing is on the wire, or every request in flight would time out at once. `countingFetch` counts
 * what is on the wire; `wireDriver` settles a piece of work, moving the clock to its next timer (a
 * paced request's turn, a poll) whenever the wire has been quiet for a moment. No vitest here.
 */
import type { FetchFn } from '../../src/main/provider-api/http-client';
import type { HandTimers } from './hand-timers';

export interface Wire {
  inFlight: number;
}

/** `inner` (Node's fetch by default), counting each request on `wire` while it is out. */
export function countingFetch(wire: Wire, inner: FetchFn = fetch): FetchFn {
  return async (input, init) => {
    wire.inFlight += 1;
    try {
      return await inner(input, init);
    } finally {
      wire.inFlight -= 1;
    }
  };
}

/** Resolves what the work resolves to, moving the hand clock whenever nothing is on the wire. */
export function wireDriver(clock: HandTimers, wire: Wire): <T>(work: Promise<T>) => Promise<T> {
  return async (work) => {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    let quiet = 0;
    while (!settled) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (settled) break;
      if (wire.inFlight > 0) {
        quiet = 0;
        await new Promise<void>((resolve) => setTimeout(resolve, 1));
      } else if (++quiet >= 3) {
        quiet = 0;
        if (!clock.advanceToNext()) await new Promise<void>((resolve) => setTimeout(resolve, 1));
      }
    }
    return work;
  };
}
