/**
 * The user's RingCentral account: the provider-neutral OAuth account (src/main/auth/oauth-account.ts)
 * configured for RingCentral: authorization code + PKCE in the system browser (no client secret), or a
 * pasted access token checked against the caller's extension and revoked when replaced or signed out
 * (best effort). It is the TokenSource the RingCentral provider uses. Must not import electron: the
 * shell passes the browser opener, the vault and net.fetch in.
 */
import type { SignInKind } from '../../../shared/providers';
import { createOAuthAccount, type OAuthAccountDeps, type OAuthAccount } from '../../auth/oauth-account';
import { revokeToken } from '../../auth/token-endpoint';
import { createRingCentralTokenGrantor, ringCentralRevokeUrl, ringCentralTokenUrl, signInToRingCentralWithBrowser } from './oauth';
import { withoutTrailingSlash } from '../../provider-api/base-url';

/** The loopback port to register in the RingCentral app (RingCentral matches the redirect URI exactly). */
export const RINGCENTRAL_REDIRECT_PORT = 47614;
export const RINGCENTRAL_CALLBACK_PATH = '/oauth/callback';
export const RINGCENTRAL_SIGN_IN_KINDS = ['oauthPkce', 'pastedToken'] as const satisfies readonly SignInKind[];

export interface RingCentralAccountOptions extends OAuthAccountDeps {
  /** The platform server (production or .biz as chosen, or a development server named by the environment). */
  server: () => string;
}

export type RingCentralAccount = OAuthAccount;

const RINGCENTRAL_WORDS = {
  displayName: 'RingCentral',
  appNoun: 'app',
  callbackPath: RINGCENTRAL_CALLBACK_PATH,
  redirectErrorCode: 'OAU-109',
  serverInSettings: true,
} as const;

export function createRingCentralAccount(options: RingCentralAccountOptions): RingCentralAccount {
  return createOAuthAccount({
    ...options,
    ...RINGCENTRAL_WORDS,
    provider: 'ringcentral',
    signInKinds: RINGCENTRAL_SIGN_IN_KINDS,
    defaultRedirectPort: RINGCENTRAL_REDIRECT_PORT,
    authServer: options.server,
    tokenUrl: ringCentralTokenUrl,
    createGrantor: ({ server, clientId, fetch }) => createRingCentralTokenGrantor({ server, clientId, fetch }),
    // No client secret here: RingCentral's PKCE app is a public client (createOAuthAccount passes none without `clientSecret`).
    authorize: ({ server, clientSecret: _none, ...request }) => signInToRingCentralWithBrowser({ ...request, server }),
    pastedToken: {
      minLength: 8,
      tokensName: 'access tokens',
      lifetime: 'an hour',
      verifyUrl: () => `${withoutTrailingSlash(options.server())}/restapi/v1.0/account/~/extension/~`,
      verifyHeaders: { Accept: 'application/json' },
      // Revoking a pasted token ends its RingCentral session; best effort (revokeToken never throws, §A1: ignore errors).
      revoke: async (token, fetch) => {
        await revokeToken({
          tokenUrl: ringCentralTokenUrl(options.server()),
          revokeUrl: ringCentralRevokeUrl(options.server()),
          clientId: options.clientId(),
          fetch,
          token,
          tokenTypeHint: 'access_token',
          providerName: 'RingCentral',
        });
      },
    },
  });
}
