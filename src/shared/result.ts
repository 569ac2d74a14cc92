/**
 * Errors as values: every command across IPC and every core operation returns a Result.
 * Pure types and constructors; nothing here may throw.
 */

export const ERROR_CODES = [
  'BAD_INPUT', // the user's or renderer's input was invalid; nothing was sent
  'NOT_FOUND', // the call (or other object) does not exist (any more)
  'NOT_ALLOWED', // the call's state does not allow this action now
  'AUTH', // signed out, token rejected
  'RATE_LIMITED', // the provider asked us to slow down
  'NETWORK', // no connection / connection dropped
  'TIMEOUT', // no answer in time; the command may or may not have been applied
  'PROVIDER', // the provider refused for another reason
  'UNAVAILABLE', // the provider is down (5xx)
  'BAD_RESPONSE', // the provider answered something we cannot read
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** A sentence a person can read, e.g. "Webex refused: call not found (tracking ID ROUTER_…)". */
  message: string;
  /** True when trying again later may succeed without changing anything. */
  retryable: boolean;
  trackingId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string, extra: Partial<Omit<AppError, 'code' | 'message'>> = {}): Result<T> {
  return { ok: false, error: { code, message, retryable: extra.retryable ?? false, ...extra } };
}
