/**
 * The OAuth session of one provider account, as a TokenSource for the HTTP client: the access token
 * lives in memory only; it is refreshed ahead of expiry through ONE shared in-flight refresh; a rotated
 * refresh token is persisted before the new access token is handed out; a dead grant (invalid_grant,
 * or a freshly refreshed token refused again) ends the session once, with an event. Must not import
 * electron (the store and the token endpoint are injected) and never puts a token in a message.
 */
import type { TokenSource } from '../provider-api/token-source';
import { ProviderError } from '../provider-api/provider-error';
import type { RefreshTokenStore } from './refresh-token-store';
import { isInvalidGrant } from './sign-in-errors';
import type { OAuthTokens } from './token-endpoint';

export type { RefreshTokenStore } from './refresh-token-store';

/** The token endpoint as the manager needs it (see createWebexTokenGrantor). */
export interface TokenGrantor {
  /** Rejects with an OAuthError; `oauthCode: 'invalid_grant'` means the refresh token is dead. */
  refresh(refreshToken: string): Promise<OAuthTokens>;
  /** Best effort; must resolve (not reject) when the provider cannot be reached. */
  revoke?(token: string, hint: 'refresh_token' | 'access_token'): Promise<unknown>;
}

export type SignedOutReason =
  | 'signedOut' // the user signed out
  | 'expired' // the provider refused the refresh token (invalid_grant)
  | 'refused'; // the provider refused even a freshly refreshed access token

export interface SignedOutEvent {
  reason: SignedOutReason;
  /** A sentence for the user, e.g. "Your Webex sign-in has expired: sign in again." */
  message: string;
}

export type RestoreOutcome =
  | { status: 'signedIn' }
  | { status: 'signedOut'; reason: 'nothingStored' | 'expired' }
  /** A refresh token is held, but the provider could not be reached: accessToken() will try again. */
  | { status: 'unreachable'; error: ProviderError };

export interface TokenManagerOptions {
  grantor: TokenGrantor;
  store: RefreshTokenStore;
  /** Used in messages (default "Webex"). */
  providerName?: string;
  /** Refresh this long before the access token expires (default 60 s). */
  refreshMarginMs?: number;
  /**
   * A token obtained by refreshing after a 401 that is refused again within this window means more
   * refreshing will not help: sign out instead of looping (default 60 s).
   */
  freshTokenWindowMs?: number;
  /** Injectable clock (ms since epoch). */
  now?: () => number;
  /** The store failed to save or clear; the session goes on in memory. The shell tells the user. */
  onStoreError?: (error: unknown, operation: 'save' | 'load' | 'clear') => void;
}

interface Session {
  /** null after restore() until the first refresh succeeds. */
  accessToken: string | null;
  accessExpiresAt: number;
  refreshToken: string;
  obtainedBy: 'signIn' | 'restore' | 'refresh' | 'refreshAfterUnauthorized';
  obtainedAt: number;
}

type RefreshTrigger = 'ahead' | 'unauthorized';

export class TokenManager implements TokenSource {
  private session: Session | null = null;
  private inflight: Promise<string> | null = null;
  /** Bumped by every sign-in and sign-out: a refresh that started in an older epoch must not resurrect anything. */
  private epoch = 0;
  /** Store operations run one after another, so the last logical write (save vs clear) always wins. */
  private storeQueue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(event: SignedOutEvent) => void>();
  private readonly grantor: TokenGrantor;
  private readonly store: RefreshTokenStore;
  private readonly name: string;
  private readonly marginMs: number;
  private readonly freshWindowMs: number;
  private readonly now: () => number;
  private readonly onStoreError?: TokenManagerOptions['onStoreError'];

  constructor(options: TokenManagerOptions) {
    this.grantor = options.grantor;
    this.store = options.store;
    this.name = options.providerName ?? 'Webex';
    this.marginMs = options.refreshMarginMs ?? 60_000;
    this.freshWindowMs = options.freshTokenWindowMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.onStoreError = options.onStoreError;
  }

  isSignedIn(): boolean {
    return this.session !== null;
  }

  state(): 'signedIn' | 'signedOut' {
    return this.session ? 'signedIn' : 'signedOut';
  }

