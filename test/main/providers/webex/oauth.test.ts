import { afterEach, describe, expect, it } from 'vitest';
import { createPkcePair } from '../../../../src/main/auth/pkce';
import { OAuthError, SignInError, isInvalidGrant } from '../../../../src/main/auth/sign-in-errors';
import {
  WEBEX_DEFAULT_SCOPES,
  buildAuthorizeUrl,
  exchangeCode,
  refreshTokens,
  revokeToken,
  signInWithBrowser,
  webexTokenUrl,
} from '../../../../src/main/providers/webex/oauth';
import { startWebexOAuthServer, type WebexOAuthServer } from '../../../../src/main/simulator/webex-oauth';
import { authorizeForCode, scriptedBrowser } from '../../auth/scripted-browser';
import { rejection } from '../../../support/rejection';
import { eventually } from '../../../support/eventually';

const CLIENT_ID = 'C-switchboard-test';
const SECRET = 'client-secret-value';
const servers: WebexOAuthServer[] = [];

async function start(options: Partial<Parameters<typeof startWebexOAuthServer>[0]> = {}): Promise<WebexOAuthServer> {
  const server = await startWebexOAuthServer({ clientId: CLIENT_ID, clientSecret: SECRET, ...options });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A closed loopback port: connecting to it is refused at once. */
async function deadUrl(): Promise<string> {
  const server = await startWebexOAuthServer({ clientId: CLIENT_ID });
  const url = server.tokenUrl;
  await server.close();
  return url;
}

describe('buildAuthorizeUrl', () => {
  it('asks Webex for a code with S256 PKCE and space-separated default scopes', () => {
    const url = new URL(
      buildAuthorizeUrl({ clientId: 'cid', redirectUri: 'http://127.0.0.1:5000/oauth/callback', state: 's1', codeChallenge: 'ch' }),
    );
    expect(url.origin + url.pathname).toBe('https://webexapis.com/v1/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:5000/oauth/callback',
      scope: 'spark:calls_read spark:calls_write spark:people_read spark:telephony_config_read',
      state: 's1',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
    expect(url.toString()).toContain('scope=spark%3Acalls_read+spark%3Acalls_write');
    expect(WEBEX_DEFAULT_SCOPES).toHaveLength(4);
    expect(webexTokenUrl('http://127.0.0.1:9/v1/')).toBe('http://127.0.0.1:9/v1/access_token');
  });
});

describe('token endpoint client against the fake Webex server', () => {
  async function code(server: WebexOAuthServer, redirectUri = 'http://127.0.0.1:6001/oauth/callback') {
    const pkce = createPkcePair();
    const { code } = await authorizeForCode(
      buildAuthorizeUrl({ authBaseUrl: server.baseUrl, clientId: CLIENT_ID, redirectUri, state: 'x', codeChallenge: pkce.challenge }),
    );
    return { code: code ?? '', verifier: pkce.verifier, redirectUri };
  }

  it('exchanges a code, refreshes with rotation and revokes', async () => {
    const server = await start();
    const endpoint = { tokenUrl: server.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET };
    const c = await code(server);
    const tokens = await exchangeCode({ ...endpoint, code: c.code, redirectUri: c.redirectUri, codeVerifier: c.verifier });
    expect(tokens).toMatchObject({ expiresInS: 1209599, refreshTokenExpiresInS: 7775999, tokenType: 'Bearer' });
    expect(server.isAccessTokenValid(tokens.accessToken)).toBe(true);

    const refreshed = await refreshTokens({ ...endpoint, refreshToken: tokens.refreshToken });
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    const old = await rejection(refreshTokens({ ...endpoint, refreshToken: tokens.refreshToken }), OAuthError);
    expect(isInvalidGrant(old)).toBe(true);
    expect(old.code).toBe('AUTH');
    expect(old.message).toBe('Your Webex sign-in has expired: sign in again.');

    await expect(revokeToken({ ...endpoint, token: refreshed.refreshToken, tokenTypeHint: 'refresh_token' })).resolves.toBe(true);
    expect(server.isAccessTokenValid(refreshed.accessToken)).toBe(false);
    expect(server.counters().revocations).toBe(1);
  });

  it('refuses a replayed code with invalid_grant', async () => {
    const server = await start();
    const c = await code(server);
    const request = {
      tokenUrl: server.tokenUrl,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      code: c.code,
      redirectUri: c.redirectUri,
      codeVerifier: c.verifier,
    };
    await exchangeCode(request);
    const replay = await rejection(exchangeCode(request), OAuthError);
    expect(replay.oauthCode).toBe('invalid_grant');
    expect(replay.message).toMatch(
      /^Webex refused the sign-in code \(it expired, was already used or does not match this sign-in\): sign in again\. \(tracking ID SIM_OAUTH_\d+\)$/,
    );
    expect(replay.message).not.toContain(c.code);
  });

  it('names wrong client credentials, and never puts the secret in the message', async () => {
    const server = await start();
    const c = await code(server);
    const error = await rejection(
      exchangeCode({
        tokenUrl: server.tokenUrl,
        clientId: CLIENT_ID,
        clientSecret: 'wrong-secret',
        code: c.code,
        redirectUri: c.redirectUri,
        codeVerifier: c.verifier,
      }),
      OAuthError,
    );
    expect(error.oauthCode).toBe('invalid_client');
    expect(error.message).toMatch(/^Webex refused Switchboard's client credentials \(invalid_client\): check the client ID and secret\./);
    expect(error.message).not.toContain('wrong-secret');
  });

  it('turns an unreachable server into a network error and a 503 into "unavailable"', async () => {
    const url = await deadUrl();
    const network = await rejection(refreshTokens({ tokenUrl: url, clientId: CLIENT_ID, refreshToken: 'rt-secret-value' }), OAuthError);
    expect(network.code).toBe('NETWORK');
    expect(network.retryable).toBe(true);
    expect(network.message).toBe('Cannot reach the Webex sign-in service: check the network connection.');
    expect(isInvalidGrant(network)).toBe(false);

    const server = await start();
    server.failNextTokenRequests(1, 503);
    const down = await rejection(
      refreshTokens({ tokenUrl: server.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET, refreshToken: 'whatever-token' }),
      OAuthError,
    );
    expect(down.code).toBe('UNAVAILABLE');
    expect(down.message).toMatch(/^The Webex sign-in service is unavailable \(HTTP 503\): try again later\./);
  });

  it('reads Webex-style refusals without an RFC error field, and redacts anything echoed back', async () => {
    const refreshToken = 'rt-that-must-never-show-up';
    const webexStyle = async () =>
      new Response(
        JSON.stringify({
          message: `The refresh token provided is expired, revoked, malformed, or invalid: ${refreshToken}`,
          errors: [{ description: `bad token ${refreshToken}` }],
          trackingId: 'ROUTER_1',
        }),
        {
          status: 400,
          headers: { 'Content-Type': 'application/json' },
        },
      );
    const error = await rejection(
      refreshTokens({ tokenUrl: 'http://127.0.0.1:9/v1/access_token', clientId: CLIENT_ID, refreshToken, fetch: webexStyle }),
      OAuthError,
    );
    expect(error.oauthCode).toBe('invalid_grant');
    expect(error.trackingId).toBe('ROUTER_1');

    const echo = async () =>
      new Response(JSON.stringify({ error: 'invalid_request', error_description: `refresh_token=${refreshToken} is odd` }), {
        status: 400,
      });
    const echoed = await rejection(
      refreshTokens({ tokenUrl: 'http://127.0.0.1:9/v1/access_token', clientId: CLIENT_ID, refreshToken, fetch: echo }),
      OAuthError,
    );
    expect(echoed.message).toBe('Webex refused the token request (invalid_request): refresh_token=[redacted] is odd');
  });

  it('refuses answers it cannot use, naming the field but not the values', async () => {
    const notJson = async () => new Response('<html>proxy login</html>', { status: 200 });
    const a = await rejection(
      refreshTokens({ tokenUrl: 'http://127.0.0.1:9/x', clientId: CLIENT_ID, refreshToken: 'rt', fetch: notJson }),
      OAuthError,
    );
    expect(a.code).toBe('BAD_RESPONSE');
    const noExpiry = async () => new Response(JSON.stringify({ access_token: 'at-secret-value', token_type: 'Bearer' }), { status: 200 });
    const b = await rejection(
      refreshTokens({ tokenUrl: 'http://127.0.0.1:9/x', clientId: CLIENT_ID, refreshToken: 'rt', fetch: noExpiry }),
      OAuthError,
    );
    expect(b.message).toBe('The Webex sign-in service sent an answer Switchboard cannot read (expires_in is missing or invalid).');
    expect(b.message).not.toContain('at-secret-value');
    // A refresh answer without a refresh token keeps the old one (no rotation).
    const noRotation = async () =>
      new Response(JSON.stringify({ access_token: 'at2', expires_in: 60, token_type: 'Bearer' }), { status: 200 });
    await expect(
      refreshTokens({ tokenUrl: 'http://127.0.0.1:9/x', clientId: CLIENT_ID, refreshToken: 'rt-old', fetch: noRotation }),
    ).resolves.toMatchObject({ accessToken: 'at2', refreshToken: 'rt-old' });
  });

  it('revokes best effort: an unreachable server resolves false', async () => {
    const url = await deadUrl();
    await expect(revokeToken({ tokenUrl: url, clientId: CLIENT_ID, token: 't' })).resolves.toBe(false);
  });
});

describe('signInWithBrowser', () => {
  it('runs the whole browser round trip and returns working tokens', async () => {
    const server = await start();
    const browser = scriptedBrowser();
    const tokens = await signInWithBrowser({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      authBaseUrl: server.baseUrl,
      openBrowser: browser.openBrowser,
    });
    await browser.settled();

    expect(server.isAccessTokenValid(tokens.accessToken)).toBe(true);
    const opened = new URL(browser.opened[0] ?? '');
    expect(opened.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
    expect(opened.searchParams.get('scope')).toBe(WEBEX_DEFAULT_SCOPES.join(' '));
    const last = browser.pages.at(-1);
    expect(last?.status).toBe(200);
    expect(last?.body).toContain('return to Switchboard');
    expect(server.counters()).toMatchObject({ authorizations: 1, codeGrants: 1 });
  });

  it('reports consent denied in words, and the browser page says so too', async () => {
    const server = await start({ consent: 'deny' });
    const browser = scriptedBrowser();
    const error = await rejection(
      signInWithBrowser({ clientId: CLIENT_ID, clientSecret: SECRET, authBaseUrl: server.baseUrl, openBrowser: browser.openBrowser }),
      SignInError,
    );
    expect(error.message).toBe('You declined access in the browser.');
    await browser.settled();
    expect(browser.pages.at(-1)?.body).toContain('Sign-in did not complete');
    expect(server.counters().codeGrants).toBe(0);
  });

  it('refuses a redirect carrying a wrong state, never exchanges its code, and keeps the sign-in waiting', async () => {
    const server = await start();
    const browser = scriptedBrowser({
      tamper: (url) => {
        if (url.searchParams.has('state')) url.searchParams.set('state', 'forged');
        return url;
      },
    });
    const cancel = new AbortController();
    const signIn = rejection(
      signInWithBrowser({
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        authBaseUrl: server.baseUrl,
        openBrowser: browser.openBrowser,
        signal: cancel.signal,
      }),
      SignInError,
    );
    await eventually(() => expect(browser.opened).toHaveLength(1));
    await browser.settled();
    expect(browser.pages.at(-1)?.status).toBe(400);
    expect(browser.pages.at(-1)?.body).toContain('Sign-in did not complete');
    // The forged answer did not end the sign-in: only the user's cancel (or the timeout) does.
    cancel.abort();
    expect((await signIn).reason).toBe('cancelled');
    expect(server.counters().codeGrants).toBe(0);
  });

  it('times out when the browser never comes back, and closes the listener', async () => {
    const server = await start();
    let redirectUri = '';
    const error = await rejection(
      signInWithBrowser({
        clientId: CLIENT_ID,
        authBaseUrl: server.baseUrl,
        timeoutMs: 50,
        openBrowser: async (url) => {
          redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        },
      }),
      SignInError,
    );
    expect(error.message).toBe('Sign-in timed out after 50 ms: try again.');
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('fails clearly when the browser cannot be opened, and can be cancelled', async () => {
    const server = await start();
    const broken = await rejection(
      signInWithBrowser({
        clientId: CLIENT_ID,
        authBaseUrl: server.baseUrl,
        openBrowser: async () => Promise.reject(new Error('no handler for https')),
      }),
      SignInError,
    );
    expect(broken.reason).toBe('browserFailed');

    const controller = new AbortController();
    const pending = signInWithBrowser({
      clientId: CLIENT_ID,
      authBaseUrl: server.baseUrl,
      signal: controller.signal,
      openBrowser: async () => controller.abort(),
    });
    expect((await rejection(pending, SignInError)).reason).toBe('cancelled');
  });

  it('surfaces a token-endpoint refusal after the browser part succeeded', async () => {
    const server = await start();
    const browser = scriptedBrowser();
    const error = await rejection(
      signInWithBrowser({
        clientId: CLIENT_ID,
        clientSecret: 'stale-secret',
        authBaseUrl: server.baseUrl,
        openBrowser: browser.openBrowser,
      }),
      OAuthError,
    );
    expect(error.oauthCode).toBe('invalid_client');
    expect(error.message).not.toContain('stale-secret');
  });
});
