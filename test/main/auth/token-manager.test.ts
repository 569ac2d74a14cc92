import { afterEach, describe, expect, it } from 'vitest';
import { TokenManager, type SignedOutEvent, type TokenGrantor } from '../../../src/main/auth/token-manager';
import { createWebexTokenGrantor, refreshTokens, signInWithBrowser } from '../../../src/main/providers/webex/oauth';
import { ProviderError } from '../../../src/main/provider-api/provider-error';
import { startWebexOAuthServer, type WebexOAuthServer } from '../../../src/main/simulator/webex-oauth';
import { RecordingStore } from './recording-store';
import { scriptedBrowser } from './scripted-browser';
import { rejection } from '../../support/rejection';
import { eventually } from '../../support/eventually';

const CLIENT_ID = 'C-switchboard-test';
const SECRET = 'client-secret-value';
const DAY = 24 * 3600_000;
const ACCESS_TTL_MS = 1_209_599_000;
const servers: WebexOAuthServer[] = [];

/** Every human-readable message produced during a test, to prove none of them carries a secret. */
const messages: string[] = [];

interface Rig {
  server: WebexOAuthServer;
  store: RecordingStore;
  manager: TokenManager;
  grantor: TokenGrantor;
  events: SignedOutEvent[];
  clock: { now: number };
  first: { accessToken: string; refreshToken: string };
}

async function rig(
  options: { refreshMarginMs?: number; freshTokenWindowMs?: number; onStoreError?: (e: unknown) => void; store?: RecordingStore } = {},
): Promise<Rig> {
  const server = await startWebexOAuthServer({ clientId: CLIENT_ID, clientSecret: SECRET });
  servers.push(server);
  const clock = { now: Date.parse('2026-05-04T09:00:00Z') };
  const store = options.store ?? new RecordingStore();
  const grantor = createWebexTokenGrantor({ authBaseUrl: server.baseUrl, clientId: CLIENT_ID, clientSecret: SECRET });
  const manager = new TokenManager({
    grantor,
    store,
    now: () => clock.now,
    refreshMarginMs: options.refreshMarginMs,
    freshTokenWindowMs: options.freshTokenWindowMs,
    onStoreError: options.onStoreError,
  });
  const events: SignedOutEvent[] = [];
  manager.onSignedOut((event) => {
    events.push(event);
    messages.push(event.message);
  });
  const tokens = await signInWithBrowser({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    authBaseUrl: server.baseUrl,
    openBrowser: scriptedBrowser().openBrowser,
  });
  await manager.signIn(tokens);
  return { server, store, manager, grantor, events, clock, first: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken } };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await rejection(promise, ProviderError);
  messages.push(error.message);
  return error;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  // Every message a person could see during the test (errors, sign-out events) is free of secrets.
  for (const message of messages.splice(0)) {
    expect(message).not.toMatch(/sim_(at|rt|code)_/);
    expect(message).not.toContain(SECRET);
  }
});

