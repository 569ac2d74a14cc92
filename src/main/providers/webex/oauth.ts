/**
 * Webex sign-in: the authorize URL and the whole browser round trip (authorization code + PKCE, RFC
 * 8252 loopback redirect), plus Webex's token endpoint bound to its defaults. The browser is opened
 * through an injected function (the shell passes shell.openExternal), so this never imports electron.
 */
import type { FetchFn } from '../../provider-api/http-client';
import { runBrowserSignIn } from '../../auth/browser-sign-in';
import { exchangeCode, refreshTokens, revokeToken, type OAuthTokens, type TokenEndpointOptions } from '../../auth/token-endpoint';
import type { TokenGrantor } from '../../auth/token-manager';
import { withoutTrailingSlash } from '../../provider-api/base-url';

export { exchangeCode, refreshTokens, revokeToken, type OAuthTokens, type TokenEndpointOptions };

const WEBEX_AUTH_BASE_URL = 'https://webexapis.com/v1';

/** Call control (read/write), who-am-I, and the preferred-answer endpoints (docs/wire/webex-calling.md §6). */
export const WEBEX_DEFAULT_SCOPES: readonly string[] = [
  'spark:calls_read',
  'spark:calls_write',
  'spark:people_read',
  'spark:telephony_config_read',
];

export function webexTokenUrl(authBaseUrl = WEBEX_AUTH_BASE_URL): string {
  return `${withoutTrailingSlash(authBaseUrl)}/access_token`;
}

export interface AuthorizeUrlOptions {
  authBaseUrl?: string;
  clientId: string;
  redirectUri: string;
  scopes?: readonly string[];
  state: string;
  codeChallenge: string;
}

/** GET {base}/authorize?client_id&response_type=code&redirect_uri&scope&state&code_challenge&code_challenge_method=S256 */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const url = new URL(`${withoutTrailingSlash(options.authBaseUrl ?? WEBEX_AUTH_BASE_URL)}/authorize`);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('scope', (options.scopes ?? WEBEX_DEFAULT_SCOPES).join(' '));
  url.searchParams.set('state', options.state);
  url.searchParams.set('code_challenge', options.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export interface BrowserSignInOptions {
  clientId: string;
  clientSecret?: string;
  authBaseUrl?: string;
  scopes?: readonly string[];
  /** Opens the URL in the user's browser (production: shell.openExternal). Never an embedded webview. */
  openBrowser: (url: string) => Promise<void>;
  fetch?: FetchFn;
  /** How long the user has to finish in the browser (default 5 minutes). */
  timeoutMs?: number;
  /** Loopback port (default 0: any free port). Use a fixed one only if the integration registered it. */
  port?: number;
  /** Callback path (default /oauth/callback). */
  callbackPath?: string;
  /** Cancels the sign-in (the user closed the sign-in prompt). */
  signal?: AbortSignal;
}

/**
 * The whole sign-in (src/main/auth/browser-sign-in.ts) bound to Webex's authorize URL and token endpoint.
 * Resolves with tokens for TokenManager.signIn(); rejects with a SignInError or an OAuthError.
 */
export function signInWithBrowser(options: BrowserSignInOptions): Promise<OAuthTokens> {
  return runBrowserSignIn({
    providerName: 'Webex',
    authorizeUrl: (request) =>
      buildAuthorizeUrl({ authBaseUrl: options.authBaseUrl, clientId: options.clientId, scopes: options.scopes, ...request }),
    exchange: (grant) =>
      exchangeCode({
        tokenUrl: webexTokenUrl(options.authBaseUrl),
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        fetch: options.fetch,
        ...grant,
      }),
    openBrowser: options.openBrowser,
    timeoutMs: options.timeoutMs,
    port: options.port,
    callbackPath: options.callbackPath,
    signal: options.signal,
  });
}

export interface WebexGrantorOptions {
  clientId: string;
  clientSecret?: string;
  authBaseUrl?: string;
  fetch?: FetchFn;
  /** Revocation endpoint (default {authBaseUrl}/access_token/revoke, see revokeToken). */
  revokeUrl?: string;
}

/** Webex's token endpoint in the shape TokenManager needs. */
export function createWebexTokenGrantor(options: WebexGrantorOptions): TokenGrantor {
  const endpoint: TokenEndpointOptions = {
    tokenUrl: webexTokenUrl(options.authBaseUrl),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    fetch: options.fetch,
    providerName: 'Webex',
  };
  return {
    refresh: (refreshToken) => refreshTokens({ ...endpoint, refreshToken }),
    revoke: (token, hint) => revokeToken({ ...endpoint, token, tokenTypeHint: hint, revokeUrl: options.revokeUrl }),
  };
}
