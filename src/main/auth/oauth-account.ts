/**
 * An OAuth provider account, provider-neutral: signing in (authorization code + PKCE in the system
 * browser, or a pasted access token), keeping the session (the token manager; the refresh token stored
 * only through the provider's ProviderSecrets, encrypted), an optional client secret, and signing out.
 * It is the TokenSource the provider's HTTP client uses. A provider supplies only what differs (see
 * OAuthAccountConfig). Must not import electron: the shell passes the browser opener, the vault and
 * net.fetch in. Never puts a token or a secret in state or messages.
 *
 * The refresh token and the client secret are stored with the token endpoint they belong to
 * (endpoint-bound-secret.ts) and only ever sent there: a session is bound to the sign-in server it
 * started with (a server changed meanwhile does not move it), and a stored one meant for another
 * endpoint is not sent at all; the user is asked to sign in again.
 */
import type { AccountState, SignInMethod } from '../../shared/account';
import type { ProviderId } from '../../shared/domain';
import type { SignInKind } from '../../shared/providers';
import { type Result, err, ok } from '../../shared/result';
import { createEmitter } from '../foundation/typed-emitter';
import type { FetchFn } from '../provider-api/http-client';
import { ProviderError } from '../provider-api/provider-error';
import type { TokenSource } from '../provider-api/token-source';
import { bindToEndpoint, hostOf, readBound } from './endpoint-bound-secret';
import type { ProviderAccount } from './provider-descriptor';
import type { ProviderSecrets } from './secrets';
import { SignInError } from './sign-in-errors';
import type { OAuthTokens } from './token-endpoint';
import { TokenManager, type TokenGrantor } from './token-manager';

/** What the account hands the provider's browser sign-in (see src/main/auth/browser-sign-in.ts). */
export interface OAuthAuthorizeRequest {
  /** The sign-in server of this attempt (OAuthAccountConfig.authServer, read once when it started). */
  server: string;
  clientId: string;
  /** Only when the provider supports one and the user saved it. */
  clientSecret?: string;
  openBrowser: (url: string) => Promise<void>;
  fetch: FetchFn;
  port: number;
  callbackPath: string;
  timeoutMs?: number;
  signal: AbortSignal;
}

/** How a pasted access token is checked and described. */
export interface PastedTokenConfig {
  /** Shortest plausible token (longer than 4096 characters, spaces or non-printables are refused too). */
  minLength: number;
  /** How the user-facing words name these tokens, e.g. "personal access tokens". */
  tokensName: string;
  /** How long they last, e.g. "12 hours". */
  lifetime: string;
  /** Where to copy one, e.g. "developer.webex.com"; absent: just "copy it again". */
  copyFrom?: string;
  /** The full URL of a cheap authenticated GET that answers 401 for a bad token. */
  verifyUrl: () => string;
  verifyHeaders?: Record<string, string>;
  /** Ends a pasted token's session when it is replaced or the user signs out; best effort, must not throw. */
  revoke?: (token: string, fetch: FetchFn) => Promise<void>;
}

/** What the runtime passes every OAuth provider's account (the provider adds its server settings). */
export interface OAuthAccountDeps {
  /** The app's client id (settings, else the environment or the build). */
  clientId: () => string;
  /** The provider's own secrets (`<provider>.refreshToken`, `<provider>.clientSecret`). */
  secrets: ProviderSecrets;
  /** Opens the system browser (shell.openExternal); never an embedded webview. */
  openBrowser: (url: string) => Promise<void>;
  fetch?: FetchFn;
  /** SWITCHBOARD_<PROVIDER>_TOKEN: signed in by the environment, nothing to store. */
  environmentToken?: string;
  /** Overrides the provider's registered loopback port (tests). */
  redirectPort?: number;
  signInTimeoutMs?: number;
  now?: () => number;
}

