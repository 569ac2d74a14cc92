/**
 * The simulated RingCentral OAuth server (authorize redirect, code + PKCE, refresh rotation with its
 * replay window, revoke) and the WebSocket gateway's own rules (single-use ws tokens, ConnectionDetails
 * first, subscription filters, heartbeat echo, every frame stamped with wsc).
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type SimKit, startSimKit } from './sim-kit';
import { eventually } from '../../../support/eventually';

let k: SimKit;
beforeEach(async () => {
  k = await startSimKit();
});
afterEach(async () => k.sim.close());

const REDIRECT = 'http://127.0.0.1:5000/oauth2callback';
const VERIFIER = 'a-verifier-that-is-long-enough-for-pkce-0123456789';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

async function authorize(): Promise<string> {
  const url = new URL('/restapi/oauth/authorize', k.sim.baseUrl);
  for (const [key, value] of Object.entries({
    response_type: 'code',
    client_id: 'rc-sim-client',
    redirect_uri: REDIRECT,
    state: 'xyz',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
  }))
    url.searchParams.set(key, value);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code') ?? '';
}

/** Trades an authorization code (with the right PKCE verifier) for a token pair. */
function exchange(code: string) {
  return k.form('/restapi/oauth/token', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    client_id: 'rc-sim-client',
    code_verifier: VERIFIER,
  });
}

describe('OAuth', () => {
  test('authorization code with PKCE gives a bearer pair that works on the API', async () => {
    const code = await authorize();
    const token = await exchange(code);
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'bearer', expires_in: 3600, refresh_token_expires_in: 604800, owner_id: '400200' });
    expect((await k.call('GET', '/restapi/v1.0/account/~/extension/~', undefined, token.body.access_token)).status).toBe(200);
  });

  test('a wrong verifier or a reused code is refused', async () => {
    const code = await authorize();
    const wrong = await k.form('/restapi/oauth/token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'rc-sim-client',
      code_verifier: 'other',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].errorCode).toBe('OAU-154');
    const reused = await exchange(code);
    expect(reused.body.errors[0].errorCode).toBe('OAU-153');
  });

  test('refresh rotates the pair: the old access token dies, the old refresh token replays for 10 s after first use, then fails', async () => {
    const code = await authorize();
    const first = (await exchange(code)).body;
    const refresh = () =>
      k.form('/restapi/oauth/token', { grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: 'rc-sim-client' });
    const second = (await refresh()).body;
    expect(second.access_token).not.toBe(first.access_token);
    expect((await k.call('GET', '/restapi/v1.0/account/~/extension/~', undefined, first.access_token)).status).toBe(401);
    expect((await k.call('GET', '/restapi/v1.0/account/~/extension/~', undefined, second.access_token)).status).toBe(200);
    expect((await refresh()).body.access_token).toBe(second.access_token);
    k.timers.advance(10_001);
    expect((await refresh()).status).toBe(400);
  });

  test('revoke ends the session', async () => {
    const code = await authorize();
    const pair = (await exchange(code)).body;
    expect((await k.form('/restapi/oauth/revoke', { token: pair.access_token, client_id: 'rc-sim-client' })).status).toBe(200);
    expect((await k.call('GET', '/restapi/v1.0/account/~/extension/~', undefined, pair.access_token)).status).toBe(401);
  });
});

async function openSocket(query = ''): Promise<{ ws: WebSocket; frames: unknown[][] }> {
  const token = (await k.call('POST', '/restapi/oauth/wstoken')).body;
  const ws = new WebSocket(`${token.uri}?access_token=${token.ws_access_token}${query}`);
  const frames: unknown[][] = [];
  ws.addEventListener('message', (event) => frames.push(JSON.parse(String(event.data))));
  await eventually(() => expect(frames).toHaveLength(1));
  return { ws, frames };
}

describe('WebSocket gateway', () => {
  test('ConnectionDetails first with the gateway limits, each frame stamped with wsc, heartbeats echoed', async () => {
    const { ws, frames } = await openSocket();
    expect(frames[0]).toEqual([
      expect.objectContaining({ type: 'ConnectionDetails', wsc: { token: expect.stringMatching(/^wsc-/), sequence: 1 } }),
      expect.objectContaining({
        recoveryTimeout: 180,
        recoveryBufferSize: 100,
        idleTimeout: 1800,
        absoluteTimeout: 86400,
        maxConnectionsPerSession: 50,
      }),
    ]);
    ws.send(JSON.stringify([{ type: 'Heartbeat', messageId: 'hb-1' }]));
    await eventually(() => expect(frames).toHaveLength(2));
    expect(frames[1]).toEqual([
      expect.objectContaining({ type: 'Heartbeat', messageId: 'hb-1', wsc: expect.objectContaining({ sequence: 2 }) }),
    ]);
    ws.close();
  });

  test('a ws token works once', async () => {
    const token = (await k.call('POST', '/restapi/oauth/wstoken')).body;
    const first = new WebSocket(`${token.uri}?access_token=${token.ws_access_token}`);
    await new Promise((resolve) => first.addEventListener('open', resolve));
    const second = new WebSocket(`${token.uri}?access_token=${token.ws_access_token}`);
    await new Promise((resolve) => second.addEventListener('error', resolve));
    expect(second.readyState).not.toBe(WebSocket.OPEN);
    first.close();
  });

  test('subscriptions accept only the telephony-session filter over WebSocket', async () => {
    const { ws, frames } = await openSocket();
    ws.send(
      JSON.stringify([
        { type: 'ClientRequest', messageId: 'm-1', method: 'POST', path: '/restapi/v1.0/subscription/' },
        { eventFilters: ['/restapi/v1.0/account/~/extension/~/message-store'], deliveryMode: { transportType: 'WebSocket' } },
      ]),
    );
    await eventually(() => expect(frames).toHaveLength(2));
    expect(frames[1]?.[0]).toMatchObject({ type: 'ClientRequest', messageId: 'm-1', status: 400 });
    ws.send(
      JSON.stringify([
        { type: 'ClientRequest', messageId: 'm-2', method: 'POST', path: '/restapi/v1.0/subscription/' },
        {
          eventFilters: ['/restapi/v1.0/account/~/extension/~/telephony/sessions?direction=Inbound'],
          deliveryMode: { transportType: 'WebSocket' },
        },
      ]),
    );
    await eventually(() => expect(frames).toHaveLength(3));
    expect(frames[2]?.[0]).toMatchObject({ messageId: 'm-2', status: 200 });
    const sid = k.sim.scenario.ringUser({ from: { phoneNumber: '+15550100' } });
    await eventually(() => expect(frames).toHaveLength(4));
    expect(frames[3]?.[0]).toMatchObject({ type: 'ServerNotification' });
    expect(frames[3]?.[1]).toMatchObject({
      event: '/restapi/v1.0/account/400100/extension/400200/telephony/sessions',
      body: { sequence: 1, telephonySessionId: sid, parties: [{ status: { code: 'Proceeding' } }] },
    });
    ws.close();
  });

  test('recovery with an unknown wsc is Failed', async () => {
    const { ws, frames } = await openSocket('&wsc=wsc-unknown');
    expect(frames[0]?.[1]).toMatchObject({ recoveryState: 'Failed' });
    ws.close();
  });
});
