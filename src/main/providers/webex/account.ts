/**
 * The user's Webex account: signing in (OAuth + PKCE in the system browser, or a pasted personal
 * access token), keeping the session (token manager, refresh token encrypted through its ProviderSecrets)
 * and signing out. It is the TokenSource the Webex provider uses. Must not import electron: the shell
 * passes the browser opener, the vault and net.fetch in. Never puts a token in state or messages.
 */
import type { AccountState, SignInMethod } from '../../../shared/account';
import type { SignInKind } from '../../../shared/providers';
import { type Result, err, ok } from '../../../shared/result';
import type { ProviderSecrets } from '../../auth/secrets';
import type { ProviderAccount } from '../../auth/provider-descriptor';
import { SignInError } from '../../auth/sign-in-errors';
import { TokenManager } from '../../auth/token-manager';
import { createWebexTokenGrantor, signInWithBrowser } from './oauth';
import type { FetchFn } from '../../provider-api/http-client';
import type { TokenSource } from '../../provider-api/token-source';
import { ProviderError } from '../../provider-api/provider-error';
import { createEmitter } from '../../foundation/typed-emitter';

/** The loopback port to register in the Webex integration (Webex matches the redirect URI exactly). */
export const WEBEX_REDIRECT_PORT = 47613;
export const WEBEX_CALLBACK_PATH = '/oauth/callback';
/** Browser sign-in (PKCE, plus the integration's client secret where it has one) or a pasted token. */
export const WEBEX_SIGN_IN_KINDS = ['oauthPkce', 'oauthClientSecret', 'pastedToken'] as const satisfies readonly SignInKind[];

export interface WebexAccountOptions {
  /** The integration's client id (settings, else the build). */
  clientId: () => string;
  /** Where Webex's OAuth lives (the API base: https://webexapis.com/v1, or the simulator). */
  authBaseUrl: () => string;
  /** The API base, for checking a pasted token against /people/me. */
  apiBaseUrl: () => string;
  /** Webex's own secrets (`webex.refreshToken`, `webex.clientSecret`). */
  secrets: ProviderSecrets;
  /** Opens the system browser (shell.openExternal); never an embedded webview. */
  openBrowser: (url: string) => Promise<void>;
  fetch?: FetchFn;
  /** SWITCHBOARD_WEBEX_TOKEN: signed in by the environment, nothing to store. */
  environmentToken?: string;
  redirectPort?: number;
  signInTimeoutMs?: number;
  now?: () => number;
}

/** The Webex account: every sign-in Webex offers (browser, pasted token) and its client secret. */
export interface WebexAccount extends ProviderAccount {
  signInWithBrowser(): Promise<Result<null>>;
  usePastedToken(token: string): Promise<Result<null>>;
  setClientSecret(secret: string | null): Promise<Result<null>>;
}

interface Events {
  change: AccountState;
  signedOut: string;
}

const NOT_SIGNED_IN = 'Not signed in to Webex: open Settings to sign in.';

/** A pasted token looks like a Webex access token: printable, no spaces, a sane length. */
function checkTokenShape(token: string): string | null {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  if (trimmed.length < 20 || trimmed.length > 4096 || /\s/.test(trimmed) || !/^[\x21-\x7e]+$/.test(trimmed)) return null;
  return trimmed;
}

