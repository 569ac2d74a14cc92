/**
 * How the HTTP layer gets a bearer token without knowing where it comes from (a pasted token, an env
 * override, or the OAuth token manager). Must not import electron.
 */
import { ProviderError } from './provider-error';

export interface TokenSource {
  /** The current access token; may refresh ahead of expiry. Throws a ProviderError('AUTH') when signed out. */
  accessToken(): Promise<string>;
  /**
   * Called once after a 401 with the token that was refused: refresh (single-flight) and return a new
   * token, or throw a ProviderError('AUTH') when no better token can be had.
   */
  refreshAfterUnauthorized(refused: string): Promise<string>;
}

/** A fixed token (personal access token, SWITCHBOARD_*_TOKEN, the demo): a 401 means signed out. */
export function staticTokenSource(token: string, providerName: string): TokenSource {
  return {
    accessToken: async () => token,
    refreshAfterUnauthorized: async () => {
      throw new ProviderError({ code: 'AUTH', status: 401, message: `${providerName} refused the access token: sign in again.` });
    },
  };
}
