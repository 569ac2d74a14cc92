/**
 * Webex sign-in: where its OAuth endpoints are (authorize, access_token, access_token/revoke under the
 * API base, docs/wire/webex-calling.md §6) and its default scopes, bound to the provider-neutral OAuth
 * client (src/main/auth/oauth-endpoints.ts: authorization code + PKCE, RFC 8252 loopback redirect).
 * Without a base the public Webex one is used. The browser is opened through an injected function (the
 * shell passes shell.openExternal), so this never imports electron.
 */
import { oauthEndpoints, type BrowserSignIn } from '../../auth/oauth-endpoints';
import { exchangeCode, refreshTokens, revokeToken, type OAuthTokens, type TokenEndpointOptions } from '../../auth/token-endpoint';
import type { TokenGrantor } from '../../auth/token-manager';
import type { FetchFn } from '../../provider-api/http-client';

export { exchangeCode, refreshTokens, revokeToken, type OAuthTokens, type TokenEndpointOptions };

const WEBEX_AUTH_BASE_URL = 'https://webexapis.com/v1';

/** Call control (read/write), who-am-I, and the preferred-answer endpoints (docs/wire/webex-calling.md §6). */
export const WEBEX_DEFAULT_SCOPES: readonly string[] = [
  'spark:calls_read',
  'spark:calls_write',
  'spark:people_read',
  'spark:telephony_config_read',
];

const WEBEX_OAUTH = oauthEndpoints({
  providerName: 'Webex',
  authorizePath: '/authorize',
  tokenPath: '/access_token',
  revokePath: '/access_token/revoke',
  defaultScopes: WEBEX_DEFAULT_SCOPES,
});

export function webexTokenUrl(authBaseUrl = WEBEX_AUTH_BASE_URL): string {
  return WEBEX_OAUTH.tokenUrl(authBaseUrl);
}

export interface AuthorizeUrlOptions {
  authBaseUrl?: string;
  clientId: string;
  redirectUri: string;
  scopes?: readonly string[];
  state: string;
  codeChallenge: string;
}

/** GET {base}/authorize?response_type=code&client_id&redirect_uri&scope&state&code_challenge&code_challenge_method=S256 */
export function buildAuthorizeUrl({ authBaseUrl = WEBEX_AUTH_BASE_URL, ...request }: AuthorizeUrlOptions): string {
  return WEBEX_OAUTH.authorizeUrl({ server: authBaseUrl, ...request });
}

/** A Webex browser sign-in: the neutral one's options with the API base instead of a server. */
export type BrowserSignInOptions = Omit<BrowserSignIn, 'server'> & { authBaseUrl?: string };

/**
 * The whole sign-in (src/main/auth/browser-sign-in.ts) bound to Webex's authorize URL and token endpoint.
 * Resolves with tokens for TokenManager.signIn(); rejects with a SignInError or an OAuthError.
 */
export function signInWithBrowser({ authBaseUrl = WEBEX_AUTH_BASE_URL, ...options }: BrowserSignInOptions): Promise<OAuthTokens> {
  return WEBEX_OAUTH.signIn({ server: authBaseUrl, ...options });
}

export interface WebexGrantorOptions {
  clientId: string;
  clientSecret?: string;
  authBaseUrl?: string;
  fetch?: FetchFn;
}

/** Webex's token endpoint in the shape TokenManager needs (revocation at {authBaseUrl}/access_token/revoke). */
export function createWebexTokenGrantor({ authBaseUrl = WEBEX_AUTH_BASE_URL, ...client }: WebexGrantorOptions): TokenGrantor {
  return WEBEX_OAUTH.grantor({ server: authBaseUrl, ...client });
}
