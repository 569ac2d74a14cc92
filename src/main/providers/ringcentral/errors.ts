/**
 * Turns a non-2xx RingCentral answer into a ProviderError a person can read (docs/wire/ringcentral-and-bandwidth.md
 * §A5): both error body shapes (legacy top-level `errorCode`/`message`, newer `errors[]`, OAuth's
 * `error_description`), decided on `errorCode` and the status, never on the wording; the tracking id is
 * the RCRequestId (or X-Request-ID) header. A missing app permission (CMN-401) is named — from the body's
 * `permissionName`, else from the operation refused (permissions.ts) — with what to do about it. Pure:
 * knows nothing of retries (the HTTP policy and the rate gate handle 401/429).
 */
import { readErrorBody } from '../../provider-api/error-body';
import type { RefusedRequest } from '../../provider-api/http-client';
import { ProviderError } from '../../provider-api/provider-error';
import { permissionFor, permissionNamed } from './permissions';
import { type WireErrorBody, errorBodySchema } from './wire';
import { retryAfterSeconds } from '../../provider-api/retry-after';
import { sentenceSized } from '../../provider-api/sentence-sized';

/** Without Retry-After RingCentral asks clients to wait at least 30 s (§A5). */
export const DEFAULT_RATE_WAIT_SEC = 30;

const RATE_CODES = new Set(['CMN-301', 'CMN-302', 'CMN-304']);
const NOT_FOUND_CODES = new Set(['CMN-102']);
const PERMISSION_CODES = new Set(['CMN-401', 'InsufficientPermissions']);

/** The body in one shape (readErrorBody copes with text, mislabelled JSON and other shapes); RingCentral's plain text carries nothing to show. */
function readBody(body: unknown): WireErrorBody {
  const { parsed } = readErrorBody(body, errorBodySchema);
  return { ...parsed, errors: parsed.errors ?? [] };
}

/** Every errorCode in the body: the legacy top-level one and each entry of `errors`. */
export function errorCodes(body: WireErrorBody): string[] {
  const codes = body.errors.map((e) => e.errorCode).filter((c): c is string => typeof c === 'string');
  return body.errorCode === undefined ? codes : [body.errorCode, ...codes];
}

function said(body: WireErrorBody): string | undefined {
  return sentenceSized(body.errors.find((e) => e.message)?.message ?? body.message ?? body.error_description);
}

function sentence(text: string, trackingId: string | undefined): string {
  return trackingId ? `${text} (request ID ${trackingId})` : `${text}.`;
}

/**
 * An `ErrorDescriber` for createHttpClient: RingCentral status + body + headers → ProviderError.
 * `request` (the operation refused) names the permission a CMN-401 body leaves unnamed.
 */
export function describeRingCentralError(status: number, rawBody: unknown, headers: Headers, request?: RefusedRequest): ProviderError {
  const body = readBody(rawBody);
  const codes = errorCodes(body);
  const trackingId = headers.get('rcrequestid') ?? headers.get('x-request-id') ?? undefined;
  const words = said(body);
  const base = { status, trackingId };
  const has = (set: Set<string>) => codes.some((c) => set.has(c));

  if (status === 429 || has(RATE_CODES)) {
    const retryAfter = retryAfterSeconds(headers) ?? DEFAULT_RATE_WAIT_SEC;
    return new ProviderError({
      ...base,
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfter,
      message: sentence(`RingCentral asked Switchboard to slow down: try again in ${retryAfter} s`, trackingId),
    });
  }
  if (status === 401 || (status === 400 && codes.some((c) => c.startsWith('OAU-')))) {
    const expired = codes.includes('OAU-128');
    return new ProviderError({
      ...base,
      code: 'AUTH',
      message: expired ? 'The RingCentral sign-in has expired: sign in again.' : 'RingCentral refused the sign-in: sign in again.',
    });
  }
  if (has(NOT_FOUND_CODES) || status === 404) {
    return new ProviderError({
      ...base,
      code: 'NOT_FOUND',
      message: sentence(`RingCentral refused: ${words ?? 'the call no longer exists'}`, trackingId),
    });
  }
  if (status === 403 && has(PERMISSION_CODES)) {
    const permission = permissionNamed(body) ?? (request ? permissionFor(request) : undefined);
    if (permission === undefined) {
      return new ProviderError({
        ...base,
        code: 'PROVIDER',
        message: sentence(
          `RingCentral refused access${words ? `: ${words}` : ''} (your RingCentral app lacks a permission this needs)`,
          trackingId,
        ),
      });
    }
    // RingCentral's own words ("application needs to have [X] permission") say less than this sentence.
    return new ProviderError({
      ...base,
      code: 'PROVIDER',
      missingPermission: permission,
      message: sentence(
        `RingCentral refused: your app lacks the ${permission} permission. Add the ${permission} permission to your RingCentral app`,
        trackingId,
      ),
    });
  }
  if (status === 403) {
    return new ProviderError({
      ...base,
      code: 'PROVIDER',
      message: sentence(`RingCentral refused access${words ? `: ${words}` : ''}`, trackingId),
    });
  }
  if (status === 409) {
    return new ProviderError({
      ...base,
      code: 'NOT_ALLOWED',
      message: sentence(`RingCentral refused: ${words ?? 'the call is not in a state that allows this'}`, trackingId),
    });
  }
  if (status === 400) {
    return new ProviderError({
      ...base,
      code: 'NOT_ALLOWED',
      message: sentence(`RingCentral refused: ${words ?? 'the request was not valid for this call'}`, trackingId),
    });
  }
  if (status >= 500) {
    return new ProviderError({
      ...base,
      code: 'UNAVAILABLE',
      retryable: true,
      retryAfter: retryAfterSeconds(headers),
      message: sentence(`RingCentral is not available right now (HTTP ${status}${words ? `: ${words}` : ''})`, trackingId),
    });
  }
  return new ProviderError({
    ...base,
    code: 'PROVIDER',
    message: sentence(`RingCentral refused the request (HTTP ${status}${words ? `: ${words}` : ''})`, trackingId),
  });
}
