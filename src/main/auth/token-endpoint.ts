/**
 * The OAuth 2 token endpoint, client side (RFC 6749 §4.1.3, §6; RFC 7009 for revocation): exchange a
 * code, refresh, revoke. Form-encoded POSTs through an injectable fetch, answers parsed with zod,
 * every failure turned into an OAuthError whose message never contains a token, code or secret.
 * Must not import electron: the shell passes Electron's net.fetch in through `fetch`.
 */
import { z } from 'zod';
import type { FetchFn } from '../provider-api/http-client';
import { OAuthError } from './sign-in-errors';
import { withoutTrailingSlash } from '../provider-api/base-url';

export interface TokenEndpointOptions {
  /** e.g. https://webexapis.com/v1/access_token */
  tokenUrl: string;
  clientId: string;
  /** Webex lists the secret as required even with PKCE; other providers' public clients have none. */
  clientSecret?: string;
  fetch?: FetchFn;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Used in messages (default "Webex"). */
  providerName?: string;
}

/** What a token endpoint grants; lifetimes are relative to the moment the answer arrived. */
export interface OAuthTokens {
  accessToken: string;
  expiresInS: number;
  refreshToken: string;
  refreshTokenExpiresInS?: number;
  tokenType: string;
  scope?: string;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().positive().optional(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
});

/** RFC 6749 §5.2 errors and Webex's usual `{message, errors[], trackingId}` envelope: either may come. */
const errorBodySchema = z.looseObject({
  error: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(z.looseObject({ description: z.string().optional() })).optional(),
  trackingId: z.string().optional(),
});

type Grant = 'authorization_code' | 'refresh_token';

/** Removes every secret we sent from text the server chose (a description may echo a parameter). */
function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  const printable = out
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return printable.length > 300 ? `${printable.slice(0, 300)}…` : printable;
}

function withTracking(message: string, trackingId: string | undefined): string {
  return trackingId ? `${message} (tracking ID ${trackingId})` : message;
}

function describeHttpFailure(
  grant: Grant,
  status: number,
  bodyText: string,
  headers: Headers,
  providerName: string,
  secrets: readonly (string | undefined)[],
): OAuthError {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  const parsed = json === undefined ? undefined : errorBodySchema.safeParse(json);
  const body = parsed?.success ? parsed.data : undefined;
  const trackingId = body?.trackingId ?? headers.get('trackingid') ?? undefined;
  const rawDetail = body?.error_description ?? body?.errors?.find((e) => e.description)?.description ?? body?.message ?? '';
  const detail = redact(rawDetail, secrets);

  if (status === 429) {
    return new OAuthError({
      code: 'RATE_LIMITED',
      status,
      trackingId,
      retryable: true,
      message: withTracking(`${providerName} asked Switchboard to slow down while signing in: try again in a moment.`, trackingId),
    });
  }
  if (status >= 500) {
    return new OAuthError({
      code: 'UNAVAILABLE',
      status,
      trackingId,
      retryable: true,
      message: withTracking(`The ${providerName} sign-in service is unavailable (HTTP ${status}): try again later.`, trackingId),
    });
  }

  // A JSON refusal without an RFC `error` field is Webex's own envelope: a 400 there means the code or
  // refresh token is not (or no longer) valid ("The refresh token provided is expired, revoked,
  // malformed, or invalid"), a 401 that the client credentials are wrong [inferred].
  const oauthCode = body?.error ?? (body ? (status === 401 ? 'invalid_client' : status === 400 ? 'invalid_grant' : undefined) : undefined);
  switch (oauthCode) {
    case 'invalid_grant':
      return new OAuthError({
        code: 'AUTH',
        status,
        trackingId,
        oauthCode,
        message:
          grant === 'refresh_token'
            ? `Your ${providerName} sign-in has expired: sign in again.`
            : withTracking(
                `${providerName} refused the sign-in code (it expired, was already used or does not match this sign-in): sign in again.`,
                trackingId,
              ),
      });
    case 'invalid_client':
    case 'unauthorized_client':
      return new OAuthError({
        code: 'AUTH',
        status,
        trackingId,
        oauthCode,
        message: withTracking(
          `${providerName} refused Switchboard's client credentials (${oauthCode}): check the client ID and secret.`,
          trackingId,
        ),
      });
    case undefined:
      return new OAuthError({
        code: 'PROVIDER',
        status,
        trackingId,
        message: withTracking(`${providerName} refused the token request (HTTP ${status}).`, trackingId),
      });
    default:
      return new OAuthError({
        code: 'PROVIDER',
        status,
        trackingId,
        oauthCode,
        message: withTracking(
          `${providerName} refused the token request (${redact(oauthCode, secrets)})${detail ? `: ${detail}` : '.'}`,
          trackingId,
        ),
      });
  }
}

