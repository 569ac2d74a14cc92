import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretVault } from '../../../src/main/auth/secrets';
import { createMemorySettings } from '../../../src/main/runtime/memory-settings';
import { type Session, startSession } from '../../../src/main/runtime/session';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import type { Settings } from '../../../src/shared/settings';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const TOKEN = 'pasted-personal-access-token-0123456789';
let session: Session | undefined;
let sim: WebexSimulator | undefined;
afterEach(async () => {
  await session?.close();
  await sim?.close();
  session = undefined;
});

async function start() {
  sim = await startWebexSimulator({ token: TOKEN });
  const settings = createMemorySettings(DEFAULT_SETTINGS);
  session = await startSession({
    settings,
    env: { SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl },
    vault: memorySecretVault(),
    openBrowser: async () => undefined,
    redirectPort: 0,
  });
  return { settings, session };
}

describe('session', () => {
  it('starts in the demo of Webex, with Webex as the provider everywhere', async () => {
    const { session } = await start();
    expect(session.demo).toBe(true);
    expect(session.provider).toBe('webex');
    expect(session.core.status()).toMatchObject({ provider: 'webex', demo: true });
    expect(session.accountControls.state()).toMatchObject({
      provider: 'webex',
      signedIn: false,
      signInKinds: ['oauthPkce', 'oauthClientSecret', 'pastedToken'],
    });
  });

  it('a sign-in leaves the demo and tells whoever shows settings that it saved them', async () => {
    const { session, settings } = await start();
    sim!.scenario.ringUser({ from: { name: 'Real caller', number: '+15550100' } });
    const told: Settings[] = [];
    session.onSettingsChanged((s) => told.push(s));

    expect(await session.accountControls.pasteToken(TOKEN)).toEqual({ ok: true, value: null });

    expect(settings.get()).toMatchObject({ provider: 'webex', demo: false });
    expect(told).toEqual([settings.get()]);
    expect(session.demo).toBe(false);
    expect(session.core.status()).toMatchObject({ provider: 'webex', demo: false });
    expect(session.core.calls().map((c) => c.remote.name)).toEqual(['Real caller']);
  });

  it('refuses a sign-in kind the provider does not offer, by name', async () => {
    const { session } = await start();
    expect(await session.accountControls.signInWithCredentials({ userId: 'u' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'Webex Calling has no credentials sign-in.' },
    });
  });
});
