/**
 * The fetch that the HTTP client (src/main/provider-api/http-client.ts) sends through for Bandwidth:
 * it waits on the RateGate before every send, keeps the answer's headers (Catapult puts created ids in
 * `Location` and paging in `Link`, which the HTTP client does not return), and turns a rate-limit
 * refusal (429 with X-RateLimit-Reset, 403 call-rate-limit) into a RateLimitRefusal the gate replays,
 * so the HTTP layer never resends on its own clock. One tap per operation.
 */
import type { Timers } from '../../foundation/timers';
import type { FetchFn } from '../../provider-api/http-client';
import { describeBandwidthError, rateLimitResetAt } from './errors';
import { errorBodySchema } from './wire';
import { type GateLane, type RateGate, RateLimitRefusal } from './rate-gate';

export interface WireTap {
  fetch: FetchFn;
  /** Headers of the last answer received (undefined before any). */
  headers(): Headers | undefined;
}

export function wireTap(base: FetchFn, gate: RateGate, lane: GateLane, timers: Timers): WireTap {
  let last: Headers | undefined;
  const fetch: FetchFn = async (input, init) => {
    await gate.beforeSend(lane);
    const response = await base(input, init);
    last = response.headers;
    if (response.status === 429) {
      const body = await response.text().catch(() => '');
      const now = timers.now();
      // Without a readable reset, one interval is the least Catapult asks for.
      const resetAt = rateLimitResetAt(response.headers) ?? now + 1000;
      gate.noteRequestLimit(resetAt);
      throw new RateLimitRefusal('request', resetAt, describeBandwidthError(429, body, response.headers, now));
    }
    if (response.status === 403 && lane === 'callCreation') {
      const body = await response
        .clone()
        .text()
        .catch(() => '');
      if (errorCode(body) === 'call-rate-limit') {
        const resetAt = gate.noteCallLimit();
        throw new RateLimitRefusal('callCreation', resetAt, describeBandwidthError(403, body, response.headers, timers.now()));
      }
    }
    return response;
  };
  return { fetch, headers: () => last };
}

function errorCode(text: string): string | undefined {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.code : undefined;
  } catch {
    return undefined;
  }
}