async function postForm(options: TokenEndpointOptions, form: Record<string, string | undefined>, timeoutMs: number): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
  const doFetch: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  return doFetch(options.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

async function requestTokens(
  options: TokenEndpointOptions,
  grant: Grant,
  form: Record<string, string | undefined>,
  secrets: readonly (string | undefined)[],
): Promise<Omit<OAuthTokens, 'refreshToken'> & { refreshToken?: string }> {
  const providerName = options.providerName ?? 'Webex';
  const timeoutMs = options.timeoutMs ?? 15_000;
  let response: Response;
  let text: string;
  try {
    response = await postForm(
      options,
      { grant_type: grant, client_id: options.clientId, client_secret: options.clientSecret, ...form },
      timeoutMs,
    );
    text = await response.text();
  } catch (error) {
    if (isTimeout(error)) {
      throw new OAuthError({
        code: 'TIMEOUT',
        retryable: true,
        message: `The ${providerName} sign-in service did not answer in time: try again.`,
        cause: error,
      });
    }
    throw new OAuthError({
      code: 'NETWORK',
      retryable: true,
      message: `Cannot reach the ${providerName} sign-in service: check the network connection.`,
      cause: error,
    });
  }
  if (!response.ok)
    throw describeHttpFailure(grant, response.status, text, response.headers, providerName, [...secrets, options.clientSecret]);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OAuthError({
      code: 'BAD_RESPONSE',
      status: response.status,
      message: `The ${providerName} sign-in service sent an answer Switchboard cannot read (not JSON).`,
    });
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    // Name the field only: the values are tokens.
    const field = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new OAuthError({
      code: 'BAD_RESPONSE',
      status: response.status,
      message: `The ${providerName} sign-in service sent an answer Switchboard cannot read (${field} is missing or invalid).`,
    });
  }
  const data = parsed.data;
  if (data.token_type !== undefined && data.token_type.toLowerCase() !== 'bearer') {
    throw new OAuthError({
      code: 'BAD_RESPONSE',
      status: response.status,
      message: `The ${providerName} sign-in service issued a token type Switchboard cannot use (${redact(data.token_type, [])}).`,
    });
  }
  return {
    accessToken: data.access_token,
    expiresInS: data.expires_in,
    refreshToken: data.refresh_token,
    refreshTokenExpiresInS: data.refresh_token_expires_in,
    tokenType: data.token_type ?? 'Bearer',
    scope: data.scope,
  };
}

/** Authorization code + PKCE verifier → tokens (RFC 6749 §4.1.3, RFC 7636 §4.5). */
export async function exchangeCode(
  options: TokenEndpointOptions & { code: string; redirectUri: string; codeVerifier: string },
): Promise<OAuthTokens> {
  const { code, redirectUri, codeVerifier } = options;
  const tokens = await requestTokens(options, 'authorization_code', { code, redirect_uri: redirectUri, code_verifier: codeVerifier }, [
    code,
    codeVerifier,
  ]);
  if (!tokens.refreshToken) {
    throw new OAuthError({
      code: 'BAD_RESPONSE',
      message: `The ${options.providerName ?? 'Webex'} sign-in service issued no refresh token, so Switchboard could not stay signed in.`,
    });
  }
  return { ...tokens, refreshToken: tokens.refreshToken };
}

/**
 * Refresh token → new tokens (RFC 6749 §6). With rotation the answer carries a new refresh token and
 * the old one is dead; a server that does not rotate omits it and the old one stays valid.
 */
export async function refreshTokens(options: TokenEndpointOptions & { refreshToken: string }): Promise<OAuthTokens> {
  const tokens = await requestTokens(options, 'refresh_token', { refresh_token: options.refreshToken }, [options.refreshToken]);
  return { ...tokens, refreshToken: tokens.refreshToken ?? options.refreshToken };
}

/**
 * Best-effort revocation (RFC 7009) with a short timeout. Resolves true when the server confirmed,
 * false on any failure: sign-out never waits on or fails because of the provider.
 * Webex documents no user-level revocation endpoint [unconfirmed]; the default URL is the token URL
 * + "/revoke", which the simulator serves.
 */
export async function revokeToken(
  options: TokenEndpointOptions & { token: string; tokenTypeHint?: 'refresh_token' | 'access_token'; revokeUrl?: string },
): Promise<boolean> {
  try {
    const response = await postForm(
      { ...options, tokenUrl: options.revokeUrl ?? `${withoutTrailingSlash(options.tokenUrl)}/revoke` },
      { token: options.token, token_type_hint: options.tokenTypeHint, client_id: options.clientId, client_secret: options.clientSecret },
      options.timeoutMs ?? 3_000,
    );
    await response.body?.cancel().catch(() => undefined);
    return response.ok;
  } catch {
    return false;
  }
}
