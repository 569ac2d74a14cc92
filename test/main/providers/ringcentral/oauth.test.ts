/**
 * Signing in to RingCentral with the generic OAuth client against the simulated RingCentral: the
 * authorize URL leads to a code, the code + PKCE verifier to tokens that work on the API, a refresh
 * rotates them, a used refresh token dies, and revoke ends the session.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createPkcePair, createState } from '../../../../src/main/auth/pkce';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { RingCentralClient } from '../../../../src/main/providers/ringcentral/client';
import {
  buildRingCentralAuthorizeUrl,
  createRingCentralTokenGrantor,
  exchangeRingCentralCode,
} from '../../../../src/main/providers/ringcentral/oauth';
import { startRingCentralSimulator, type RingCentralSimulator } from '../../../../src/main/simulator/ringcentral';
import { HandTimers } from '../../../support/hand-timers';

const REDIRECT = 'http://127.0.0.1:53682/oauth/callback';
let sim: RingCentralSimulator;
let timers: HandTimers;
beforeEach(async () => {
  timers = new HandTimers();
  sim = await startRingCentralSimulator({ timers });
});
afterEach(async () => sim.close());

async function signIn() {
  const pkce = createPkcePair();
  const state = createState();
  const url = buildRingCentralAuthorizeUrl({
    server: sim.baseUrl,
    clientId: 'rc-sim-client',
    redirectUri: REDIRECT,
    state,
    codeChallenge: pkce.challenge,
  });
  expect(new URL(url).searchParams.has('scope')).toBe(false);
  const response = await fetch(url, { redirect: 'manual' });
  const back = new URL(response.headers.get('location') ?? '');
  expect(back.searchParams.get('state')).toBe(state);
  return exchangeRingCentralCode({
    server: sim.baseUrl,
    clientId: 'rc-sim-client',
    code: back.searchParams.get('code') ?? '',
    redirectUri: REDIRECT,
    codeVerifier: pkce.verifier,
  });
}

const meWith = (token: string) =>
  new RingCentralClient({ server: sim.baseUrl, tokens: staticTokenSource(token, 'RingCentral'), timers }).me();

test('authorization code + PKCE as a public client gives tokens that work', async () => {
  const tokens = await signIn();
  expect(tokens).toMatchObject({ expiresInS: 3600, refreshTokenExpiresInS: 604800, tokenType: 'bearer' });
  const form = sim.requests.find((r) => r.path === '/restapi/oauth/token')?.body;
  expect(form).toMatchObject({ grant_type: 'authorization_code', client_id: 'rc-sim-client', redirect_uri: REDIRECT });
  expect(form).not.toHaveProperty('client_secret');
  await expect(meWith(tokens.accessToken)).resolves.toMatchObject({ id: '400200' });
});

test('refresh rotates the pair; the old access token is refused; a used refresh token dies after the replay window', async () => {
  const first = await signIn();
  const grantor = createRingCentralTokenGrantor({ server: sim.baseUrl, clientId: 'rc-sim-client' });
  const second = await grantor.refresh(first.refreshToken);
  expect(second.refreshToken).not.toBe(first.refreshToken);
  await expect(meWith(first.accessToken)).rejects.toMatchObject({ code: 'AUTH' });
  await expect(meWith(second.accessToken)).resolves.toBeDefined();
  timers.advance(10_001);
  await expect(grantor.refresh(first.refreshToken)).rejects.toMatchObject({ oauthCode: 'invalid_grant' });
});

test('revoke ends the session', async () => {
  const tokens = await signIn();
  const grantor = createRingCentralTokenGrantor({ server: sim.baseUrl, clientId: 'rc-sim-client' });
  await expect(grantor.revoke?.(tokens.refreshToken, 'refresh_token')).resolves.toBe(true);
  await expect(meWith(tokens.accessToken)).rejects.toMatchObject({ code: 'AUTH' });
});
