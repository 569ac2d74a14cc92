/**
 * The user's RingCentral account: signing in (authorization code + PKCE in the system browser, no
 * client secret, or a pasted access token), keeping the session (the generic token manager; the
 * rotating refresh token is stored only through its ProviderSecrets, encrypted) and signing out (the
 * session revoked, best effort). It is the TokenSource the RingCentral provider uses. Must not import
 * electron: the shell passes the browser opener, the vault and net.fetch in. Never puts a token in
 * state or messages.
 */
import type { AccountState, SignInMethod } from '../../../shared/account';
import type { SignInKind } from '../../../shared/providers';
import { type Result, err, ok } from '../../../shared/result';
import type { ProviderAccount } from '../../auth/provider-descriptor';
import type { ProviderSecrets } from '../../auth/secrets';
import { SignInError } from '../../auth/sign-in-errors';
import { TokenManager } from '../../auth/token-manager';
import { createEmitter } from '../../foundation/typed-emitter';
import type { FetchFn } from '../../provider-api/http-client';
import { ProviderError } from '../../provider-api/provider-error';
import type { TokenSource } from '../../provider-api/token-source';
import { createRingCentralTokenGrantor, ringCentralRevokeUrl, signInToRingCentralWithBrowser } from './oauth';
import { revokeToken } from '../../auth/token-endpoint';

/** The loopback port to register in the RingCentral app (RingCentral matches the redirect URI exactly). */
export const RINGCENTRAL_REDIRECT_PORT = 47614;
export const RINGCENTRAL_CALLBACK_PATH = '/oauth/callback';
export const RINGCENTRAL_SIGN_IN_KINDS = ['oauthPkce', 'pastedToken'] as const satisfies readonly SignInKind[];

export interface RingCentralAccountOptions {
  /** The RingCentral app's client id (settings, else the environment or the build). */
  clientId: () => string;
  /** The platform server (production, .biz, or a development server). */
  server: () => string;
  /** RingCentral's own secrets (`ringcentral.refreshToken`). */
  secrets: ProviderSecrets;
  openBrowser: (url: string) => Promise<void>;
  fetch?: FetchFn;
  /** SWITCHBOARD_RINGCENTRAL_TOKEN: signed in by the environment, nothing to store. */
  environmentToken?: string;
  redirectPort?: number;
  signInTimeoutMs?: number;
  now?: () => number;
}

export interface RingCentralAccount extends ProviderAccount {
  signInWithBrowser(): Promise<Result<null>>;
  usePastedToken(token: string): Promise<Result<null>>;
}

interface Events {
  change: AccountState;
  signedOut: string;
}

const NOT_SIGNED_IN = 'Not signed in to RingCentral: open Settings to sign in.';

