/**
 * Turns a non-2xx Webex answer into a ProviderError a person can read, keeping Webex's own words and
 * its tracking ID (docs/wire/webex-calling.md §7). A 403 names the scope the refused operation needs
 * (scopes.ts), since Webex's body does not. Pure: reads only the status, body, headers and request it is
 * given; knows nothing of HTTP retries (the HTTP policy handles 401/429 replay).
 */
import type { RefusedRequest } from '../../provider-api/http-client';
import { scopeFor } from './scopes';
import { CALL_NOT_FOUND_CODE, type WebexErrorBody, webexErrorSchema } from './wire';
import { ProviderError } from '../../provider-api/provider-error';
import { readErrorBody } from '../../provider-api/error-body';
import { retryAfterSeconds } from '../../provider-api/retry-after';
import { sentenceSized } from '../../provider-api/sentence-sized';

const CALL_NOT_FOUND_TEXT = /call not found/i;

/** Webex's own explanation: the first error description, else the top-level message, else plain text. */
function describe(parsed: WebexErrorBody, text: string | undefined): string | undefined {
  return sentenceSized(parsed.errors?.find((e) => e.description)?.description ?? parsed.message ?? text);
}

function errorCodes(parsed: WebexErrorBody): number[] {
  const codes = (parsed.errors ?? []).map((e) => e.errorCode).filter((c): c is number => typeof c === 'number');
  return parsed.errorCode === undefined ? codes : [parsed.errorCode, ...codes];
}

function withTracking(sentence: string, trackingId: string | undefined): string {
  return trackingId ? `${sentence} (tracking ID ${trackingId})` : `${sentence}.`;
}

/**
 * An `ErrorDescriber` for createHttpClient: Webex status + body + headers → ProviderError. `request` (the
 * operation refused) names the scope a 403 most likely lacks.
 */
export function describeWebexError(status: number, body: unknown, headers: Headers, request?: RefusedRequest): ProviderError {
  const { parsed, text } = readErrorBody(body, webexErrorSchema);
  const trackingId = parsed.trackingId ?? headers.get('trackingid') ?? undefined;
  const said = describe(parsed, text);
  const base = { status, trackingId };

  const callNotFound =
    errorCodes(parsed).includes(CALL_NOT_FOUND_CODE) ||
    [parsed.message, text, ...(parsed.errors ?? []).map((e) => e.description)].some((s) => s !== undefined && CALL_NOT_FOUND_TEXT.test(s));

  if (callNotFound && (status === 400 || status === 404 || status === 410)) {
    return new ProviderError({ ...base, code: 'NOT_FOUND', message: withTracking('Webex refused: call not found', trackingId) });
  }
  if (status === 400) {
    return new ProviderError({
      ...base,
      code: 'NOT_ALLOWED',
      message: withTracking(`Webex refused: ${said ?? 'the request was not valid for this call'}`, trackingId),
    });
  }
  if (status === 401) {
    return new ProviderError({ ...base, code: 'AUTH', message: 'Webex refused the access token: sign in again.' });
  }
  const scope = status === 403 && request ? scopeFor(request) : undefined;
  if (scope !== undefined) {
    // Webex's 403 covers a missing scope and a missing licence alike (§7): the scope comes first, since
    // the user can fix it, and the licence stays as the other possibility. Webex's own words (a long
    // generic sentence) say less than this one, and would push it past the length a message may have.
    return new ProviderError({
      ...base,
      code: 'PROVIDER',
      missingPermission: scope,
      message: withTracking(
        `Webex refused: your sign-in lacks the ${scope} scope. Add ${scope} to your Webex integration's scopes and sign in again (or, if it has it, this account is not a Webex Calling user)`,
        trackingId,
      ),
    });
  }
  if (status === 403) {
    return new ProviderError({
      ...base,
      code: 'PROVIDER',
      message: withTracking(
        `Webex refused access${said ? ` (${said})` : ''}: the sign-in may lack the calling permissions (spark:calls_read, spark:calls_write), or this account is not a Webex Calling user`,
        trackingId,
      ),
    });
  }
  if (status === 404 || status === 410) {
    return new ProviderError({ ...base, code: 'NOT_FOUND', message: withTracking(`Webex refused: ${said ?? 'not found'}`, trackingId) });
  }
  if (status === 409) {
    return new ProviderError({
      ...base,
      code: 'NOT_ALLOWED',
      message: withTracking(`Webex refused: ${said ?? 'this conflicts with the state of the call'}`, trackingId),
    });
  }
  if (status === 423) {
    const retryAfter = retryAfterSeconds(headers);
    return new ProviderError({
      ...base,
      code: 'NOT_ALLOWED',
      retryable: true,
      retryAfter,
      message: withTracking(`Webex refused: ${said ?? 'the call is busy with another change, try again shortly'}`, trackingId),
    });
  }
  if (status === 429) {
    const retryAfter = retryAfterSeconds(headers);
    const wait = retryAfter === undefined ? 'shortly' : `in ${retryAfter} s`;
    return new ProviderError({
      ...base,
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfter,
      message: withTracking(`Webex asked Switchboard to slow down: try again ${wait}`, trackingId),
    });
  }
  if (status >= 500) {
    const retryAfter = retryAfterSeconds(headers);
    return new ProviderError({
      ...base,
      code: 'UNAVAILABLE',
      retryable: true,
      retryAfter,
      message: withTracking(`Webex is not available right now (HTTP ${status}${said ? `: ${said}` : ''})`, trackingId),
    });
  }
  return new ProviderError({
    ...base,
    code: 'PROVIDER',
    message: withTracking(`Webex refused the request (HTTP ${status}${said ? `: ${said}` : ''})`, trackingId),
  });
}
