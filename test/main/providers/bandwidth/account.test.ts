/**
 * The Bandwidth account: credentials checked against Catapult (the simulator) before they are saved,
 * kept only through the provider's secrets, restored at start, forgotten on sign-out; environment
 * credentials sign in without storing anything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretVault } from '../../../../src/main/auth/secrets';
import { createBandwidthAccount } from '../../../../src/main/providers/bandwidth/account';
import { decodeCredentials } from '../../../../src/main/providers/bandwidth/credentials-token';
import { type BandwidthSimulator, startBandwidthSimulator } from '../../../../src/main/simulator/bandwidth/index';
import { recordingHost } from '../../../support/recording-host';

let sim: BandwidthSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setUp() {
  sim = await startBandwidthSimulator({ userId: 'u-abc123', apiToken: 't-token42', apiSecret: 'the-secret' });
  const vault = memorySecretVault();
  const secrets = vault.forProvider('bandwidth');
  const base = sim.baseUrl;
  const account = createBandwidthAccount({ apiBaseUrl: () => base, secrets });
  return { sim, vault, secrets, account };
}

describe('Bandwidth account', () => {
  it('checks the credentials against the API, then keeps them encrypted only through its secrets', async () => {
    const { sim, secrets, account, vault } = await setUp();
    const result = await account.useCredentials?.({ userId: 'u-abc123', apiToken: 't-token42', apiSecret: 'the-secret' });
    expect(result).toEqual({ ok: true, value: null });
    expect(sim.requests).toHaveLength(1);
    expect(account.state()).toMatchObject({ provider: 'bandwidth', signedIn: true, method: 'credentials', signInKinds: ['credentials'] });
    expect(JSON.stringify(account.state())).not.toContain('the-secret');
    expect(await secrets.get('apiSecret')).toBeTruthy();
    expect(decodeCredentials(await account.tokens.accessToken())).toEqual({
      userId: 'u-abc123',
      apiToken: 't-token42',
      apiSecret: 'the-secret',
    });

    // A restart restores the session from the vault.
    const again = createBandwidthAccount({ apiBaseUrl: () => sim.baseUrl, secrets: vault.forProvider('bandwidth') });
    await again.restore();
    expect(again.state()).toMatchObject({ signedIn: true, method: 'credentials' });

    await again.signOut();
    expect(await secrets.get('apiSecret')).toBeNull();
    expect(again.state().signedIn).toBe(false);
    await expect(again.tokens.accessToken()).rejects.toMatchObject({ code: 'AUTH' });
  });

  it('never sends credentials saved for one API base to another: the next start at another base asks for them again', async () => {
    const { account, vault } = await setUp();
    expect(await account.useCredentials?.({ userId: 'u-abc123', apiToken: 't-token42', apiSecret: 'the-secret' })).toEqual({
      ok: true,
      value: null,
    });
    const elsewhere = await recordingHost();
    try {
      const atAnotherBase = createBandwidthAccount({ apiBaseUrl: () => `${elsewhere.url}/v1`, secrets: vault.forProvider('bandwidth') });
      await atAnotherBase.restore();
      expect(atAnotherBase.state()).toMatchObject({
        signedIn: false,
        message: expect.stringMatching(/belong to another API server.*enter them again/),
      });
      await expect(atAnotherBase.tokens.accessToken()).rejects.toMatchObject({ code: 'AUTH' });
      expect(elsewhere.heard).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('saves nothing when Bandwidth refuses the credentials, and says so', async () => {
    const { secrets, account } = await setUp();
    const result = await account.useCredentials?.({ userId: 'u-abc123', apiToken: 't-token42', apiSecret: 'wrong-secret' });
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH', message: expect.stringContaining('refused these credentials') } });
    expect(await secrets.get('apiSecret')).toBeNull();
    expect(account.state()).toMatchObject({ signedIn: false, message: expect.stringContaining('refused') });
  });

  it('refuses values that cannot be credentials before asking Bandwidth', async () => {
    const { sim, account } = await setUp();
    expect(await account.useCredentials?.({ userId: 'abc', apiToken: 't-token42', apiSecret: 'the-secret' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('u-abc123') },
    });
    expect(sim.requests).toHaveLength(0);
  });

  it('is signed in by environment credentials, storing nothing', async () => {
    const { secrets } = await setUp();
    const account = createBandwidthAccount({
      apiBaseUrl: () => 'http://127.0.0.1:1/v1',
      secrets,
      environment: { userId: 'u-env1', apiToken: 't-env', apiSecret: 'env-secret' },
    });
    await account.restore();
    expect(account.state()).toMatchObject({ signedIn: true, method: 'environment' });
    expect(await secrets.get('apiToken')).toBeNull();
  });
});