function checkTokenShape(token: string): string | null {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  if (trimmed.length < 8 || trimmed.length > 4096 || /\s/.test(trimmed) || !/^[\x21-\x7e]+$/.test(trimmed)) return null;
  return trimmed;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

export function createRingCentralAccount(options: RingCentralAccountOptions): RingCentralAccount {
  const emitter = createEmitter<Events>();
  const fetchFn: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const port = options.redirectPort ?? RINGCENTRAL_REDIRECT_PORT;
  let method: SignInMethod | undefined = options.environmentToken ? 'environment' : undefined;
  let pasted: string | undefined = options.environmentToken;
  let manager: TokenManager | undefined;
  let signingIn: AbortController | undefined;
  let message: string | undefined;

  function state(): AccountState {
    const s: AccountState = {
      provider: 'ringcentral',
      signInKinds: [...RINGCENTRAL_SIGN_IN_KINDS],
      signedIn: method !== undefined,
      clientId: options.clientId(),
      clientSecretSaved: false,
      redirectUri: `http://127.0.0.1:${port}${RINGCENTRAL_CALLBACK_PATH}`,
      persistent: options.secrets.persistence.persistent,
      signingIn: signingIn !== undefined,
    };
    if (method) s.method = method;
    if (options.secrets.persistence.reason) s.persistenceNote = options.secrets.persistence.reason;
    if (message) s.message = message;
    return s;
  }
  const changed = (): void => emitter.emit('change', state());

  function newManager(): TokenManager {
    const tokens = new TokenManager({
      grantor: createRingCentralTokenGrantor({ server: options.server(), clientId: options.clientId(), fetch: fetchFn }),
      store: options.secrets.refreshTokenStore(),
      providerName: 'RingCentral',
      now: options.now,
    });
    tokens.onSignedOut((event) => {
      if (manager !== tokens) return;
      manager = undefined;
      method = undefined;
      message = event.message;
      emitter.emit('signedOut', event.message);
      changed();
    });
    return tokens;
  }

  const tokens: TokenSource = {
    async accessToken() {
      if (manager) return manager.accessToken();
      if (pasted) return pasted;
      throw new ProviderError({ code: 'AUTH', message: message ?? NOT_SIGNED_IN });
    },
    async refreshAfterUnauthorized(refused) {
      if (manager) return manager.refreshAfterUnauthorized(refused);
      // A pasted token cannot be refreshed: RingCentral refused it, so the user must paste or sign in again.
      if (pasted && method === 'pastedToken') {
        pasted = undefined;
        method = undefined;
        message = 'RingCentral refused the pasted access token (they last an hour): paste a new one or sign in.';
        emitter.emit('signedOut', message);
        changed();
      }
      throw new ProviderError({ code: 'AUTH', status: 401, message: message ?? 'RingCentral refused the access token: sign in again.' });
    },
  };

  /** Revoking a pasted token ends its RingCentral session; best effort (revokeToken never throws, §A1: ignore errors). */
  async function revokePasted(token: string): Promise<void> {
    await revokeToken({
      tokenUrl: `${trimSlash(options.server())}/restapi/oauth/token`,
      revokeUrl: ringCentralRevokeUrl(options.server()),
      clientId: options.clientId(),
      fetch: fetchFn,
      token,
      tokenTypeHint: 'access_token',
      providerName: 'RingCentral',
    });
  }

  async function forgetSession(revokePastedToken: boolean): Promise<void> {
    const old = manager;
    const oldPasted = method === 'pastedToken' ? pasted : undefined;
    manager = undefined;
    pasted = undefined;
    method = undefined;
    await old?.signOut({ revoke: true });
    if (revokePastedToken && oldPasted) await revokePasted(oldPasted);
  }

  return {
    tokens,
    state,
    onChange: (listener) => emitter.on('change', listener),
    onSignedOut: (listener) => emitter.on('signedOut', listener),

    async restore() {
      if (method === 'environment' || !options.clientId()) {
        changed();
        return;
      }
      const candidate = newManager();
      manager = candidate;
      const outcome = await candidate.restore();
      if (outcome.status === 'signedOut') {
        if (manager === candidate) manager = undefined;
        if (outcome.reason === 'expired') message = 'Your RingCentral sign-in has expired: sign in again.';
      } else if (manager === candidate) {
        method = 'browser';
      }
      changed();
    },

    async signInWithBrowser() {
      const clientId = options.clientId();
      if (!clientId) return err('BAD_INPUT', 'Enter the client ID of your RingCentral app first (see the README: "Connect RingCentral").');
      if (signingIn) return err('NOT_ALLOWED', 'A sign-in is already waiting for the browser.');
      const controller = new AbortController();
      signingIn = controller;
      message = undefined;
      changed();
      try {
        const issued = await signInToRingCentralWithBrowser({
          server: options.server(),
          clientId,
          openBrowser: options.openBrowser,
          fetch: fetchFn,
          port,
          callbackPath: RINGCENTRAL_CALLBACK_PATH,
          timeoutMs: options.signInTimeoutMs,
          signal: controller.signal,
        });
        await forgetSession(true);
        const next = newManager();
        await next.signIn(issued);
        manager = next;
        method = 'browser';
        return ok(null);
      } catch (error) {
        message = describeRingCentralSignInFailure(error, port);
        return err(error instanceof ProviderError ? error.code : 'AUTH', message);
      } finally {
        signingIn = undefined;
        changed();
      }
    },

    cancelSignIn() {
      signingIn?.abort();
    },

    async usePastedToken(raw) {
      const token = checkTokenShape(raw);
      if (!token) return err('BAD_INPUT', 'That does not look like a RingCentral access token: copy it again.');
      let response: Response;
      try {
        response = await fetchFn(`${trimSlash(options.server())}/restapi/v1.0/account/~/extension/~`, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(8_000),
        });
      } catch {
        return err('NETWORK', 'Cannot reach RingCentral to check the token: check the network connection and the server in Settings.', {
          retryable: true,
        });
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 401) return err('AUTH', 'RingCentral refused that token: it may have expired (access tokens last an hour).');
      if (!response.ok)
        return err('PROVIDER', `RingCentral could not check the token (HTTP ${response.status}): try again.`, { retryable: true });
      await forgetSession(true);
      pasted = token;
      method = 'pastedToken';
      message = undefined;
      changed();
      return ok(null);
    },

    async signOut() {
      signingIn?.abort();
      // A pasted token is revoked; the environment's token belongs to whoever set it and is only forgotten.
      await forgetSession(true);
      await options.secrets.wipe();
      message = 'Signed out.';
      emitter.emit('signedOut', message);
      changed();
    },
  };
}

/** Sign-in failures in words, with the fix where one is known. */
export function describeRingCentralSignInFailure(error: unknown, port: number): string {
  if (error instanceof SignInError) {
    switch (error.reason) {
      case 'timedOut':
        return `${error.message} If the browser showed an error about the redirect URI (OAU-109), register http://127.0.0.1:${port}${RINGCENTRAL_CALLBACK_PATH} in your RingCentral app.`;
      case 'portInUse':
        return `Port ${port} is in use by another program, so the browser cannot return to Switchboard: close it and try again.`;
      case 'cancelled':
        return 'Sign-in was cancelled.';
      default:
        return error.message;
    }
  }
  if (error instanceof ProviderError) {
    if (error.code === 'NETWORK')
      return 'Cannot reach RingCentral to finish signing in: check the network connection and the server in Settings.';
    return error.message;
  }
  return 'Sign-in failed: try again.';
}
