/**
 * One error type for every provider refusal, network failure or unreadable answer, so the core can
 * turn any of them into an AppError a person understands. The AppError is where provider text leaves
 * main (command results, notices, the status line), so `safeAppError` — the one way an error is made
 * safe, used by `toAppError` and by every refusal a window receives (runtime/command-invocation.ts) —
 * redacts secrets, flattens control and bidi characters and caps the length (`safeProviderText`, also
 * for any other provider sentence); tracking ids keep only a short plain charset. Must not import electron.
 */
import type { AppError, ErrorCode } from '../../shared/result';
import { capLength, flattenText, REDACTED, redactSecrets } from '../foundation/secret-text';

/** Longest provider sentence shown: enough for a reason and a tracking id, not for an echoed payload. */
export const MAX_PROVIDER_TEXT = 300;
/** Tracking ids are short plain identifiers (Webex ROUTER_<uuid>, RingCentral request ids). */
const TRACKING_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Provider text as it may reach a window: no secret, one line, no reordering characters, bounded. */
export function safeProviderText(text: string, known: readonly (string | undefined)[] = []): string {
  return capLength(flattenText(redactSecrets(text, { known })), MAX_PROVIDER_TEXT);
}

/** A tracking id fit to show, or undefined when it is too long, has other characters or hid a secret. */
export function safeTrackingId(trackingId: string | undefined, known: readonly (string | undefined)[] = []): string | undefined {
  if (trackingId === undefined || !TRACKING_ID.test(trackingId)) return undefined;
  return redactSecrets(trackingId, { known }).includes(REDACTED) ? undefined : trackingId;
}

/**
 * An AppError as it may reach a window, whoever made it: its sentence through `safeProviderText`, its
 * tracking id kept only when `safeTrackingId` passes it; every other field as it was.
 */
export function safeAppError(error: AppError, known: readonly (string | undefined)[] = []): AppError {
  const { trackingId, ...rest } = error;
  const safe: AppError = { ...rest, message: safeProviderText(error.message, known) };
  const shown = safeTrackingId(trackingId, known);
  if (shown) safe.trackingId = shown;
  return safe;
}

export class ProviderError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly trackingId?: string;
  readonly retryable: boolean;
  /** Seconds the provider asked us to wait (429/503 Retry-After). */
  readonly retryAfter?: number;
  /**
   * The permission (or scope, or access) the provider says the app lacks for this request, e.g.
   * RingCentral's `CallControl`, Webex's `spark:calls_write`, Bandwidth's `access to calls`: only the user
   * (or their admin) can fix it, and the message says how. The core's status line says it rather than a
   * generic sentence (core/feed-supervisor.ts).
   */
  readonly missingPermission?: string;

  constructor(init: {
    code: ErrorCode;
    message: string;
    status?: number;
    trackingId?: string;
    retryable?: boolean;
    retryAfter?: number;
    missingPermission?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = 'ProviderError';
    this.code = init.code;
    this.status = init.status;
    this.trackingId = init.trackingId;
    this.retryable = init.retryable ?? false;
    this.retryAfter = init.retryAfter;
    this.missingPermission = init.missingPermission;
  }

  /**
   * Removes secrets known to the caller (the token the failed request carried) from the message and
   * tracking id, in place, so that no copy of the error holds them; returns the same error (whatever
   * its subclass). The HTTP client calls this before the error leaves it.
   */
  conceal(known: readonly (string | undefined)[]): this {
    this.message = redactSecrets(this.message, { known });
    if (this.trackingId !== undefined) {
      (this as { trackingId?: string }).trackingId = redactSecrets(this.trackingId, { known });
    }
    return this;
  }

  toAppError(): AppError {
    return safeAppError({ code: this.code, message: this.message, retryable: this.retryable, trackingId: this.trackingId });
  }
}

/** Whether a failed command may nevertheless have been applied (so the true state must be re-read). */
export function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ProviderError) || ['TIMEOUT', 'NETWORK', 'UNAVAILABLE', 'BAD_RESPONSE'].includes(error.code);
}
