/**
 * What the settings screen shows about the provider account: whether and how the user is signed in,
 * whether secrets can be kept, and the last sign-in problem. Never a token or a secret.
 */
export type SignInMethod = 'browser' | 'pastedToken' | 'environment';

export interface AccountState {
  provider: 'webex';
  signedIn: boolean;
  method?: SignInMethod;
  /** The integration's client id (public), from settings or the build. */
  clientId: string;
  /** Whether a client secret is saved (never the secret itself). */
  clientSecretSaved: boolean;
  /** The redirect URI to register in the Webex integration. */
  redirectUri: string;
  /** Whether the sign-in survives a restart, and why not. */
  persistent: boolean;
  persistenceNote?: string;
  /** A browser sign-in is under way. */
  signingIn: boolean;
  /** The last sign-in problem or sign-out reason, for the user. */
  message?: string;
}
