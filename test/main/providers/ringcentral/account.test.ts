/**
 * The RingCentral account against the simulated RingCentral: a browser sign-in (PKCE, no secret, the
 * system browser played by a fetch that follows the authorize redirect to the loopback listener) gives
 * a working token, keeps only the refresh token and only through the secrets port; a restart restores
 * the session from it; sign-out revokes it and wipes the secrets. No client id: a clear message.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { memorySecretVault, providerSecrets } from '../../../../src/main/auth/secrets';
import { RingCentralClient } from '../../../../src/main/providers/ringcentral/client';
import { createRingCentralAccount, type RingCentralAccount } from '../../../../src/main/providers/ringcentral/account';
import { startRingCentralSimulator, type RingCentralSimulator } from '../../../../src/main/simulator/ringcentral';

let sim: RingCentralSimulator;
beforeEach(async () => {
  sim = await startRingCentralSimulator();
});
afterEach(async () => sim.close());

/** The user's browser: opens the authorize URL and follows RingCentral's redirect back to the app. */
async function browser(url: string): Promise<void> {
  const answer = await fetch(url, { redirect: 'manual' });
  const back = answer.headers.get('location');
  if (!back) throw new Error(`no redirect from ${url}`);
  await fetch(back);
}

function account(vault = memorySecretVault(), clientId = 'rc-sim-client'): RingCentralAccount {
  return createRingCentralAccount({
    clientId: () => clientId,
    server: () => sim.baseUrl,
    secrets: providerSecrets(vault, 'ringcentral'),
    openBrowser: browser,
    redirectPort: 0,
  });
}

test('browser sign-in: PKCE without a secret, a working token, the refresh token kept only through the secrets port; restore after a restart', async () => {
  const vault = memorySecretVault();
  const first = account(vault);
  expect(await first.signInWithBrowser()).toEqual({ ok: true, value: null });
  expect(first.state()).toMatchObject({ provider: 'ringcentral', signedIn: true, method: 'browser', clientSecretSaved: false });
  const authorize = sim.requests.find((r) => r.path === '/restapi/oauth/authorize');
  expect(authorize?.query).toMatchObject({ client_id: 'rc-sim-client', code_challenge_method: 'S256', response_type: 'code' });
  expect(sim.requests.find((r) => r.path === '/restapi/oauth/token')?.body).not.toHaveProperty('client_secret');
  const me = await new RingCentralClient({ server: sim.baseUrl, tokens: first.tokens }).me();
  expect(me.id).toBe('400200');
  expect(await vault.get('ringcentral.refreshToken')).toBeTruthy();
  expect(JSON.stringify(first.state())).not.toContain((await vault.get('ringcentral.refreshToken')) ?? 'x');

  const second = account(vault);
  await second.restore();
  expect(second.state()).toMatchObject({ signedIn: true, method: 'browser' });
  expect((await new RingCentralClient({ server: sim.baseUrl, tokens: second.tokens }).me()).id).toBe('400200');

  await second.signOut();
  expect(second.state()).toMatchObject({ signedIn: false, message: 'Signed out.' });
  expect(sim.requests.some((r) => r.path === '/restapi/oauth/revoke')).toBe(true);
  expect(await vault.get('ringcentral.refreshToken')).toBeNull();
});

test('without a client id the browser sign-in explains what to do, and nothing is opened', async () => {
  const none = account(memorySecretVault(), '');
  expect(await none.signInWithBrowser()).toMatchObject({
    ok: false,
    error: { code: 'BAD_INPUT', message: expect.stringContaining('Connect RingCentral') },
  });
  expect(sim.requests).toEqual([]);
});
