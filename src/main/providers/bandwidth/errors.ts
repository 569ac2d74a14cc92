/**
 * Turns a non-2xx Catapult answer (`{category, code, message}`, docs/wire/ringcentral-and-bandwidth.md
 * §B6) into a ProviderError a person can read, keeping Bandwidth's own words. A 403 that is neither a
 * state refusal, the call-creation rate limit nor a refusal whose code names its reason means the API credentials lack access to what was asked
 * for: it names that resource (from the refused request) and says what to check. Pure: reads only the
 * status, body, headers and request it is given; the waiting on rate limits is rate-gate.ts's job.
 */
import type { RefusedRequest } from '../../provider-api/http-client';
import { ProviderError } from '../../provider-api/provider-error';
import { type WireErrorBody, errorBodySchema } from './wire';
import { readErrorBody } from '../../provider-api/error-body';
import { sentenceSized } from '../../provider-api/sentence-sized';

/** Codes whose meaning deserves our own sentence rather than Bandwidth's. */
const PLAIN_WORDS: Record<string, string> = {
  'call-invalid-state': 'the call is not in a state that allows this',
  'call-update-conflict': 'the call is being changed by another request, try again',
  'call-audio-invalid-state': 'audio can be played only on an answered call',
  'call-duplicate-gather-error': 'the call is already collecting digits',
  'invalid-call-to-number': 'that number cannot be called',
  'number-access-denied': 'the calling number does not belong to this account',
  'conference-max-members': 'the conference is full',
  'bridge-callIds-overflow': 'a bridge joins at most two calls',
};

const NOT_FOUND_CODES = new Set([
  'call-not-found',
  'call-id-not-found',
  'conference-not-found',
  'conference-member-not-found',
  'recording-not-found',
  'gather-not-found',
  'bridge-not-found',
  'transcription-not-found',
]);

/**
 * Codes that mean "not in this state" or "busy with another change", whatever status carries them:
 * docs/wire/ringcentral-and-bandwidth.md has call-invalid-state as a 400 (§B3) and, from Catapult's own
 * error list (its APDOCS source), as a 403.
 */
const STATE_CODES = new Set([
  'call-invalid-state',
  'call-audio-invalid-state',
  'call-update-conflict',
  'call-duplicate-gather-error',
  'conference-error',
  'conference-update-conflict',
  'conference-member-update-conflict',
  'bridge-invalid-state',
  'bridge-invalid-operation',
  'bridge-bridged-callId',
  'bridge-update-conflict',
  'invalid-recording-state',
  'conflicted-recording-values-request',
]);

/** Codes that mean the request itself was wrong. */
const INPUT_CODES = new Set(['validation-error', 'invalid-call-to-number', 'callback-invalid-url', 'callback-url-invalid']);

/** Bandwidth's explanation, one line and sentence-sized (python-bandwidth keeps 79 characters of a text body). */
function said(parsed: WireErrorBody, text: string | undefined): string | undefined {
  return sentenceSized(parsed.message ?? text);
}

/**
 * X-RateLimit-Reset as epoch milliseconds. Catapult sends epoch ms (docs/wire/ringcentral-and-bandwidth.md
 * §B6); its error list only says "UNIX timestamp", so a value too small to be milliseconds is read as
 * seconds.
 */
export function rateLimitResetAt(headers: Headers): number | undefined {
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return reset < 100_000_000_000 ? reset * 1000 : reset;
}

/** Seconds from `now` until X-RateLimit-Reset, rounded up. */
export function resetSeconds(headers: Headers, now: number): number | undefined {
  const reset = rateLimitResetAt(headers);
  return reset === undefined ? undefined : Math.max(0, Math.ceil((reset - now) / 1000));
}

/**
 * What a refused request asked for, in the user's words: Catapult's resource under `/users/{userId}/`
 * (calls, conferences, bridges, recordings…), or undefined when the path names none.
 */
function resourceOf(request: RefusedRequest): string | undefined {
  return /^\/?users\/[^/]+\/([a-z]+)/.exec(request.path.split('?')[0] ?? '')?.[1];
}

/**
 * Whether a 401 refused the API credentials. Catapult also answers 401 `number-access-denied` when a
 * call is placed from a number that is not the account's (docs/wire/ringcentral-and-bandwidth.md §B):
 * the credentials are fine, so the user must not be signed out for it.
 */