  /** Told once each time the session ends (user sign-out, expired grant, refused tokens). Returns an unsubscribe. */
  onSignedOut(listener: (event: SignedOutEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts a session from a sign-in (signInWithBrowser's result), replacing any other. The tokens are
   * fresh from the provider, so they are usable at once; the refresh token is persisted before this resolves.
   */
  async signIn(tokens: OAuthTokens): Promise<void> {
    this.epoch++;
    this.inflight = null;
    const now = this.now();
    this.session = {
      accessToken: tokens.accessToken,
      accessExpiresAt: now + tokens.expiresInS * 1000,
      refreshToken: tokens.refreshToken,
      obtainedBy: 'signIn',
      obtainedAt: now,
    };
    // Queued behind any earlier write, and ahead of a sign-out's clear: the last one asked for wins.
    await this.storeWrite('save', () => this.store.save(tokens.refreshToken));
  }

  /** Loads a stored refresh token and refreshes with it (app start). */
  async restore(): Promise<RestoreOutcome> {
    if (this.session) return { status: 'signedIn' };
    const epoch = this.epoch;
    let stored: string | null;
    try {
      stored = await this.store.load();
    } catch (error) {
      this.onStoreError?.(error, 'load');
      stored = null;
    }
    if (epoch !== this.epoch) return this.session ? { status: 'signedIn' } : { status: 'signedOut', reason: 'nothingStored' };
    if (!stored) return { status: 'signedOut', reason: 'nothingStored' };
    this.session = { accessToken: null, accessExpiresAt: 0, refreshToken: stored, obtainedBy: 'restore', obtainedAt: this.now() };
    try {
      await this.refreshShared('ahead');
      return { status: 'signedIn' };
    } catch (error) {
      if (!this.session) return { status: 'signedOut', reason: 'expired' };
      return { status: 'unreachable', error: asProviderError(error, this.name) };
    }
  }

  /**
   * Ends the session: memory first (nothing hands the token out any more), then the store is cleared
   * while the provider is asked, best effort, to revoke the refresh token.
   */
  async signOut(options: { revoke?: boolean } = {}): Promise<void> {
    const session = this.session;
    this.epoch++;
    this.session = null;
    this.inflight = null;
    const cleared = this.storeWrite('clear', () => this.store.clear());
    if (!session) {
      await cleared;
      return;
    }
    const revoking =
      options.revoke !== false && this.grantor.revoke
        ? this.grantor.revoke(session.refreshToken, 'refresh_token').catch(() => undefined)
        : undefined;
    await Promise.all([cleared, revoking]);
    this.emit({ reason: 'signedOut', message: `You signed out of ${this.name}.` });
  }

  async accessToken(): Promise<string> {
    const session = this.session;
    if (!session) throw this.signedOutError();
    if (session.accessToken !== null && this.now() < session.accessExpiresAt - this.marginMs) return session.accessToken;
    try {
      return await this.refreshShared('ahead');
    } catch (error) {
      // A refresh ahead of time that failed for a passing reason (network) leaves a still-valid token usable.
      if (
        this.session === session &&
        session.accessToken !== null &&
        this.now() < session.accessExpiresAt &&
        !(error instanceof ProviderError && error.code === 'AUTH')
      ) {
        return session.accessToken;
      }
      throw error;
    }
  }

  async refreshAfterUnauthorized(refused: string): Promise<string> {
    const session = this.session;
    if (!session) throw this.signedOutError();
    // Refused an older token: the current one (refreshed meanwhile by another caller) is the answer.
    if (session.accessToken !== refused) return this.accessToken();
    if (this.inflight) return this.inflight;
    if (session.obtainedBy === 'refreshAfterUnauthorized' && this.now() - session.obtainedAt < this.freshWindowMs) {
      await this.endSession('refused', `${this.name} refused a freshly refreshed access token: sign in again.`);
      throw new ProviderError({
        code: 'AUTH',
        status: 401,
        message: `${this.name} refused a freshly refreshed access token: sign in again.`,
      });
    }
    return this.refreshShared('unauthorized');
  }

  private refreshShared(trigger: RefreshTrigger): Promise<string> {
    if (this.inflight) return this.inflight;
    const session = this.session;
    if (!session) return Promise.reject(this.signedOutError());
    const shared: Promise<string> = this.runRefresh(session, this.epoch, trigger).finally(() => {
      if (this.inflight === shared) this.inflight = null;
    });
    this.inflight = shared;
    return shared;
  }

  private async runRefresh(session: Session, epoch: number, trigger: RefreshTrigger): Promise<string> {
    let tokens: OAuthTokens;
    try {
      tokens = await this.grantor.refresh(session.refreshToken);
    } catch (error) {
      if (epoch !== this.epoch) return this.superseded();
      if (isInvalidGrant(error)) {
        const message = `Your ${this.name} sign-in has expired: sign in again.`;
        await this.endSession('expired', message);
        throw new ProviderError({ code: 'AUTH', status: 401, message, cause: error });
      }
      throw asProviderError(error, this.name);
    }
    if (epoch !== this.epoch) return this.superseded();

    if (tokens.refreshToken !== session.refreshToken) {
      // Rotation: the old refresh token is already dead at the provider. Persist the new one before
      // anyone gets the new access token, so a crash right after cannot strand the user.
      await this.storeWrite('save', () => this.store.save(tokens.refreshToken));
      if (epoch !== this.epoch) return this.superseded();
    }
    const now = this.now();
    this.session = {
      accessToken: tokens.accessToken,
      accessExpiresAt: now + tokens.expiresInS * 1000,
      refreshToken: tokens.refreshToken,
      obtainedBy: trigger === 'unauthorized' ? 'refreshAfterUnauthorized' : 'refresh',
      obtainedAt: now,
    };
    return tokens.accessToken;
  }

  /** A sign-out or a new sign-in happened while this refresh ran: its result is void; answer for the present. */
  private superseded(): string {
    if (this.session?.accessToken) return this.session.accessToken;
    throw this.signedOutError();
  }

  private async endSession(reason: SignedOutReason, message: string): Promise<void> {
    if (!this.session) return;
    this.epoch++;
    this.session = null;
    this.inflight = null;
    await this.storeWrite('clear', () => this.store.clear());
    this.emit({ reason, message });
  }

  private storeWrite(operation: 'save' | 'clear', write: () => Promise<void>): Promise<void> {
    const next = this.storeQueue.then(write).catch((error: unknown) => this.onStoreError?.(error, operation));
    this.storeQueue = next;
    return next;
  }

  private emit(event: SignedOutEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not break sign-out for the others.
      }
    }
  }

  private signedOutError(): ProviderError {
    return new ProviderError({ code: 'AUTH', status: 401, message: `You are signed out of ${this.name}: sign in again.` });
  }
}

function asProviderError(error: unknown, name: string): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError({
    code: 'NETWORK',
    retryable: true,
    message: `Refreshing the ${name} sign-in failed: try again.`,
    cause: error,
  });
}
