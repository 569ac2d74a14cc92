/**
 * The whole Webex sign-in as a user lives it, over real loopback HTTP: browser consent → code →
 * tokens → API calls through the app's HTTP client → expiry → refresh with rotation → the provider
 * revoking a token → sign-out with revocation.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TokenManager, type SignedOutEvent } from '../../../src/main/auth/token-manager';
import { createWebexTokenGrantor, refreshTokens, signInWithBrowser } from '../../../src/main/providers/webex/oauth';
import { createHttpClient } from '../../../src/main/provider-api/http-client';
import { ProviderError } from '../../../src/main/provider-api/provider-error';
import { startWebexOAuthServer, type WebexOAuthServer } from '../../../src/main/simulator/webex-oauth';
import { RecordingStore } from './recording-store';
import { scriptedBrowser } from './scripted-browser';

const CLIENT_ID = 'C-switchboard-test';
const SECRET = 'client-secret-value';
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A stand-in for the Webex API: GET /v1/people/me answers 200 for a valid token, 401 otherwise. */
async function startApi(oauth: WebexOAuthServer): Promise<{ baseUrl: string; requests: { token: string; status: number }[] }> {
  const requests: { token: string; status: number }[] = [];
  const server: Server = createServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const status = oauth.isAccessTokenValid(token) ? 200 : 401;
    requests.push({ token, status });
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(
      status === 200
        ? JSON.stringify({ id: 'person-1', displayName: 'Ada' })
        : JSON.stringify({
            message: 'The request requires a valid access token set in the Authorization request header.',
            trackingId: 'API_1',
          }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests };
}

/** A token manager and an HTTP client on the test API, signed in through the scripted browser. */
async function signedInClient(oauth: WebexOAuthServer, api: { baseUrl: string }) {
  const manager = new TokenManager({
    grantor: createWebexTokenGrantor({ authBaseUrl: oauth.baseUrl, clientId: CLIENT_ID, clientSecret: SECRET }),
    store: new RecordingStore(),
  });
  const http = createHttpClient({
    baseUrl: api.baseUrl,
    tokens: manager,
    providerName: 'Webex',
    describeError: (status) => new ProviderError({ code: 'AUTH', status, message: `HTTP ${status}` }),
  });
  await manager.signIn(
    await signInWithBrowser({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      authBaseUrl: oauth.baseUrl,
      openBrowser: scriptedBrowser().openBrowser,
    }),
  );
  return { manager, http };
}

const personSchema = z.object({ id: z.string(), displayName: z.string() });

describe('Webex sign-in, end to end', () => {
  it('signs in through the browser, stays signed in across expiry and rotation, and signs out', async () => {
    const issued: string[] = [];
    const oauth = await startWebexOAuthServer({ clientId: CLIENT_ID, clientSecret: SECRET, onTokenIssued: (t) => issued.push(t) });
    cleanup.push(() => oauth.close());
    const api = await startApi(oauth);
    const clock = { now: Date.parse('2026-05-04T09:00:00Z') };
    const store = new RecordingStore();
    const manager = new TokenManager({
      grantor: createWebexTokenGrantor({ authBaseUrl: oauth.baseUrl, clientId: CLIENT_ID, clientSecret: SECRET }),
      store,
      now: () => clock.now,
    });
    const events: SignedOutEvent[] = [];
    manager.onSignedOut((e) => events.push(e));
    const http = createHttpClient({
      baseUrl: api.baseUrl,
      tokens: manager,
      providerName: 'Webex',
      describeError: (status) =>
        new ProviderError({ code: status === 401 ? 'AUTH' : 'PROVIDER', status, message: `Webex refused (HTTP ${status}).` }),
    });

    // 1. Sign in: the browser consents, the code comes back to the loopback listener, tokens arrive.
    const browser = scriptedBrowser();
    await manager.signIn(
      await signInWithBrowser({ clientId: CLIENT_ID, clientSecret: SECRET, authBaseUrl: oauth.baseUrl, openBrowser: browser.openBrowser }),
    );
    await browser.settled();
    expect(browser.pages.at(-1)?.body).toContain('You are signed in');
    expect(store.token).toMatch(/^sim_rt_/);
    const firstRefresh = store.token ?? '';
    await expect(http.get('/people/me', personSchema)).resolves.toEqual({ id: 'person-1', displayName: 'Ada' });

    // 2. Two weeks later the access token is due: it is refreshed ahead of expiry, the refresh token rotates.
    clock.now += 14 * 24 * 3600_000;
    await expect(http.get('/people/me', personSchema)).resolves.toMatchObject({ id: 'person-1' });
    expect(oauth.counters().refreshGrants).toBe(1);
    expect(store.token).not.toBe(firstRefresh);
    const rotated = await refreshTokens({
      tokenUrl: oauth.tokenUrl,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      refreshToken: firstRefresh,
    }).catch((e: unknown) => e);
    expect((rotated as { oauthCode?: string }).oauthCode).toBe('invalid_grant');

    // 3. The provider stops accepting the access token early: one 401, one refresh, the call is replayed.
    oauth.expireAccessTokens();
    await expect(http.get('/people/me', personSchema)).resolves.toMatchObject({ id: 'person-1' });
    expect(oauth.counters().refreshGrants).toBe(2);
    expect(api.requests.map((r) => r.status)).toEqual([200, 200, 401, 200]);

    // 4. Sign out: the provider is asked to revoke, nothing is left behind.
    const lastToken = api.requests.at(-1)?.token ?? '';
    await manager.signOut({ revoke: true });
    expect(oauth.isAccessTokenValid(lastToken)).toBe(false);
    expect(store.token).toBeNull();
    expect(events.map((e) => e.reason)).toEqual(['signedOut']);
    const after = await http.get('/people/me', personSchema).catch((e: unknown) => e);
    expect(after).toBeInstanceOf(ProviderError);
    expect((after as ProviderError).code).toBe('AUTH');
    expect(issued).toHaveLength(3);
  });

  it('refreshes once for ten API calls refused at the same time', async () => {
    const oauth = await startWebexOAuthServer({ clientId: CLIENT_ID, clientSecret: SECRET });
    cleanup.push(() => oauth.close());
    const { http } = await signedInClient(oauth, await startApi(oauth));

    oauth.expireAccessTokens();
    const people = await Promise.all(Array.from({ length: 10 }, () => http.get('/people/me', personSchema)));
    expect(people).toHaveLength(10);
    expect(oauth.counters().refreshRequests).toBe(1);
  });

  it('ends in the signed-out state, without a loop, when the provider refuses every token', async () => {
    const oauth = await startWebexOAuthServer({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      onTokenIssued: () => queueMicrotask(() => oauth.expireAccessTokens()),
    });
    cleanup.push(() => oauth.close());
    const { manager, http } = await signedInClient(oauth, await startApi(oauth));
    const events: SignedOutEvent[] = [];
    manager.onSignedOut((e) => events.push(e));

    // The token is refused, refreshed once, and the replay refused again: the call fails.
    const first = await http.get('/people/me', personSchema).catch((e: unknown) => e);
    expect((first as ProviderError).code).toBe('AUTH');
    // The next call meets the refused fresh token again: the manager signs out instead of refreshing.
    const second = await http.get('/people/me', personSchema).catch((e: unknown) => e);
    expect((second as ProviderError).message).toBe('Webex refused a freshly refreshed access token: sign in again.');
    const third = await http.get('/people/me', personSchema).catch((e: unknown) => e);
    expect((third as ProviderError).message).toBe('You are signed out of Webex: sign in again.');
    expect(oauth.counters().refreshRequests).toBe(1);
    expect(manager.isSignedIn()).toBe(false);
    expect(events.map((e) => e.reason)).toEqual(['refused']);
  });
});
