/**
 * The user's Webex account: the provider-neutral OAuth account (src/main/auth/oauth-account.ts)
 * configured for Webex: OAuth + PKCE in the system browser with an optional client secret, or a pasted
 * personal access token checked against /people/me. It is the TokenSource the Webex provider uses. Must
 * not import electron: the shell passes the browser opener, the vault and net.fetch in.
 */
import type { SignInKind } from '../../../shared/providers';
import { createOAuthAccount, type OAuthAccountDeps, type OAuthAccountWithSecret } from '../../auth/oauth-account';
import { createWebexTokenGrantor, signInWithBrowser, webexTokenUrl } from './oauth';
import { withoutTrailingSlash } from '../../provider-api/base-url';

/** The loopback port to register in the Webex integration (Webex matches the redirect URI exactly). */
export const WEBEX_REDIRECT_PORT = 47613;
export const WEBEX_CALLBACK_PATH = '/oauth/callback';
/** Browser sign-in (PKCE, plus the integration's client secret where it has one) or a pasted token. */
export const WEBEX_SIGN_IN_KINDS = ['oauthPkce', 'oauthClientSecret', 'pastedToken'] as const satisfies readonly SignInKind[];

export interface WebexAccountOptions extends OAuthAccountDeps {
  /** Where Webex's OAuth lives (the API base: https://webexapis.com/v1, or a simulator named by the environment). */
  authBaseUrl: () => string;
  /** The API base, for checking a pasted token against /people/me. */
  apiBaseUrl: () => string;
}

/** The Webex account: every sign-in Webex offers (browser, pasted token) and its client secret. */
export type WebexAccount = OAuthAccountWithSecret;

const WEBEX_WORDS = { displayName: 'Webex', appNoun: 'integration', callbackPath: WEBEX_CALLBACK_PATH } as const;

export function createWebexAccount(options: WebexAccountOptions): WebexAccount {
  return createOAuthAccount({
    ...options,
    ...WEBEX_WORDS,
    provider: 'webex',
    signInKinds: WEBEX_SIGN_IN_KINDS,
    defaultRedirectPort: WEBEX_REDIRECT_PORT,
    clientSecret: true,
    authServer: options.authBaseUrl,
    tokenUrl: webexTokenUrl,
    createGrantor: ({ server, clientId, clientSecret, fetch }) =>
      createWebexTokenGrantor({ clientId, clientSecret, authBaseUrl: server, fetch }),
    authorize: ({ server, ...request }) => signInWithBrowser({ ...request, authBaseUrl: server }),
    pastedToken: {
      minLength: 20,
      tokensName: 'personal access tokens',
      lifetime: '12 hours',
      copyFrom: 'developer.webex.com',
      verifyUrl: () => `${withoutTrailingSlash(options.apiBaseUrl())}/people/me`,
    },
  });
}
