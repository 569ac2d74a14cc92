/**
 * One error type for every provider refusal, network failure or unreadable answer, so the core can
 * turn any of them into an AppError a person understands. Must not import electron.
 */
import type { AppError, ErrorCode } from '../../shared/result';

export class ProviderError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly trackingId?: string;
  readonly retryable: boolean;
  /** Seconds the provider asked us to wait (429/503 Retry-After). */
  readonly retryAfter?: number;

  constructor(init: { code: ErrorCode; message: string; status?: number; trackingId?: string; retryable?: boolean; retryAfter?: number; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.name = 'ProviderError';
    this.code = init.code;
    this.status = init.status;
    this.trackingId = init.trackingId;
    this.retryable = init.retryable ?? false;
    this.retryAfter = init.retryAfter;
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.trackingId) error.trackingId = this.trackingId;
    return error;
  }
}

/** Whether a failed command may nevertheless have been applied (so the true state must be re-read). */
export function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ProviderError) || ['TIMEOUT', 'NETWORK', 'UNAVAILABLE', 'BAD_RESPONSE'].includes(error.code);
}
