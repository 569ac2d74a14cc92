/**
 * The Webex account for real: browser sign-in (scripted browser) against the simulator's OAuth,
 * tokens used by the real Webex provider, expiry, refresh, pasted tokens, restore and sign-out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretVault } from '../../../../src/main/auth/secrets';
import { createWebexProvider } from '../../../../src/main/providers/webex';
import { createWebexAccount, type WebexAccount } from '../../../../src/main/providers/webex/account';
import { startWebexSimulator, type WebexSimulator } from '../../../../src/main/simulator/webex';
import { scriptedBrowser } from '../../auth/scripted-browser';

const CLIENT_ID = 'C0123456789switchboard';
const CLIENT_SECRET = 'secret-for-the-integration';
let sim: WebexSimulator;

afterEach(() => sim?.close());

async function setup(options: { accessTtlS?: number; clientId?: string } = {}) {
  sim = await startWebexSimulator({ oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessTtlS: options.accessTtlS ?? 3600 } });
  const vault = memorySecretVault();
  const browser = scriptedBrowser();
  const make = (): WebexAccount =>
    createWebexAccount({
      clientId: () => options.clientId ?? CLIENT_ID,
      authBaseUrl: () => sim.baseUrl,
      apiBaseUrl: () => sim.baseUrl,
      secrets: vault.forProvider('webex'),
      openBrowser: browser.openBrowser,
      redirectPort: 0,
      signInTimeoutMs: 2_000,
    });
  const account = make();
  await account.setClientSecret(CLIENT_SECRET);
  const provider = createWebexProvider({ baseUrl: sim.baseUrl, tokens: account.tokens });
  return { account, vault, browser, provider, make };
}

describe('Webex account', () => {
  it('is signed out until the user signs in; then the API answers with the issued token', async () => {
    const { account, provider, browser } = await setup();
    expect(account.state()).toMatchObject({ signedIn: false, clientSecretSaved: true });
    await expect(provider.snapshot()).rejects.toMatchObject({ code: 'AUTH', message: expect.stringMatching(/Not signed in to Webex/) });

    expect(await account.signInWithBrowser()).toEqual({ ok: true, value: null });
    expect(account.state()).toMatchObject({ signedIn: true, method: 'browser', signingIn: false });
    const authorize = new URL(browser.opened[0]!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('spark:calls_read spark:calls_write spark:people_read spark:telephony_config_read');

    sim.scenario.ringUser({ from: { name: 'Ada', number: '+15550100' } });
    expect((await provider.snapshot()).calls).toHaveLength(1);
    expect(JSON.stringify(account.state())).not.toMatch(/Bearer|access_token|refresh/i);
  });

  it('refreshes an expired access token once and carries on; the rotated refresh token is kept', async () => {
    const { account, provider, vault } = await setup();
    await account.signInWithBrowser();
    const firstRefresh = await vault.get('webex.refreshToken');
    sim.oauth!.expireAccessTokens();
    await Promise.all(Array.from({ length: 5 }, () => provider.snapshot()));
    expect(sim.oauth!.counters().refreshGrants).toBe(1);
    const rotated = await vault.get('webex.refreshToken');
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(firstRefresh);
    expect(account.state().signedIn).toBe(true);
  });

  it('signs out cleanly when Webex refuses the refresh token, telling the user and the core once', async () => {
    const { account, provider, vault } = await setup();
    await account.signInWithBrowser();
    const signedOut: string[] = [];
    account.onSignedOut((m) => signedOut.push(m));
    sim.oauth!.invalidateRefreshTokens();
    sim.oauth!.expireAccessTokens();
    await expect(provider.snapshot()).rejects.toMatchObject({ code: 'AUTH' });
    await expect(provider.snapshot()).rejects.toMatchObject({ code: 'AUTH' });
    expect(signedOut).toHaveLength(1);
    expect(account.state()).toMatchObject({ signedIn: false, message: expect.stringMatching(/sign in again/) });
    expect(await vault.get('webex.refreshToken')).toBeNull();
  });

  it('resumes the session at the next start from the stored refresh token', async () => {
    const { account, make } = await setup();
    await account.signInWithBrowser();
    const restarted = make();
    await restarted.restore();
    expect(restarted.state()).toMatchObject({ signedIn: true, method: 'browser' });
    const provider = createWebexProvider({ baseUrl: sim.baseUrl, tokens: restarted.tokens });
    expect((await provider.snapshot()).calls).toEqual([]);
  });

  it('sign-out revokes, wipes the secrets and leaves the old token useless', async () => {
    const { account, provider, vault } = await setup();
    await account.signInWithBrowser();
    await account.signOut();
    expect(account.state()).toMatchObject({ signedIn: false, clientSecretSaved: false });
    expect(await vault.get('webex.refreshToken')).toBeNull();
    expect(await vault.get('webex.clientSecret')).toBeNull();
    expect(sim.oauth!.counters().revocations).toBeGreaterThanOrEqual(1);
    await expect(provider.snapshot()).rejects.toMatchObject({ code: 'AUTH' });
  });

  it('explains a denied consent and needs a client id first', async () => {
    const { account } = await setup();
    sim.oauth!.setConsent('deny');
    expect(await account.signInWithBrowser()).toMatchObject({ ok: false, error: { message: 'You declined access in the browser.' } });
    expect(account.state()).toMatchObject({ signedIn: false, message: 'You declined access in the browser.' });

    const { account: noClient } = await setup({ clientId: '' });
    expect(await noClient.signInWithBrowser()).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/client ID/) },
    });
  });

  it('accepts a pasted personal access token after checking it with Webex', async () => {
    const { account, provider } = await setup();
    expect(await account.usePastedToken('not a token')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await account.usePastedToken('Y2lzY29zcGFyazovL3VzL0FDQ0VTU19UT0tFTi9yZWZ1c2Vk')).toMatchObject({
      ok: false,
      error: { code: 'AUTH' },
    });
    expect(account.state().signedIn).toBe(false);

    const personal = 'Y2lzY29zcGFyazovL3VzL1BBVC9wZXJzb25hbA_valid';
    sim.acceptToken(personal);
    expect(await account.usePastedToken(`Bearer ${personal}`)).toEqual({ ok: true, value: null });
    expect(account.state()).toMatchObject({ signedIn: true, method: 'pastedToken' });
    expect((await provider.snapshot()).calls).toEqual([]);
    expect(sim.requests.at(-1)?.headers.authorization).toBe(`Bearer ${personal}`);

    // Personal tokens expire after 12 hours: Webex refuses it, and the user is told to paste a new one.
    sim.revokeToken(personal);
    await expect(provider.snapshot()).rejects.toMatchObject({ code: 'AUTH' });
    expect(account.state()).toMatchObject({ signedIn: false, message: expect.stringMatching(/paste a new one/) });
  });

  it('refuses a malformed client secret and never reports the secret itself', async () => {
    const { account } = await setup();
    expect(await account.setClientSecret('has spaces in it')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(account.state())).not.toContain(CLIENT_SECRET);
  });
});
