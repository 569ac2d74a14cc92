/**
 * What the settings screen shows about the provider account: which provider, how one signs in to it,
 * whether and how the user is signed in, whether secrets can be kept, and the last sign-in problem.
 * The same shape for every provider. Never a token or a secret.
 */
import type { ProviderId } from './domain';
import type { SignInKind } from './providers';

export type SignInMethod = 'browser' | 'pastedToken' | 'credentials' | 'environment';

export interface AccountState {
  provider: ProviderId;
  /** How one signs in to this provider (its descriptor's sign-in kinds). */
  signInKinds: SignInKind[];
  signedIn: boolean;
  method?: SignInMethod;
  /** OAuth providers: the integration's client id (public), from settings or the build; '' when none. */
  clientId: string;
  /** Whether a client secret is saved (never the secret itself). */
  clientSecretSaved: boolean;
  /** OAuth providers: the redirect URI to register in the provider's integration; '' otherwise. */
  redirectUri: string;
  /** Whether the sign-in survives a restart, and why not. */
  persistent: boolean;
  persistenceNote?: string;
  /** A browser sign-in is under way. */
  signingIn: boolean;
  /** The last sign-in problem or sign-out reason, for the user. */
  message?: string;
}
