/**
 * A provider's OAuth endpoints on a sign-in server, built from its paths: the authorize URL
 * (authorization code + PKCE S256, and `scope` when the provider takes one), the token and revoke URLs,
 * the code exchange, the TokenGrantor the TokenManager needs, and the browser round trip
 * (browser-sign-in.ts) bound to them. A provider's oauth.ts says only where its endpoints are
 * (providers/webex/oauth.ts, providers/ringcentral/oauth.ts). Provider-neutral: must not import a
 * provider, the runtime or electron.
 */
import type { FetchFn } from '../provider-api/http-client';
import { withoutTrailingSlash } from '../provider-api/base-url';
import { type BrowserSignInFlow, runBrowserSignIn } from './browser-sign-in';
import { exchangeCode, type OAuthTokens, refreshTokens, revokeToken, type TokenEndpointOptions } from './token-endpoint';
import type { TokenGrantor } from './token-manager';

/** Where a provider's OAuth endpoints are, as paths under its sign-in server (which may carry a path, e.g. /v1). */
export interface OAuthPaths {
  /** In messages and on the redirect page, e.g. "Webex". */
  providerName: string;
  authorizePath: string;
  tokenPath: string;
  revokePath: string;
  /**
   * The scopes asked for when the caller names none. Absent: no `scope` parameter at all (RingCentral
   * ignores it; the app registration grants the permissions).
   */
  defaultScopes?: readonly string[];
}

/** The app as one sign-in server knows it. */
export interface OAuthClient {
  server: string;
  clientId: string;
  /** Only for a confidential client; a PKCE public client sends none. */
  clientSecret?: string;
  fetch?: FetchFn;
}

export interface AuthorizeRequest {
  server: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes?: readonly string[];
}

export type CodeGrant = OAuthClient & { code: string; redirectUri: string; codeVerifier: string };

/** A browser sign-in: the client, plus the round trip's settings (browser-sign-in.ts `BrowserSignInFlow`). */
export type BrowserSignIn = OAuthClient &
  Pick<BrowserSignInFlow, 'openBrowser' | 'timeoutMs' | 'port' | 'callbackPath' | 'signal'> & { scopes?: readonly string[] };

export interface OAuthEndpoints {
  tokenUrl(server: string): string;
  revokeUrl(server: string): string;
  /** GET {server}{authorizePath}?response_type=code&client_id&redirect_uri[&scope]&state&code_challenge&code_challenge_method=S256 */
  authorizeUrl(request: AuthorizeRequest): string;
  /** The code from the redirect + the PKCE verifier → tokens (rejects with an OAuthError). */
  exchange(grant: CodeGrant): Promise<OAuthTokens>;
  /** The token endpoint in the shape TokenManager needs: refresh (with rotation) and revoke. */
  grantor(client: OAuthClient): TokenGrantor;
  /** The whole browser sign-in; rejects with a SignInError (declined, timed out, cancelled …) or an OAuthError. */
  signIn(options: BrowserSignIn): Promise<OAuthTokens>;
}

export function oauthEndpoints(paths: OAuthPaths): OAuthEndpoints {
  const at = (server: string, path: string): string => `${withoutTrailingSlash(server)}${path}`;
  const tokenUrl = (server: string): string => at(server, paths.tokenPath);
  const revokeUrl = (server: string): string => at(server, paths.revokePath);
  const tokenEndpoint = (client: OAuthClient): TokenEndpointOptions => ({
    tokenUrl: tokenUrl(client.server),
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    fetch: client.fetch,
    providerName: paths.providerName,
  });

  const authorizeUrl = (request: AuthorizeRequest): string => {
    const url = new URL(at(request.server, paths.authorizePath));
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', request.clientId);
    url.searchParams.set('redirect_uri', request.redirectUri);
    const scopes = request.scopes ?? paths.defaultScopes;
    if (scopes) url.searchParams.set('scope', scopes.join(' '));
    url.searchParams.set('state', request.state);
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    return url.toString();
  };

  const exchange = ({ code, redirectUri, codeVerifier, ...client }: CodeGrant): Promise<OAuthTokens> =>
    exchangeCode({ ...tokenEndpoint(client), code, redirectUri, codeVerifier });

  return {
    tokenUrl,
    revokeUrl,
    authorizeUrl,
    exchange,
    grantor(client) {
      const endpoint = tokenEndpoint(client);
      return {
        refresh: (refreshToken) => refreshTokens({ ...endpoint, refreshToken }),
        revoke: (token, hint) => revokeToken({ ...endpoint, token, tokenTypeHint: hint, revokeUrl: revokeUrl(client.server) }),
      };
    },
    signIn({ openBrowser, timeoutMs, port, callbackPath, signal, scopes, ...client }) {
      return runBrowserSignIn({
        providerName: paths.providerName,
        authorizeUrl: (request) => authorizeUrl({ server: client.server, clientId: client.clientId, scopes, ...request }),
        exchange: (grant) => exchange({ ...client, ...grant }),
        openBrowser,
        timeoutMs,
        port,
        callbackPath,
        signal,
      });
    },
  };
}