export interface OAuthAccountConfig extends OAuthAccountDeps {
  provider: ProviderId;
  /** In messages, e.g. "Webex". */
  displayName: string;
  /** What the user registered with the provider, in messages: "integration", "app". */
  appNoun: string;
  signInKinds: readonly SignInKind[];
  /** The loopback port registered with the provider (it matches the redirect URI exactly). */
  defaultRedirectPort: number;
  callbackPath: string;
  /** A provider error code shown when the browser refuses the redirect URI, e.g. "OAU-109". */
  redirectErrorCode?: string;
  /** The server is a setting: network messages point at it. */
  serverInSettings?: boolean;
  /**
   * The sign-in server the account would use now (Webex: its API base; RingCentral: the chosen platform
   * server), from fixed values or the environment only.
   */
  authServer: () => string;
  /** The token endpoint of a sign-in server: what a refresh token and a client secret are stored with. */
  tokenUrl: (server: string) => string;
  /** The provider's token endpoint on `server`, for the TokenManager. */
  createGrantor(input: { server: string; clientId: string; clientSecret?: string; fetch: FetchFn }): TokenGrantor;
  /** The provider's browser sign-in. */
  authorize(request: OAuthAuthorizeRequest): Promise<OAuthTokens>;
  pastedToken: PastedTokenConfig;
  /** The provider accepts an optional client secret (stored as `clientSecret` in its secrets). */
  clientSecret?: boolean;
}

/** Every OAuth account signs in in the browser and takes a pasted token. */
export interface OAuthAccount extends ProviderAccount {
  signInWithBrowser(): Promise<Result<null>>;
  usePastedToken(token: string): Promise<Result<null>>;
}

export interface OAuthAccountWithSecret extends OAuthAccount {
  setClientSecret(secret: string | null): Promise<Result<null>>;
}

interface Events {
  change: AccountState;
  signedOut: string;
}

/** A pasted token looks like an access token: printable, no spaces, a sane length. */
function checkTokenShape(token: string, minLength: number): string | null {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  if (trimmed.length < minLength || trimmed.length > 4096 || /\s/.test(trimmed) || !/^[\x21-\x7e]+$/.test(trimmed)) return null;
  return trimmed;
}