describe('TokenManager', () => {
  it('keeps the access token in memory until shortly before expiry, then refreshes ahead of time', async () => {
    const { manager, server, clock, first, store } = await rig();
    expect(store.saves()).toEqual([first.refreshToken]);
    expect(await manager.accessToken()).toBe(first.accessToken);

    clock.now += ACCESS_TTL_MS - 61_000;
    expect(await manager.accessToken()).toBe(first.accessToken);
    expect(server.counters().refreshRequests).toBe(0);

    clock.now += 2_000; // now inside the 60 s margin
    const next = await manager.accessToken();
    expect(next).not.toBe(first.accessToken);
    expect(server.isAccessTokenValid(next)).toBe(true);
    expect(server.counters().refreshGrants).toBe(1);
  });

  it('honours a configured refresh margin', async () => {
    const { manager, server, clock, first } = await rig({ refreshMarginMs: DAY });
    clock.now += ACCESS_TTL_MS - DAY + 1;
    expect(await manager.accessToken()).not.toBe(first.accessToken);
    expect(server.counters().refreshGrants).toBe(1);
  });

  it('serves TEN concurrent callers during expiry with exactly ONE refresh grant', async () => {
    const { manager, server, clock, store, first } = await rig();
    clock.now += ACCESS_TTL_MS;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.accessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first.accessToken);
    expect(server.isAccessTokenValid(tokens[0] ?? '')).toBe(true);
    expect(server.counters().refreshRequests).toBe(1);
    expect(store.saves()).toHaveLength(2);
    // Afterwards the new token is served from memory.
    await manager.accessToken();
    expect(server.counters().refreshRequests).toBe(1);
  });

  it('saves the rotated refresh token before it hands out the new access token', async () => {
    const { manager, clock, store, first, server } = await rig();
    clock.now += ACCESS_TTL_MS;
    store.holdSaves();
    let handedOut: string | undefined;
    const pending = manager.accessToken().then((token) => {
      handedOut = token;
      store.journal.push({ event: 'released', token });
      return token;
    });
    await eventually(() => expect(store.journal.filter((e) => e.event === 'save')).toHaveLength(2));
    // The server already rotated (the old refresh token is dead), the save is still in progress:
    // nobody has the new access token yet.
    expect(handedOut).toBeUndefined();
    store.release();
    const token = await pending;

    const events = store.journal.map((e) => e.event);
    expect(events.lastIndexOf('saved')).toBeLessThan(events.indexOf('released'));
    const saved = store.saves().at(-1) ?? '';
    expect(saved).not.toBe(first.refreshToken);
    expect(server.isAccessTokenValid(token)).toBe(true);
    // What was saved is the refresh token the server now honours (the old one it refuses).
    await expect(
      refreshTokens({ tokenUrl: server.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET, refreshToken: saved }),
    ).resolves.toBeDefined();
  });

  it('refreshes once for TEN concurrent 401s, and answers a late 401 for the old token with the current one', async () => {
    const { manager, server, first } = await rig();
    server.expireAccessTokens(); // the API now answers 401 to the first token
    const fresh = await Promise.all(Array.from({ length: 10 }, () => manager.refreshAfterUnauthorized(first.accessToken)));
    expect(new Set(fresh).size).toBe(1);
    expect(server.isAccessTokenValid(fresh[0] ?? '')).toBe(true);
    expect(server.counters().refreshRequests).toBe(1);

    expect(await manager.refreshAfterUnauthorized(first.accessToken)).toBe(fresh[0]);
    expect(server.counters().refreshRequests).toBe(1);
  });

  it('signs out instead of looping when the freshly refreshed token is refused as well', async () => {
    const { manager, server, first, store, events } = await rig();
    server.expireAccessTokens();
    const fresh = await manager.refreshAfterUnauthorized(first.accessToken);
    server.expireAccessTokens(); // the provider refuses the new token too

    const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => manager.refreshAfterUnauthorized(fresh)));
    expect(attempts.every((a) => a.status === 'rejected' && a.reason instanceof ProviderError && a.reason.code === 'AUTH')).toBe(true);
    for (const a of attempts) if (a.status === 'rejected') messages.push((a.reason as Error).message);
    expect(server.counters().refreshRequests).toBe(1);
    expect(manager.isSignedIn()).toBe(false);
    expect(store.token).toBeNull();
    expect(events).toEqual([{ reason: 'refused', message: 'Webex refused a freshly refreshed access token: sign in again.' }]);
  });

  it('refreshes again for a refused token that is no longer fresh', async () => {
    const { manager, server, first, clock } = await rig({ freshTokenWindowMs: 30_000 });
    server.expireAccessTokens();
    const fresh = await manager.refreshAfterUnauthorized(first.accessToken);
    clock.now += 31_000;
    server.expireAccessTokens();
    const again = await manager.refreshAfterUnauthorized(fresh);
    expect(again).not.toBe(fresh);
    expect(manager.isSignedIn()).toBe(true);
    expect(server.counters().refreshRequests).toBe(2);
  });

  it('on invalid_grant signs out cleanly: store and memory wiped, ONE event, the same error for every caller', async () => {
    const { manager, server, clock, store, events } = await rig();
    server.invalidateRefreshTokens();
    clock.now += ACCESS_TTL_MS;
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => manager.accessToken()));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as ProviderError;
      expect(reason).toBeInstanceOf(ProviderError);
      expect(reason.code).toBe('AUTH');
      expect(reason.message).toBe('Your Webex sign-in has expired: sign in again.');
      messages.push(reason.message);
    }
    expect(server.counters().refreshRequests).toBe(1);
    expect(events).toEqual([{ reason: 'expired', message: 'Your Webex sign-in has expired: sign in again.' }]);
    expect(manager.state()).toBe('signedOut');
    expect(store.token).toBeNull();

    const after = await failure(manager.accessToken());
    expect(after.message).toBe('You are signed out of Webex: sign in again.');
    await failure(manager.refreshAfterUnauthorized('anything'));
    expect(server.counters().refreshRequests).toBe(1);
    expect(events).toHaveLength(1);
  });

  it('rides out a failed early refresh with the still-valid token, and reports the network once it has expired', async () => {
    const { manager, server, clock, first } = await rig();
    clock.now += ACCESS_TTL_MS - 30_000; // inside the margin, not yet expired
    server.failNextTokenRequests(1, 503);
    expect(await manager.accessToken()).toBe(first.accessToken);

    clock.now += 60_000; // expired now
    server.failNextTokenRequests(1, 503);
    const error = await failure(manager.accessToken());
    expect(error.code).toBe('UNAVAILABLE');
    expect(manager.isSignedIn()).toBe(true);

    const recovered = await manager.accessToken();
    expect(server.isAccessTokenValid(recovered)).toBe(true);
  });

  it('keeps the session in memory when the store cannot save, and says so', async () => {
    const storeErrors: unknown[] = [];
    const store = new RecordingStore();
    const { manager, clock } = await rig({ store, onStoreError: (e) => storeErrors.push(e) });
    store.save = async () => {
      throw new Error('keychain locked');
    };
    clock.now += ACCESS_TTL_MS;
    await expect(manager.accessToken()).resolves.toMatch(/^sim_at_/);
    expect(storeErrors).toHaveLength(1);
    expect(manager.isSignedIn()).toBe(true);
  });

  it('signs out with a best-effort revocation, wiping memory and store', async () => {
    const { manager, server, store, events, first } = await rig();
    const current = await manager.accessToken();
    await manager.signOut({ revoke: true });
    expect(server.counters().revocations).toBe(1);
    expect(server.isAccessTokenValid(current)).toBe(false);
    const dead = await refreshTokens({
      tokenUrl: server.tokenUrl,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      refreshToken: first.refreshToken,
    }).catch((e: unknown) => e);
    expect((dead as { oauthCode?: string }).oauthCode).toBe('invalid_grant');
    expect(store.token).toBeNull();
    expect(manager.isSignedIn()).toBe(false);
    expect(events).toEqual([{ reason: 'signedOut', message: 'You signed out of Webex.' }]);
    await failure(manager.accessToken());
  });

  it('signs out even when the provider cannot be reached to revoke', async () => {
    const { manager, server, store } = await rig();
    await server.close();
    await manager.signOut();
    expect(store.token).toBeNull();
    expect(manager.isSignedIn()).toBe(false);
  });

  it('signs out without revoking when asked', async () => {
    const { manager, server } = await rig();
    await manager.signOut({ revoke: false });
    expect(server.counters().revocations).toBe(0);
  });

  it('does not resurrect a session when sign-out happens during a refresh', async () => {
    const { manager, clock, store } = await rig();
    clock.now += ACCESS_TTL_MS;
    store.holdSaves();
    const pending = manager.accessToken();
    await eventually(() => expect(store.journal.filter((e) => e.event === 'save')).toHaveLength(2));
    const signedOut = manager.signOut({ revoke: false });
    store.release();
    await signedOut;
    const error = await failure(pending);
    expect(error.code).toBe('AUTH');
    expect(store.token).toBeNull();
    expect(manager.isSignedIn()).toBe(false);
  });

  it("gives callers of a refresh that a new sign-in overtook the new session's token", async () => {
    const { manager, clock, store, server } = await rig();
    clock.now += ACCESS_TTL_MS;
    store.holdSaves();
    const pending = manager.accessToken();
    await eventually(() => expect(store.journal.filter((e) => e.event === 'save')).toHaveLength(2));
    const again = await signInWithBrowser({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      authBaseUrl: server.baseUrl,
      openBrowser: scriptedBrowser().openBrowser,
    });
    const signingIn = manager.signIn(again);
    store.release();
    await signingIn;
    expect(await pending).toBe(again.accessToken);
    expect(store.token).toBe(again.refreshToken);
  });

  it('lets a sign-out that follows a sign-in win, even while the sign-in is still saving', async () => {
    const { manager, store, server } = await rig();
    const again = await signInWithBrowser({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      authBaseUrl: server.baseUrl,
      openBrowser: scriptedBrowser().openBrowser,
    });
    store.holdSaves();
    const signingIn = manager.signIn(again);
    const signingOut = manager.signOut({ revoke: false });
    store.release();
    await Promise.all([signingIn, signingOut]);
    expect(store.token).toBeNull();
    expect(manager.isSignedIn()).toBe(false);
  });

  it('restores a session from the stored refresh token', async () => {
    const { server, store, first } = await rig();
    const grantor = createWebexTokenGrantor({ authBaseUrl: server.baseUrl, clientId: CLIENT_ID, clientSecret: SECRET });
    const restarted = new TokenManager({ grantor, store: new RecordingStore(store.token) });
    await expect(restarted.restore()).resolves.toEqual({ status: 'signedIn' });
    const token = await restarted.accessToken();
    expect(token).not.toBe(first.accessToken);
    expect(server.isAccessTokenValid(token)).toBe(true);

    const empty = new TokenManager({ grantor, store: new RecordingStore() });
    await expect(empty.restore()).resolves.toEqual({ status: 'signedOut', reason: 'nothingStored' });
    expect(empty.isSignedIn()).toBe(false);
  });

  it('restores to signed-out when the stored refresh token is dead', async () => {
    const { server, first } = await rig();
    server.invalidateRefreshTokens();
    const store = new RecordingStore(first.refreshToken);
    const restarted = new TokenManager({
      grantor: createWebexTokenGrantor({ authBaseUrl: server.baseUrl, clientId: CLIENT_ID, clientSecret: SECRET }),
      store,
    });
    const events: SignedOutEvent[] = [];
    restarted.onSignedOut((e) => events.push(e));
    await expect(restarted.restore()).resolves.toEqual({ status: 'signedOut', reason: 'expired' });
    expect(store.token).toBeNull();
    expect(events.map((e) => e.reason)).toEqual(['expired']);
  });

  it('restores to "unreachable" while offline and signs in on the next attempt', async () => {
    const { server, first } = await rig();
    server.failNextTokenRequests(1, 503);
    const restarted = new TokenManager({
      grantor: createWebexTokenGrantor({ authBaseUrl: server.baseUrl, clientId: CLIENT_ID, clientSecret: SECRET }),
      store: new RecordingStore(first.refreshToken),
    });
    const outcome = await restarted.restore();
    expect(outcome.status).toBe('unreachable');
    if (outcome.status === 'unreachable') messages.push(outcome.error.message);
    expect(restarted.isSignedIn()).toBe(true);
    expect(server.isAccessTokenValid(await restarted.accessToken())).toBe(true);
  });
});