export function createWebexAccount(options: WebexAccountOptions): WebexAccount {
  const emitter = createEmitter<Events>();
  const fetchFn: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const port = options.redirectPort ?? WEBEX_REDIRECT_PORT;
  let method: SignInMethod | undefined = options.environmentToken ? 'environment' : undefined;
  let pasted: string | undefined = options.environmentToken;
  let manager: TokenManager | undefined;
  let clientSecretSaved = false;
  let signingIn: AbortController | undefined;
  let message: string | undefined;

  function state(): AccountState {
    const s: AccountState = {
      provider: 'webex',
      signInKinds: [...WEBEX_SIGN_IN_KINDS],
      signedIn: method !== undefined,
      clientId: options.clientId(),
      clientSecretSaved,
      redirectUri: `http://127.0.0.1:${port}${WEBEX_CALLBACK_PATH}`,
      persistent: options.secrets.persistence.persistent,
      signingIn: signingIn !== undefined,
    };
    if (method) s.method = method;
    if (options.secrets.persistence.reason) s.persistenceNote = options.secrets.persistence.reason;
    if (message) s.message = message;
    return s;
  }
  const changed = (): void => emitter.emit('change', state());

  function newManager(clientSecret: string | null): TokenManager {
    const tokens = new TokenManager({
      grantor: createWebexTokenGrantor({
        clientId: options.clientId(),
        clientSecret: clientSecret ?? undefined,
        authBaseUrl: options.authBaseUrl(),
        fetch: fetchFn,
      }),
      store: options.secrets.refreshTokenStore(),
      providerName: 'Webex',
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
      // A pasted token cannot be refreshed: Webex refused it, so the user must paste or sign in again.
      if (pasted && method === 'pastedToken') {
        pasted = undefined;
        method = undefined;
        message = 'Webex refused the pasted access token (they last 12 hours): paste a new one or sign in.';
        emitter.emit('signedOut', message);
        changed();
      }
      throw new ProviderError({ code: 'AUTH', status: 401, message: message ?? 'Webex refused the access token: sign in again.' });
    },
  };

  async function forgetSession(): Promise<void> {
    const old = manager;
    manager = undefined;
    pasted = undefined;
    method = undefined;
    await old?.signOut({ revoke: true });
  }

  return {
    tokens,
    state,
    onChange: (listener) => emitter.on('change', listener),
    onSignedOut: (listener) => emitter.on('signedOut', listener),

    async restore() {
      clientSecretSaved = (await options.secrets.get('clientSecret')) !== null;
      if (method === 'environment' || !options.clientId()) {
        changed();
        return;
      }
      const candidate = newManager(await options.secrets.get('clientSecret'));
      manager = candidate;
      const outcome = await candidate.restore();
      if (outcome.status === 'signedOut') {
        if (manager === candidate) manager = undefined;
        if (outcome.reason === 'expired') message = 'Your Webex sign-in has expired: sign in again.';
      } else if (manager === candidate) {
        method = 'browser';
      }
      changed();
    },

    async signInWithBrowser() {
      const clientId = options.clientId();
      if (!clientId) return err('BAD_INPUT', 'Enter the client ID of your Webex integration first (see the README: "Connect Webex").');
      if (signingIn) return err('NOT_ALLOWED', 'A sign-in is already waiting for the browser.');
      const controller = new AbortController();
      signingIn = controller;
      message = undefined;
      changed();
      try {
        const secret = await options.secrets.get('clientSecret');
        const issued = await signInWithBrowser({
          clientId,
          clientSecret: secret ?? undefined,
          authBaseUrl: options.authBaseUrl(),
          openBrowser: options.openBrowser,
          fetch: fetchFn,
          port,
          callbackPath: WEBEX_CALLBACK_PATH,
          timeoutMs: options.signInTimeoutMs,
          signal: controller.signal,
        });
        await forgetSession();
        const next = newManager(secret);
        await next.signIn(issued);
        manager = next;
        method = 'browser';
        return ok(null);
      } catch (error) {
        message = describeSignInFailure(error, port);
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
      if (!token) return err('BAD_INPUT', 'That does not look like a Webex access token: copy it again from developer.webex.com.');
      let response: Response;
      try {
        response = await fetchFn(`${options.apiBaseUrl().replace(/\/$/, '')}/people/me`, {
          headers: { Authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(8_000),
        });
      } catch {
        return err('NETWORK', 'Cannot reach Webex to check the token: check the network connection.', { retryable: true });
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 401)
        return err('AUTH', 'Webex refused that token: it may have expired (personal access tokens last 12 hours).');
      if (!response.ok)
        return err('PROVIDER', `Webex could not check the token (HTTP ${response.status}): try again.`, { retryable: true });
      await forgetSession();
      pasted = token;
      method = 'pastedToken';
      message = undefined;
      changed();
      return ok(null);
    },

    async setClientSecret(secret) {
      const value = secret === null ? null : secret.trim();
      if (value !== null && (value.length < 8 || value.length > 512 || /\s/.test(value))) {
        return err('BAD_INPUT', 'That does not look like a client secret: copy it again from your Webex integration.');
      }
      await options.secrets.set('clientSecret', value || null);
      clientSecretSaved = Boolean(value);
      changed();
      return ok(null);
    },

    async signOut() {
      signingIn?.abort();
      await forgetSession();
      await options.secrets.wipe();
      clientSecretSaved = false;
      message = 'Signed out.';
      emitter.emit('signedOut', message);
      changed();
    },
  };
}

/** Sign-in failures in words, with the fix where one is known. */
export function describeSignInFailure(error: unknown, port: number): string {
  if (error instanceof SignInError) {
    switch (error.reason) {
      case 'timedOut':
        return `${error.message} If the browser showed an error about the redirect URI, register http://127.0.0.1:${port}${WEBEX_CALLBACK_PATH} in your Webex integration.`;
      case 'portInUse':
        return `Port ${port} is in use by another program, so the browser cannot return to Switchboard: close it and try again.`;
      case 'cancelled':
        return 'Sign-in was cancelled.';
      default:
        return error.message;
    }
  }
  if (error instanceof ProviderError) {
    if (error.code === 'NETWORK') return 'Cannot reach Webex to finish signing in: check the network connection and try again.';
    return error.message;
  }
  return 'Sign-in failed: try again.';
}
