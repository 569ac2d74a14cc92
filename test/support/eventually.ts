/**
 * Waits for an assertion that depends on real I/O (loopback HTTP, a file written) to hold. The limit is
 * generous on purpose: on a busy two-core machine a loopback round trip can take far longer than usual,
 * and a test must fail only when the thing never happens, not when it happens slowly.
 */
import { vi } from 'vitest';

export const EVENTUALLY_MS = 15_000;

export function eventually<T>(check: () => T | Promise<T>, timeoutMs = EVENTUALLY_MS): Promise<T> {
  return vi.waitFor(check, { timeout: timeoutMs, interval: 10 });
}
