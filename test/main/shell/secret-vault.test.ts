import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecretVault } from '../../../src/main/shell/secret-vault';
import { fakeElectron, resetFakeElectron } from '../../fakes/electron';

let directory: string;
const REFRESH = 'rt_9f8e7d6c5b4a-very-secret-refresh-token';
const CLIENT_SECRET = 'cs_0a1b2c3d-client-secret';
const TOKEN_URL = 'https://webexapis.com/v1/access_token';

beforeEach(() => {
  resetFakeElectron();
  directory = mkdtempSync(join(tmpdir(), 'switchboard-secrets-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function everyFileText(): string {
  return ['secrets.json', 'config.json']
    .map((f) => {
      try {
        return readFileSync(join(directory, f), 'utf8');
      } catch {
        return '';
      }
    })
    .join('\n');
}

describe('secret vault', () => {
  it('stores secrets encrypted (never in plain text) and reads them back after a restart', async () => {
    const vault = await openSecretVault({ cwd: directory, platform: 'linux' });
    expect(vault.persistence).toEqual({ persistent: true });
    await vault.forProvider('webex').refreshTokenStore(TOKEN_URL).save(REFRESH);
    await vault.set('webex.clientSecret', CLIENT_SECRET);

    const onDisk = everyFileText();
    expect(onDisk).not.toContain(REFRESH);
    expect(onDisk).not.toContain(CLIENT_SECRET);
    expect(onDisk).not.toContain(Buffer.from(REFRESH).toString('base64'));
    expect(JSON.parse(readFileSync(vault.path, 'utf8'))).toHaveProperty(['webex', 'refreshToken']);

    const reopened = await openSecretVault({ cwd: directory, platform: 'linux' });
    expect(await reopened.forProvider('webex').refreshTokenStore(TOKEN_URL).load()).toBe(REFRESH);
    // Kept with its token endpoint: an account that would use another one does not get it.
    expect(await reopened.forProvider('webex').refreshTokenStore('http://127.0.0.1:9/v1/access_token').load()).toBeNull();
    expect(await reopened.get('webex.clientSecret')).toBe(CLIENT_SECRET);
  });

  it("wipes one provider's secrets on its sign-out and keeps the others'", async () => {
    const vault = await openSecretVault({ cwd: directory, platform: 'darwin' });
    await vault.forProvider('webex').set('refreshToken', REFRESH);
    await vault.forProvider('bandwidth').set('apiSecret', CLIENT_SECRET);
    await vault.forProvider('webex').wipe();
    const reopened = await openSecretVault({ cwd: directory, platform: 'darwin' });
    expect(await reopened.get('webex.refreshToken')).toBeNull();
    expect(await reopened.get('bandwidth.apiSecret')).toBe(CLIENT_SECRET);
  });

  it("moves secrets stored under the earlier version's names (webexRefreshToken, webexClientSecret) to today's", async () => {
    // Written the way the earlier version did: electron-store's secrets.json, top-level names, encrypted values.
    const earlier = await openSecretVault({ cwd: directory, platform: 'darwin' });
    await earlier.set('webex.refreshToken', REFRESH);
    await earlier.set('webex.clientSecret', CLIENT_SECRET);
    const today = JSON.parse(readFileSync(earlier.path, 'utf8')) as { webex: { refreshToken: string; clientSecret: string } };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      earlier.path,
      JSON.stringify({ webexRefreshToken: today.webex.refreshToken, webexClientSecret: today.webex.clientSecret }),
    );

    const vault = await openSecretVault({ cwd: directory, platform: 'darwin' });
    expect(await vault.forProvider('webex').get('refreshToken')).toBe(REFRESH);
    expect(await vault.forProvider('webex').get('clientSecret')).toBe(CLIENT_SECRET);
    expect(Object.keys(JSON.parse(readFileSync(vault.path, 'utf8')) as object)).toEqual(['webex']);
  });

  it('wipes everything on sign-out', async () => {
    const vault = await openSecretVault({ cwd: directory, platform: 'darwin' });
    await vault.set('webex.refreshToken', REFRESH);
    await vault.wipe();
    expect(await vault.get('webex.refreshToken')).toBeNull();
    expect(await (await openSecretVault({ cwd: directory, platform: 'darwin' })).get('webex.refreshToken')).toBeNull();
  });

  it('on Linux without a secret store (basic_text) keeps secrets for this run only and says why', async () => {
    fakeElectron.storageBackend = 'basic_text';
    const vault = await openSecretVault({ cwd: directory, platform: 'linux' });
    expect(vault.persistence.persistent).toBe(false);
    expect(vault.persistence.reason).toMatch(/No secret store/);
    await vault.set('webex.refreshToken', REFRESH);
    expect(await vault.get('webex.refreshToken')).toBe(REFRESH);
    expect(everyFileText()).not.toContain(REFRESH);
    expect(await (await openSecretVault({ cwd: directory, platform: 'linux' })).get('webex.refreshToken')).toBeNull();
  });

  it('persists nothing when encryption is unavailable', async () => {
    fakeElectron.encryptionAvailable = false;
    const vault = await openSecretVault({ cwd: directory, platform: 'win32' });
    expect(vault.persistence).toMatchObject({ persistent: false, reason: expect.stringMatching(/sign in again/) });
    await vault.set('webex.clientSecret', CLIENT_SECRET);
    expect(everyFileText()).not.toContain(CLIENT_SECRET);
  });

  it('forgets a secret it cannot decrypt instead of failing', async () => {
    const vault = await openSecretVault({ cwd: directory, platform: 'darwin' });
    await vault.set('webex.refreshToken', REFRESH);
    const file = JSON.parse(readFileSync(vault.path, 'utf8')) as Record<string, string>;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      vault.path,
      JSON.stringify({ ...file, webex: { refreshToken: Buffer.from('v10garbage-garbage-garbage-garbage').toString('base64') } }),
    );
    const reopened = await openSecretVault({ cwd: directory, platform: 'darwin' });
    expect(await reopened.get('webex.refreshToken')).toBeNull();
  });
});
