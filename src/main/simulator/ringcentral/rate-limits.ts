/**
 * RingCentral rate limiting per group (docs/wire/ringcentral-and-bandwidth.md §A5): Light 50, Medium 40,
 * Heavy 10, Auth 5 requests per 60 s window by default; over the limit a 429 with Retry-After opens a
 * 60 s penalty, and any request during the penalty restarts it. Which endpoint is in which group follows
 * §A2 (Heavy: call-out and conference). Pure bookkeeping on an injected clock.
 */
import type { RateLimitSettings } from './types';

export type RateGroup = keyof RateLimitSettings;

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { Light: 50, Medium: 40, Heavy: 10, Auth: 5 };
const WINDOW_SEC = 60;
const PENALTY_SEC = 60;

export function groupOf(method: string, path: string): RateGroup {
  if (path.startsWith('/restapi/oauth/')) return 'Auth';
  if (method === 'POST' && /\/telephony\/(call-out|conference)$/.test(path)) return 'Heavy';
  // The call log is Heavy too (ReadCallLog, §A6).
  if (method === 'GET' && /\/call-log$/.test(path)) return 'Heavy';
  return 'Light';
}

export type RateVerdict =
  { ok: true; headers: Record<string, string> } | { ok: false; retryAfterSec: number; headers: Record<string, string> };

export class RateLimiter {
  private readonly windows = new Map<RateGroup, { start: number; count: number }>();
  private readonly penalties = new Map<RateGroup, number>();

  constructor(
    private readonly now: () => number,
    private readonly limits: RateLimitSettings,
  ) {}

  admit(group: RateGroup): RateVerdict {
    const now = this.now();
    const limit = this.limits[group];
    const base = {
      'X-Rate-Limit-Group': group.toLowerCase(),
      'X-Rate-Limit-Limit': String(limit),
      'X-Rate-Limit-Window': String(WINDOW_SEC),
    };
    const penaltyUntil = this.penalties.get(group);
    if (penaltyUntil !== undefined && now < penaltyUntil) {
      // Any request during the penalty restarts it.
      this.penalties.set(group, now + PENALTY_SEC * 1000);
      return { ok: false, retryAfterSec: PENALTY_SEC, headers: { ...base, 'X-Rate-Limit-Remaining': '0' } };
    }
    let window = this.windows.get(group);
    if (!window || now - window.start >= WINDOW_SEC * 1000) {
      window = { start: now, count: 0 };
      this.windows.set(group, window);
    }
    if (window.count >= limit) {
      this.penalties.set(group, now + PENALTY_SEC * 1000);
      return { ok: false, retryAfterSec: PENALTY_SEC, headers: { ...base, 'X-Rate-Limit-Remaining': '0' } };
    }
    window.count += 1;
    return { ok: true, headers: { ...base, 'X-Rate-Limit-Remaining': String(limit - window.count) } };
  }

  reset(): void {
    this.windows.clear();
    this.penalties.clear();
  }
}