export function createOAuthAccount(config: OAuthAccountConfig & { clientSecret: true }): OAuthAccountWithSecret;
export function createOAuthAccount(config: OAuthAccountConfig): OAuthAccount;
export function createOAuthAccount(config: OAuthAccountConfig): OAuthAccount | OAuthAccountWithSecret {
  const name = config.displayName;
  const emitter = createEmitter<Events>();
  const fetchFn: FetchFn = config.fetch ?? ((input, init) => fetch(input, init));
  const port = config.redirectPort ?? config.defaultRedirectPort;
  const paste = config.pastedToken;
  let method: SignInMethod | undefined = config.environmentToken ? 'environment' : undefined;
  let pasted: string | undefined = config.environmentToken;
  let manager: TokenManager | undefined;
  let clientSecretSaved = false;
  let signingIn: AbortController | undefined;
  let message: string | undefined;

  /** The client secret saved for this sign-in server's token endpoint; one saved for another is not handed out. */
  const readSecret = async (server: string): Promise<string | null> => {
    if (!config.clientSecret) return null;
    const stored = readBound(await config.secrets.get('clientSecret'), config.tokenUrl(server));
    return stored.status === 'here' ? stored.value : null;
  };

  /** Why a stored refresh token will not be used with this server, or undefined when it will (or none is stored). */
  async function refusedRefreshToken(server: string): Promise<string | undefined> {
    const stored = readBound(await config.secrets.get('refreshToken'), config.tokenUrl(server));
    const host = hostOf(server);
    if (stored.status === 'elsewhere')
      return `Your saved ${name} sign-in belongs to another server, so Switchboard does not send it to ${host}: sign in again.`;
    if (stored.status === 'unbound')
      return `Sign in to ${name} again: Switchboard now keeps each sign-in with the server it belongs to, and the saved one does not say which.`;
    return undefined;
  }

  function state(): AccountState {
    const s: AccountState = {
      provider: config.provider,
      signInKinds: [...config.signInKinds],
      signedIn: method !== undefined,
      clientId: config.clientId(),
      clientSecretSaved,
      redirectUri: `http://127.0.0.1:${port}${config.callbackPath}`,
      persistent: config.secrets.persistence.persistent,
      signingIn: signingIn !== undefined,
    };
    if (method) s.method = method;
    if (config.secrets.persistence.reason) s.persistenceNote = config.secrets.persistence.reason;
    if (message) s.message = message;
    return s;
  }
  const changed = (): void => emitter.emit('change', state());

  /** A session on one sign-in server: its grantor and its stored refresh token belong to that server alone. */
  function newManager(server: string, clientSecret: string | null): TokenManager {
    const tokens = new TokenManager({
      grantor: config.createGrantor({ server, clientId: config.clientId(), clientSecret: clientSecret ?? undefined, fetch: fetchFn }),
      store: config.secrets.refreshTokenStore(config.tokenUrl(server)),
      providerName: name,
      now: config.now,
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
      throw new ProviderError({ code: 'AUTH', message: message ?? `Not signed in to ${name}: open Settings to sign in.` });
    },
    async refreshAfterUnauthorized(refused) {
      if (manager) return manager.refreshAfterUnauthorized(refused);
      // A pasted token cannot be refreshed: the provider refused it, so the user must paste or sign in again.
      if (pasted && method === 'pastedToken') {
        pasted = undefined;
        method = undefined;
        message = `${name} refused the pasted access token (they last ${paste.lifetime}): paste a new one or sign in.`;
        emitter.emit('signedOut', message);
        changed();
      }
      throw new ProviderError({ code: 'AUTH', status: 401, message: message ?? `${name} refused the access token: sign in again.` });
    },
  };

  /** Forgets the session; a pasted token is revoked where the provider can (the environment's belongs to whoever set it). */
  async function forgetSession(): Promise<void> {
    const old = manager;
    const oldPasted = method === 'pastedToken' ? pasted : undefined;
    manager = undefined;
    pasted = undefined;
    method = undefined;
    await old?.signOut({ revoke: true });
    if (oldPasted && paste.revoke) await paste.revoke(oldPasted, fetchFn);
  }

  const account: OAuthAccount = {
    tokens,
    state,
    onChange: (listener) => emitter.on('change', listener),
    onSignedOut: (listener) => emitter.on('signedOut', listener),

    async restore() {
      const server = config.authServer();
      const secret = await readSecret(server);
      if (config.clientSecret) clientSecretSaved = secret !== null;
      if (method === 'environment' || !config.clientId()) {
        changed();
        return;
      }
      const refused = await refusedRefreshToken(server);
      if (refused) {
        message = refused;
        changed();
        return;
      }
      const candidate = newManager(server, secret);
      manager = candidate;
      const outcome = await candidate.restore();
      if (outcome.status === 'signedOut') {
        if (manager === candidate) manager = undefined;
        if (outcome.reason === 'expired') message = `Your ${name} sign-in has expired: sign in again.`;
      } else if (manager === candidate) {
        method = 'browser';
      }
      changed();
    },

    async signInWithBrowser() {
      const clientId = config.clientId();
      if (!clientId)
        return err('BAD_INPUT', `Enter the client ID of your ${name} ${config.appNoun} first (see the README: "Connect ${name}").`);
      if (signingIn) return err('NOT_ALLOWED', 'A sign-in is already waiting for the browser.');
      const controller = new AbortController();
      signingIn = controller;
      message = undefined;
      changed();
      try {
        // One server for the whole attempt: the tokens it issues are kept with it and refreshed only there.
        const server = config.authServer();
        const secret = await readSecret(server);
        const issued = await config.authorize({
          server,
          clientId,
          clientSecret: secret ?? undefined,
          openBrowser: config.openBrowser,
          fetch: fetchFn,
          port,
          callbackPath: config.callbackPath,
          timeoutMs: config.signInTimeoutMs,
          signal: controller.signal,
        });
        await forgetSession();
        const next = newManager(server, secret);
        await next.signIn(issued);
        manager = next;
        method = 'browser';
        return ok(null);
      } catch (error) {
        message = describeOAuthSignInFailure(error, port, config);
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
      const token = checkTokenShape(raw, paste.minLength);
      if (!token) {
        const where = paste.copyFrom ? ` from ${paste.copyFrom}` : '';
        return err('BAD_INPUT', `That does not look like a ${name} access token: copy it again${where}.`);
      }
      let response: Response;
      try {
        response = await fetchFn(paste.verifyUrl(), {
          headers: { Authorization: `Bearer ${token}`, ...paste.verifyHeaders },
          signal: AbortSignal.timeout(8_000),
        });
      } catch {
        const advice = config.serverInSettings ? 'check the network connection and the server in Settings' : 'check the network connection';
        return err('NETWORK', `Cannot reach ${name} to check the token: ${advice}.`, { retryable: true });
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 401)
        return err('AUTH', `${name} refused that token: it may have expired (${paste.tokensName} last ${paste.lifetime}).`);
      if (!response.ok)
        return err('PROVIDER', `${name} could not check the token (HTTP ${response.status}): try again.`, { retryable: true });
      await forgetSession();
      pasted = token;
      method = 'pastedToken';
      message = undefined;
      changed();
      return ok(null);
    },

    async signOut() {
      signingIn?.abort();
      await forgetSession();
      await config.secrets.wipe();
      clientSecretSaved = false;
      message = 'Signed out.';
      emitter.emit('signedOut', message);
      changed();
    },
  };
  if (!config.clientSecret) return account;

  return {
    ...account,
    async setClientSecret(secret) {
      const value = secret === null ? null : secret.trim();
      if (value !== null && (value.length < 8 || value.length > 512 || /\s/.test(value))) {
        return err('BAD_INPUT', `That does not look like a client secret: copy it again from your ${name} ${config.appNoun}.`);
      }
      // Kept with the token endpoint it is entered for: it is never sent to another.
      await config.secrets.set('clientSecret', value ? bindToEndpoint(value, config.tokenUrl(config.authServer())) : null);
      clientSecretSaved = Boolean(value);
      changed();
      return ok(null);
    },
  };
}

/** Sign-in failures in words, with the fix where one is known. */
function describeOAuthSignInFailure(
  error: unknown,
  port: number,
  config: Pick<OAuthAccountConfig, 'displayName' | 'appNoun' | 'callbackPath' | 'redirectErrorCode' | 'serverInSettings'>,
): string {
  const name = config.displayName;
  if (error instanceof SignInError) {
    switch (error.reason) {
      case 'timedOut': {
        const code = config.redirectErrorCode ? ` (${config.redirectErrorCode})` : '';
        return `${error.message} If the browser showed an error about the redirect URI${code}, register http://127.0.0.1:${port}${config.callbackPath} in your ${name} ${config.appNoun}.`;
      }
      case 'portInUse':
        return `Port ${port} is in use by another program, so the browser cannot return to Switchboard: close it and try again.`;
      case 'cancelled':
        return 'Sign-in was cancelled.';
      default:
        return error.message;
    }
  }
  if (error instanceof ProviderError) {
    if (error.code === 'NETWORK') {
      const advice = config.serverInSettings
        ? 'check the network connection and the server in Settings'
        : 'check the network connection and try again';
      return `Cannot reach ${name} to finish signing in: ${advice}.`;
    }
    return error.message;
  }
  return 'Sign-in failed: try again.';
}
