/**
 * RingCentral sign-in endpoints (docs/wire/ringcentral-and-bandwidth.md §A1) bound to the generic OAuth
 * client of src/main/auth: the authorize URL (authorization code + PKCE S256; RingCentral ignores
 * `scope`, permissions come from the app registration), the token endpoint for the code exchange, and a
 * TokenGrantor for TokenManager (refresh with rotation, revoke). A PKCE app is a public client: it sends
 * client_id and no secret. The browser round trip runs through an injected opener (the shell passes
 * shell.openExternal); nothing here imports electron.
 */
import type { FetchFn } from '../../provider-api/http-client';
import { exchangeCode, refreshTokens, revokeToken, type OAuthTokens, type TokenEndpointOptions } from '../../auth/token-endpoint';
import type { TokenGrantor } from '../../auth/token-manager';
import { runBrowserSignIn } from '../../auth/browser-sign-in';
import { withoutTrailingSlash } from '../../provider-api/base-url';

export function ringCentralTokenUrl(server: string): string {
  return `${withoutTrailingSlash(server)}/restapi/oauth/token`;
}

export function ringCentralRevokeUrl(server: string): string {
  return `${withoutTrailingSlash(server)}/restapi/oauth/revoke`;
}

export interface RingCentralAuthorizeOptions {
  server: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

/** GET {server}/restapi/oauth/authorize?response_type=code&client_id&redirect_uri&state&code_challenge&code_challenge_method=S256 */
export function buildRingCentralAuthorizeUrl(options: RingCentralAuthorizeOptions): string {
  const url = new URL(`${withoutTrailingSlash(options.server)}/restapi/oauth/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('state', options.state);
  url.searchParams.set('code_challenge', options.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export interface RingCentralTokenOptions {
  server: string;
  clientId: string;
  /** Only for a confidential app; a PKCE app has none. */
  clientSecret?: string;
  fetch?: FetchFn;
}

function endpoint(options: RingCentralTokenOptions): TokenEndpointOptions {
  return {
    tokenUrl: ringCentralTokenUrl(options.server),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    fetch: options.fetch,
    providerName: 'RingCentral',
  };
}

/** The code from the redirect + the PKCE verifier → tokens. */
export function exchangeRingCentralCode(
  options: RingCentralTokenOptions & { code: string; redirectUri: string; codeVerifier: string },
): Promise<OAuthTokens> {
  return exchangeCode({ ...endpoint(options), code: options.code, redirectUri: options.redirectUri, codeVerifier: options.codeVerifier });
}

/** RingCentral's token endpoint in the shape TokenManager needs (refresh tokens are single use and rotate). */
export function createRingCentralTokenGrantor(options: RingCentralTokenOptions): TokenGrantor {
  const base = endpoint(options);
  return {
    refresh: (refreshToken) => refreshTokens({ ...base, refreshToken }),
    revoke: (token, hint) => revokeToken({ ...base, token, tokenTypeHint: hint, revokeUrl: ringCentralRevokeUrl(options.server) }),
  };
}

export interface RingCentralBrowserSignInOptions {
  server: string;
  clientId: string;
  /** Opens the URL in the user's browser (production: shell.openExternal). Never an embedded webview. */
  openBrowser: (url: string) => Promise<void>;
  fetch?: FetchFn;
  /** Loopback port: RingCentral matches the registered redirect URI exactly, so a fixed one. */
  port: number;
  callbackPath: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * The whole sign-in (src/main/auth/browser-sign-in.ts) bound to RingCentral's authorize URL and token
 * endpoint, with no client secret. Rejects with a SignInError (declined, timed out, cancelled …) or an
 * OAuthError.
 */
export function signInToRingCentralWithBrowser(options: RingCentralBrowserSignInOptions): Promise<OAuthTokens> {
  return runBrowserSignIn({
    providerName: 'RingCentral',
    authorizeUrl: (request) => buildRingCentralAuthorizeUrl({ server: options.server, clientId: options.clientId, ...request }),
    exchange: (grant) => exchangeRingCentralCode({ server: options.server, clientId: options.clientId, fetch: options.fetch, ...grant }),
    openBrowser: options.openBrowser,
    timeoutMs: options.timeoutMs,
    port: options.port,
    callbackPath: options.callbackPath,
    signal: options.signal,
  });
}
