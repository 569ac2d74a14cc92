/**
 * A `Retry-After` header as whole seconds to wait: a number of seconds or an HTTP date (RFC 9110);
 * undefined when absent or unreadable, so each caller applies its provider's own default.
 */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - now) / 1000)) : undefined;
}
