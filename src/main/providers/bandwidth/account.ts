/**
 * The user's Bandwidth account: a credentials sign-in (user id, API token, API secret), checked against
 * Catapult before anything is saved, then kept only encrypted through its ProviderSecrets (not at all
 * where the OS has no secret store: the vault says so). It is the TokenSource the Bandwidth provider
 * reads its credentials from (credentials-token.ts). Environment credentials (SWITCHBOARD_BANDWIDTH_*)
 * sign in without storing anything. The secret is stored with the API base it was checked against
 * (auth/endpoint-bound-secret.ts) and only ever sent there: after the base changes (a development server
 * from the environment) the user enters the credentials again. Must not import electron; never puts a
 * secret in state or messages.
 */
import type { AccountState, SignInMethod } from '../../../shared/account';
import type { SignInKind } from '../../../shared/providers';
import { type Result, err, ok } from '../../../shared/result';
import { bindToEndpoint, hostOf, readBound } from '../../auth/endpoint-bound-secret';
import type { ProviderAccount } from '../../auth/provider-descriptor';
import type { ProviderSecrets } from '../../auth/secrets';
import { createEmitter } from '../../foundation/typed-emitter';
import type { FetchFn } from '../../provider-api/http-client';
import { ProviderError } from '../../provider-api/provider-error';
import type { TokenSource } from '../../provider-api/token-source';
import type { BandwidthCredentials } from './client';
import { basicAuthorization, encodeCredentials } from './credentials-token';
import { withoutTrailingSlash } from '../../provider-api/base-url';

export const BANDWIDTH_SIGN_IN_KINDS = ['credentials'] as const satisfies readonly SignInKind[];

/** The form's keys (ProviderInfo.credentialFields). */
export const CREDENTIAL_KEYS = { userId: 'userId', apiToken: 'apiToken', apiSecret: 'apiSecret' } as const;

export interface BandwidthAccountOptions {
  /** The API base (Catapult's, or SWITCHBOARD_BANDWIDTH_BASE_URL for development). */
  apiBaseUrl: () => string;
  secrets: ProviderSecrets;
  fetch?: FetchFn;
  /** Credentials from the environment: signed in, nothing stored. */
  environment?: BandwidthCredentials;
}

interface Events {
  change: AccountState;
  signedOut: string;
}

const NOT_SIGNED_IN = 'Not signed in to Bandwidth: enter the user id, API token and secret in Settings.';

function shape(values: Record<string, string>): Result<BandwidthCredentials> {
  const userId = (values[CREDENTIAL_KEYS.userId] ?? '').trim();
  const apiToken = (values[CREDENTIAL_KEYS.apiToken] ?? '').trim();
  const apiSecret = (values[CREDENTIAL_KEYS.apiSecret] ?? '').trim();
  if (!/^u-[A-Za-z0-9]{1,64}$/.test(userId))
    return err('BAD_INPUT', 'The user id looks like u-abc123: copy it from the Bandwidth dashboard (Account → API information).');
  if (!/^t-[A-Za-z0-9]{1,128}$/.test(apiToken))
    return err('BAD_INPUT', 'The API token looks like t-abc123: copy it again from the Bandwidth dashboard.');
  if (apiSecret.length < 4 || apiSecret.length > 256 || /\s/.test(apiSecret))
    return err('BAD_INPUT', 'That does not look like an API secret: copy it again from the Bandwidth dashboard.');
  return ok({ userId, apiToken, apiSecret });
}

