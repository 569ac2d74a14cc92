/**
 * RingCentral sign-in endpoints (docs/wire/ringcentral-and-bandwidth.md §A1) bound to the generic OAuth
 * client of src/main/auth (oauth-endpoints.ts): the authorize URL (authorization code + PKCE S256; no
 * `scope`: RingCentral ignores it, permissions come from the app registration), the token endpoint for
 * the code exchange, and a TokenGrantor for TokenManager (refresh with rotation, revoke). A PKCE app is a
 * public client: it sends client_id and no secret. The browser round trip runs through an injected
 * opener (the shell passes shell.openExternal); nothing here imports electron.
 */
import { oauthEndpoints, type BrowserSignIn, type CodeGrant, type OAuthClient } from '../../auth/oauth-endpoints';
import type { OAuthTokens } from '../../auth/token-endpoint';
import type { TokenGrantor } from '../../auth/token-manager';

const RINGCENTRAL_OAUTH = oauthEndpoints({
  providerName: 'RingCentral',
  authorizePath: '/restapi/oauth/authorize',
  tokenPath: '/restapi/oauth/token',
  revokePath: '/restapi/oauth/revoke',
});

export function ringCentralTokenUrl(server: string): string {
  return RINGCENTRAL_OAUTH.tokenUrl(server);
}

export function ringCentralRevokeUrl(server: string): string {
  return RINGCENTRAL_OAUTH.revokeUrl(server);
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
  return RINGCENTRAL_OAUTH.authorizeUrl(options);
}

/** The app on one RingCentral server; `clientSecret` only for a confidential app, a PKCE app has none. */
export type RingCentralTokenOptions = OAuthClient;

/** The code from the redirect + the PKCE verifier → tokens. */
export function exchangeRingCentralCode(options: CodeGrant): Promise<OAuthTokens> {
  return RINGCENTRAL_OAUTH.exchange(options);
}

/** RingCentral's token endpoint in the shape TokenManager needs (refresh tokens are single use and rotate). */
export function createRingCentralTokenGrantor(options: RingCentralTokenOptions): TokenGrantor {
  return RINGCENTRAL_OAUTH.grantor(options);
}

/** Loopback port and path are required: RingCentral matches the registered redirect URI exactly. */
export type RingCentralBrowserSignInOptions = Omit<BrowserSignIn, 'clientSecret' | 'scopes' | 'port' | 'callbackPath'> & {
  port: number;
  callbackPath: string;
};

/**
 * The whole sign-in (src/main/auth/browser-sign-in.ts) bound to RingCentral's authorize URL and token
 * endpoint, with no client secret. Rejects with a SignInError (declined, timed out, cancelled …) or an
 * OAuthError.
 */
export function signInToRingCentralWithBrowser(options: RingCentralBrowserSignInOptions): Promise<OAuthTokens> {
  return RINGCENTRAL_OAUTH.signIn(options);
}