export function refusesCredentials(body: unknown): boolean {
  return readErrorBody(body, errorBodySchema).parsed.code !== 'number-access-denied';
}

/**
 * An `ErrorDescriber` for createHttpClient: Catapult status + body + headers → ProviderError. `request`
 * (the operation refused) names what the credentials could not reach on a 403.
 */
export function describeBandwidthError(
  status: number,
  body: unknown,
  headers: Headers,
  now: number = Date.now(),
  request?: RefusedRequest,
): ProviderError {
  const { parsed, text } = readErrorBody(body, errorBodySchema);
  const code = parsed.code;
  const words = (code && PLAIN_WORDS[code]) ?? said(parsed, text);
  const suffix = code ? ` [${code}]` : '';
  const base = { status };
  if (code === 'call-rate-limit') {
    return new ProviderError({
      ...base,
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfter: 10,
      message: 'Bandwidth refused: calls are being placed too fast (at most one a second); try again in a few seconds.',
    });
  }
  if (status === 429) {
    const retryAfter = resetSeconds(headers, now);
    const wait = retryAfter === undefined ? 'shortly' : `in ${retryAfter} s`;
    return new ProviderError({
      ...base,
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfter,
      message: `Bandwidth asked Switchboard to slow down: try again ${wait}.`,
    });
  }
  if (status === 401 && !refusesCredentials(body)) {
    return new ProviderError({
      ...base,
      code: 'BAD_INPUT',
      message: `Bandwidth refused: ${words ?? 'the calling number does not belong to this account'}${suffix}. Check your Bandwidth number in Settings.`,
    });
  }
  if (status === 401) {
    return new ProviderError({
      ...base,
      code: 'AUTH',
      message: 'Bandwidth refused the API token and secret (or the user id): check them in Settings.',
    });
  }
  if ((code && NOT_FOUND_CODES.has(code)) || status === 404) {
    return new ProviderError({ ...base, code: 'NOT_FOUND', message: `Bandwidth refused: ${words ?? 'not found'}${suffix}.` });
  }
  if (code && INPUT_CODES.has(code)) {
    return new ProviderError({
      ...base,
      code: 'BAD_INPUT',
      message: `Bandwidth refused the request: ${words ?? 'a value was not valid'}${suffix}.`,
    });
  }
  if ((code && STATE_CODES.has(code)) || status === 400 || status === 409) {
    return new ProviderError({
      ...base,
      code: 'NOT_ALLOWED',
      retryable: status === 409,
      message: `Bandwidth refused: ${words ?? 'not allowed in the current state'}${suffix}.`,
    });
  }
  if (status === 403 && code && PLAIN_WORDS[code]) {
    // A 403 whose code names its reason (§B6: a full conference, a bridge of more than two calls) is that
    // reason: the credentials reached the resource, so nothing about access may be said.
    return new ProviderError({ ...base, code: 'PROVIDER', message: `Bandwidth refused: ${words}${suffix}.` });
  }
  if (status === 403) {
    // Access refused (§B6 has no code for it): the advice comes before Bandwidth's words, so a long
    // body cut at the message's length limit loses its own end, never what to do.
    const resource = request ? resourceOf(request) : undefined;
    const what = resource ?? 'this resource';
    return new ProviderError({
      ...base,
      code: 'PROVIDER',
      missingPermission: resource === undefined ? undefined : `access to ${resource}`,
      message: `Bandwidth refused access to ${what}: your API token and secret lack access to it. Check the user id, API token and secret in Settings, or ask your Bandwidth account administrator for access. Bandwidth said: ${words ?? 'forbidden'}${suffix}.`,
    });
  }
  if (status >= 500) {
    return new ProviderError({
      ...base,
      code: 'UNAVAILABLE',
      retryable: true,
      message: `Bandwidth is not available right now (HTTP ${status}${words ? `: ${words}` : ''}).`,
    });
  }
  return new ProviderError({
    ...base,
    code: 'PROVIDER',
    message: `Bandwidth refused the request (HTTP ${status}${words ? `: ${words}` : ''})${suffix}.`,
  });
}