export function createBandwidthAccount(options: BandwidthAccountOptions): ProviderAccount {
  const emitter = createEmitter<Events>();
  const fetchFn: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  let credentials: BandwidthCredentials | undefined = options.environment;
  let method: SignInMethod | undefined = options.environment ? 'environment' : undefined;
  let checking = false;
  let message: string | undefined;

  function state(): AccountState {
    const s: AccountState = {
      provider: 'bandwidth',
      signInKinds: [...BANDWIDTH_SIGN_IN_KINDS],
      signedIn: credentials !== undefined,
      clientId: '',
      clientSecretSaved: false,
      redirectUri: '',
      persistent: options.secrets.persistence.persistent,
      signingIn: checking,
    };
    if (method) s.method = method;
    if (options.secrets.persistence.reason) s.persistenceNote = options.secrets.persistence.reason;
    if (message) s.message = message;
    return s;
  }
  const changed = (): void => emitter.emit('change', state());

  const tokens: TokenSource = {
    async accessToken() {
      if (credentials) return encodeCredentials(credentials);
      throw new ProviderError({ code: 'AUTH', message: message ?? NOT_SIGNED_IN });
    },
    async refreshAfterUnauthorized() {
      throw new ProviderError({
        code: 'AUTH',
        status: 401,
        message: 'Bandwidth refused the API token and secret: check them in Settings.',
      });
    },
  };

  /** One read Catapult answers only for good credentials (the newest call, if any). */
  async function check(apiBase: string, candidate: BandwidthCredentials): Promise<Result<null>> {
    const url = `${withoutTrailingSlash(apiBase)}/users/${encodeURIComponent(candidate.userId)}/calls?size=1`;
    let response: Response;
    try {
      response = await fetchFn(url, {
        headers: { Authorization: basicAuthorization(candidate), Accept: 'application/json' },
        signal: AbortSignal.timeout(8_000),
      });
    } catch {
      return err('NETWORK', 'Cannot reach Bandwidth to check the credentials: check the network connection.', { retryable: true });
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 401 || response.status === 403)
      return err('AUTH', 'Bandwidth refused these credentials: check the user id, API token and secret.');
    if (response.status === 429)
      return err('RATE_LIMITED', 'Bandwidth is busy (rate limit): try again in a few seconds.', { retryable: true });
    if (!response.ok)
      return err('PROVIDER', `Bandwidth could not check the credentials (HTTP ${response.status}): try again.`, { retryable: true });
    return ok(null);
  }

  return {
    tokens,
    state,
    onChange: (listener) => emitter.on('change', listener),
    onSignedOut: (listener) => emitter.on('signedOut', listener),

    async restore() {
      if (method === 'environment') {
        changed();
        return;
      }
      const stored = await options.secrets.get('apiToken');
      const apiBase = options.apiBaseUrl();
      const apiSecret = readBound(await options.secrets.get('apiSecret'), apiBase);
      if (stored && apiSecret.status === 'here') {
        try {
          const parsed = JSON.parse(stored) as { userId?: unknown; apiToken?: unknown };
          if (typeof parsed.userId === 'string' && typeof parsed.apiToken === 'string') {
            credentials = { userId: parsed.userId, apiToken: parsed.apiToken, apiSecret: apiSecret.value };
            method = 'credentials';
          }
        } catch {
          // An unreadable entry is as good as none: the user signs in again.
        }
      } else if (apiSecret.status === 'elsewhere') {
        message = `Your saved Bandwidth credentials belong to another API server, so Switchboard does not send them to ${hostOf(apiBase)}: enter them again.`;
      } else if (apiSecret.status === 'unbound') {
        message = 'Enter your Bandwidth credentials again: Switchboard now keeps them with the server they belong to.';
      }
      changed();
    },

    cancelSignIn() {
      // A credentials check is one short request: nothing to cancel.
    },

    async useCredentials(values) {
      const shaped = shape(values);
      if (!shaped.ok) return shaped;
      checking = true;
      message = undefined;
      changed();
      try {
        // Checked against one API base and kept with it: the secret is never sent to another.
        const apiBase = options.apiBaseUrl();
        const checked = await check(apiBase, shaped.value);
        if (!checked.ok) {
          message = checked.error.message;
          return checked;
        }
        const { userId, apiToken, apiSecret } = shaped.value;
        // The user id is not secret, but it only means something with the token: kept beside it.
        await options.secrets.set('apiToken', JSON.stringify({ userId, apiToken }));
        await options.secrets.set('apiSecret', bindToEndpoint(apiSecret, apiBase));
        credentials = shaped.value;
        method = 'credentials';
        return ok(null);
      } finally {
        checking = false;
        changed();
      }
    },

    async signOut() {
      credentials = undefined;
      method = undefined;
      await options.secrets.wipe();
      message = 'Signed out.';
      emitter.emit('signedOut', message);
      changed();
    },
  };
}
