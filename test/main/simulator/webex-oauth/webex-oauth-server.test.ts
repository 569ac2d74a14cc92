import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPkcePair } from '../../../../src/main/auth/pkce';
import {
  createWebexOAuthHandler,
  startWebexOAuthServer,
  type WebexOAuthOptions,
  type WebexOAuthServer,
} from '../../../../src/main/simulator/webex-oauth';
import { authorizeForCode } from '../../auth/scripted-browser';

const CLIENT_ID = 'C-switchboard-test';
const SECRET = 'client-secret-value';
const REDIRECT = 'http://127.0.0.1:6001/oauth/callback';
const servers: WebexOAuthServer[] = [];

async function start(options: Partial<WebexOAuthOptions> = {}): Promise<WebexOAuthServer> {
  const server = await startWebexOAuthServer({ clientId: CLIENT_ID, clientSecret: SECRET, ...options });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function authorizeUrl(
  server: WebexOAuthServer,
  overrides: Record<string, string | null> = {},
  challenge = createPkcePair().challenge,
): string {
  const url = new URL(server.authorizeUrl);
  const params: Record<string, string | null> = {
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'spark:calls_read spark:calls_write',
    state: 'st',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}

async function postToken(
  server: WebexOAuthServer,
  form: Record<string, string>,
  init: { url?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(init.url ?? server.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...init.headers },
    body: new URLSearchParams(form),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function codeFor(server: WebexOAuthServer): Promise<{ code: string; verifier: string }> {
  const pkce = createPkcePair();
  const { code } = await authorizeForCode(authorizeUrl(server, {}, pkce.challenge));
  if (!code) throw new Error('no code');
  return { code, verifier: pkce.verifier };
}

function codeGrant(code: string, verifier: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    client_secret: SECRET,
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
    ...extra,
  };
}

describe('fake Webex authorize endpoint', () => {
  it('auto-consents with a 302 back to the redirect URI carrying a code and the state', async () => {
    const server = await start();
    const result = await authorizeForCode(authorizeUrl(server));
    expect(result.location.origin + result.location.pathname).toBe(REDIRECT);
    expect(result.code).toMatch(/^sim_code_/);
    expect(result.state).toBe('st');
    expect(server.counters().authorizations).toBe(1);
  });

  it('redirects with access_denied when the fake user declines', async () => {
    const server = await start({ consent: 'deny' });
    const denied = await authorizeForCode(authorizeUrl(server));
    expect(denied.error).toBe('access_denied');
    expect(denied.code).toBeNull();
    expect(denied.state).toBe('st');
    server.setConsent('grant');
    expect((await authorizeForCode(authorizeUrl(server))).code).not.toBeNull();
    expect(server.counters()).toMatchObject({ deniedAuthorizations: 1, authorizations: 1 });
  });

  it('shows an error page (no redirect) for an unknown client or an unregistered redirect URI', async () => {
    const server = await start({ redirectUris: ['http://127.0.0.1:6001/oauth/callback'] });
    const unknownClient = await fetch(authorizeUrl(server, { client_id: 'someone-else' }), { redirect: 'manual' });
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.headers.get('location')).toBeNull();
    const foreign = await fetch(authorizeUrl(server, { redirect_uri: 'https://attacker.example/cb' }), { redirect: 'manual' });
    expect(foreign.status).toBe(400);
    const otherPath = await fetch(authorizeUrl(server, { redirect_uri: 'http://127.0.0.1:6001/elsewhere' }), { redirect: 'manual' });
    expect(otherPath.status).toBe(400);
    // RFC 8252 §7.3: a loopback redirect URI matches on any port.
    const otherPort = await authorizeForCode(authorizeUrl(server, { redirect_uri: 'http://127.0.0.1:54321/oauth/callback' }));
    expect(otherPort.code).not.toBeNull();
  });

  it('redirects with an OAuth error for a bad response_type, scope or PKCE challenge', async () => {
    const server = await start();
    expect((await authorizeForCode(authorizeUrl(server, { response_type: 'token' }))).error).toBe('unsupported_response_type');
    expect((await authorizeForCode(authorizeUrl(server, { scope: 'spark:all' }))).error).toBe('invalid_scope');
    expect((await authorizeForCode(authorizeUrl(server, { scope: null }))).error).toBe('invalid_scope');
    expect((await authorizeForCode(authorizeUrl(server, { code_challenge: null, code_challenge_method: null }))).error).toBe(
      'invalid_request',
    );
    expect((await authorizeForCode(authorizeUrl(server, { code_challenge_method: 'plain' }))).error).toBe('invalid_request');
    expect((await authorizeForCode(authorizeUrl(server, { code_challenge: 'short' }))).error).toBe('invalid_request');
    expect(server.counters().authorizations).toBe(0);
  });
});

describe('fake Webex token endpoint', () => {
  it('exchanges a code once, checking redirect_uri, PKCE verifier and client secret', async () => {
    const issued: string[] = [];
    const server = await start({ onTokenIssued: (token) => issued.push(token) });

    const { code, verifier } = await codeFor(server);
    const ok = await postToken(server, codeGrant(code, verifier));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 1209599,
      refresh_token_expires_in: 7775999,
      scope: 'spark:calls_read spark:calls_write',
    });
    expect(issued).toEqual([ok.body.access_token]);
    expect(server.isAccessTokenValid(String(ok.body.access_token))).toBe(true);

    const replay = await postToken(server, codeGrant(code, verifier));
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const wrongRedirect = await codeFor(server);
    expect(
      (
        await postToken(
          server,
          codeGrant(wrongRedirect.code, wrongRedirect.verifier, { redirect_uri: 'http://127.0.0.1:6002/oauth/callback' }),
        )
      ).body.error,
    ).toBe('invalid_grant');

    const wrongVerifier = await codeFor(server);
    expect((await postToken(server, codeGrant(wrongVerifier.code, createPkcePair().verifier))).body.error).toBe('invalid_grant');
    // The failed attempt used the code up.
    expect((await postToken(server, codeGrant(wrongVerifier.code, wrongVerifier.verifier))).body.error).toBe('invalid_grant');

    const wrongSecret = await codeFor(server);
    const refused = await postToken(server, codeGrant(wrongSecret.code, wrongSecret.verifier, { client_secret: 'nope' }));
    expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(server.counters().codeGrants).toBe(1);
  });

  it('takes client credentials as HTTP Basic too', async () => {
    const server = await start();
    const { code, verifier } = await codeFor(server);
    const form = codeGrant(code, verifier);
    delete form.client_id;
    delete form.client_secret;
    const basic = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
    expect((await postToken(server, form, { headers: { Authorization: `Basic ${basic}` } })).status).toBe(200);
  });

  it('refuses codes that expired', async () => {
    let clock = 1_000_000;
    const server = await start({ now: () => clock, codeTtlS: 60 });
    const { code, verifier } = await codeFor(server);
    clock += 61_000;
    const late = await postToken(server, codeGrant(code, verifier));
    expect(late.body).toMatchObject({ error: 'invalid_grant', error_description: 'The authorization code has expired.' });
  });

  it('rotates refresh tokens: each refresh issues a new one and the previous one is refused', async () => {
    const server = await start();
    const { code, verifier } = await codeFor(server);
    const first = (await postToken(server, codeGrant(code, verifier))).body;
    const refresh = (token: unknown) =>
      postToken(server, { grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: SECRET, refresh_token: String(token) });

    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);

    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({
      error: 'invalid_grant',
      message: 'The refresh token provided is expired, revoked, malformed, or invalid.',
    });
    expect(reused.body.trackingId).toMatch(/^SIM_OAUTH_/);

    expect((await refresh(second.body.refresh_token)).status).toBe(200);
    expect(server.counters()).toMatchObject({ refreshRequests: 3, refreshGrants: 2 });
  });

  it('expires refresh tokens after their lifetime, and on demand', async () => {
    let clock = 5_000_000;
    const server = await start({ now: () => clock, refreshTtlS: 100, accessTtlS: 10 });
    const { code, verifier } = await codeFor(server);
    const tokens = (await postToken(server, codeGrant(code, verifier))).body;
    expect(server.isAccessTokenValid(String(tokens.access_token))).toBe(true);
    clock += 10_000;
    expect(server.isAccessTokenValid(String(tokens.access_token))).toBe(false);
    clock += 91_000;
    const expired = await postToken(server, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: SECRET,
      refresh_token: String(tokens.refresh_token),
    });
    expect(expired.body.error).toBe('invalid_grant');

    const again = await codeFor(server);
    const fresh = (await postToken(server, codeGrant(again.code, again.verifier))).body;
    server.invalidateRefreshTokens();
    const dead = await postToken(server, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: SECRET,
      refresh_token: String(fresh.refresh_token),
    });
    expect(dead.body.error).toBe('invalid_grant');
  });

  it('revokes a refresh token together with its access tokens, and expires access tokens on demand', async () => {
    const revoked: string[] = [];
    const server = await start({ onTokenRevoked: (token) => revoked.push(token) });
    const one = await codeFor(server);
    const a = (await postToken(server, codeGrant(one.code, one.verifier))).body;
    const two = await codeFor(server);
    const b = (await postToken(server, codeGrant(two.code, two.verifier))).body;

    const response = await postToken(
      server,
      { token: String(a.refresh_token), token_type_hint: 'refresh_token', client_id: CLIENT_ID, client_secret: SECRET },
      { url: server.revokeUrl },
    );
    expect(response.status).toBe(200);
    expect(server.isAccessTokenValid(String(a.access_token))).toBe(false);
    expect(server.isAccessTokenValid(String(b.access_token))).toBe(true);
    expect(revoked).toEqual([a.access_token]);
    const afterRevoke = await postToken(server, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: SECRET,
      refresh_token: String(a.refresh_token),
    });
    expect(afterRevoke.body.error).toBe('invalid_grant');

    server.expireAccessTokens();
    expect(server.isAccessTokenValid(String(b.access_token))).toBe(false);
    expect(revoked).toEqual([a.access_token, b.access_token]);
    // Unknown tokens are fine to revoke (RFC 7009 §2.2).
    expect(
      (await postToken(server, { token: 'unknown', client_id: CLIENT_ID, client_secret: SECRET }, { url: server.revokeUrl })).status,
    ).toBe(200);
  });

  it('refuses malformed requests and can fail on demand', async () => {
    const server = await start();
    expect((await fetch(server.tokenUrl)).status).toBe(405);
    const json = await fetch(server.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe('invalid_request');
    expect((await postToken(server, { grant_type: 'password', client_id: CLIENT_ID, client_secret: SECRET })).body.error).toBe(
      'unsupported_grant_type',
    );

    server.failNextTokenRequests(1, 503);
    const { code, verifier } = await codeFor(server);
    expect((await postToken(server, codeGrant(code, verifier))).status).toBe(503);
    expect((await postToken(server, codeGrant(code, verifier))).status).toBe(200);
  });
});

describe('mounting the handler in another server', () => {
  it('serves the OAuth paths and leaves every other path to the host', async () => {
    const handler = createWebexOAuthHandler({ clientId: CLIENT_ID });
    const host = createServer((req, res) => {
      const { pathname } = new URL(req.url ?? '/', 'http://x');
      if (pathname.startsWith('/v1/') && handler.handle(req, res, pathname.slice(3))) return;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('host route');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}/v1`;
    try {
      expect(await (await fetch(`${base}/telephony/calls`)).text()).toBe('host route');
      const pkce = createPkcePair();
      const url = `${base}/authorize?client_id=${CLIENT_ID}&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=spark:calls_read&state=s&code_challenge=${pkce.challenge}&code_challenge_method=S256`;
      const { code } = await authorizeForCode(url);
      const response = await fetch(`${base}/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: CLIENT_ID,
          code: code ?? '',
          redirect_uri: REDIRECT,
          code_verifier: pkce.verifier,
        }),
      });
      expect(response.status).toBe(200);
    } finally {
      host.closeAllConnections();
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });
});
