/**
 * RingCentral as the app runs it (runtime session + registry + descriptor + account), against the
 * RingCentral simulator: SWITCHBOARD_RINGCENTRAL_SERVER + _TOKEN skip sign-in and go live; a pasted
 * token is checked before it is used; sign-out revokes the pasted token; the demo runs on the simulator
 * with its "Simulate incoming call" kinds and opens with earlier calls in its History.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretVault } from '../../../../src/main/auth/secrets';
import { createMemorySettings } from '../../../../src/main/runtime/memory-settings';
import { ringCentralSimulatorOf } from '../../../../src/main/runtime/provider-registry';
import { type Session, startSession } from '../../../../src/main/runtime/session';
import { startRingCentralSimulator, type RingCentralSimulator } from '../../../../src/main/simulator/ringcentral';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings';
import { eventually } from '../../../support/eventually';

const TOKEN = 'rc-pasted-access-token-0123456789';
let session: Session | undefined;
let sim: RingCentralSimulator | undefined;
afterEach(async () => {
  await session?.close();
  await sim?.close();
  session = undefined;
  sim = undefined;
});

function settingsFor(demo: boolean) {
  return createMemorySettings({ ...DEFAULT_SETTINGS, provider: 'ringcentral', demo });
}

/** The app's session with these settings and this environment; a sign-in opens no browser and listens on any free port. */
function start(settings: ReturnType<typeof settingsFor>, env: Record<string, string>): Promise<Session> {
  return startSession({ settings, env, vault: memorySecretVault(), openBrowser: async () => undefined, redirectPort: 0 });
}

describe('RingCentral in the app', () => {
  it('SWITCHBOARD_PROVIDER=ringcentral with the server and a token: signed in by the environment, live, calls ring in', async () => {
    sim = await startRingCentralSimulator({ token: TOKEN });
    const env = { SWITCHBOARD_PROVIDER: 'ringcentral', SWITCHBOARD_RINGCENTRAL_SERVER: sim.baseUrl, SWITCHBOARD_RINGCENTRAL_TOKEN: TOKEN };
    session = await start(createMemorySettings(DEFAULT_SETTINGS), env);
    expect(session.provider).toBe('ringcentral');
    expect(session.accountControls.state()).toMatchObject({
      provider: 'ringcentral',
      signedIn: true,
      method: 'environment',
      signInKinds: ['oauthPkce', 'pastedToken'],
    });
    await eventually(() => expect(session!.core.status()).toMatchObject({ provider: 'ringcentral', demo: false, health: 'live' }));
    const sid = sim.scenario.ringUser({ from: { phoneNumber: '+15550100', name: 'Ada Lovelace' } });
    await eventually(() =>
      expect(session!.core.calls().find((c) => c.id === sid)).toMatchObject({ state: 'alerting', remote: { name: 'Ada Lovelace' } }),
    );
    // The device is the default one: the first online desk phone.
    expect((await session.core.command({ type: 'answer', callId: sid })).ok).toBe(true);
    expect(sim.requests.find((r) => r.path.endsWith('/answer'))?.body).toEqual({ deviceId: '800002' });
  });

  it('a pasted token is checked, used, and revoked at sign-out', async () => {
    sim = await startRingCentralSimulator({ token: TOKEN });
    session = await start(settingsFor(true), { SWITCHBOARD_RINGCENTRAL_SERVER: sim.baseUrl });
    expect(await session.accountControls.pasteToken('not-a-token-the-server-knows')).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    expect(await session.accountControls.pasteToken(TOKEN)).toEqual({ ok: true, value: null });
    expect(session.demo).toBe(false);
    await eventually(() => expect(session!.core.status()).toMatchObject({ provider: 'ringcentral', demo: false }));
    await session.accountControls.signOut();
    expect(sim.requests.some((r) => r.path === '/restapi/oauth/revoke' && (r.body as Record<string, string>).token === TOKEN)).toBe(true);
  });

  it('the RingCentral demo runs on its simulator; Simulate incoming call rings a call-queue call', async () => {
    session = await start(settingsFor(true), {});
    expect(session.demo).toBe(true);
    expect(ringCentralSimulatorOf(session.simulator)).toBeDefined();
    await eventually(() => expect(session!.core.status()).toMatchObject({ provider: 'ringcentral', demo: true, health: 'live' }));
    expect(await session.simulateIncomingCall('callQueue')).toEqual({ ok: true, value: null });
    expect(session.core.calls()).toEqual([
      expect.objectContaining({
        state: 'alerting',
        remote: expect.objectContaining({ name: 'Dan Brown' }),
        redirections: [expect.objectContaining({ reason: 'callQueue' })],
        actions: expect.arrayContaining(['answer', 'reply', 'ignore']),
      }),
    ]);
    // Listen has a target out of the box: a colleague on a call.
    expect(await session.core.command({ type: 'listen', target: '105' })).toMatchObject({ ok: true });
  });

  it('the RingCentral demo opens with earlier calls in History: one missed, one answered, one placed, newest first', async () => {
    session = await start(settingsFor(true), {});
    const history = await session.core.history();
    expect(history.ok && history.value).toEqual([
      expect.objectContaining({ type: 'missed', name: 'Henry Ford', number: '+15550100108' }),
      expect.objectContaining({ type: 'received', name: 'Ivy Chen', number: '+15550100109' }),
      expect.objectContaining({ type: 'placed', name: 'Bob Jones', number: '102' }),
    ]);
    const times = history.ok ? history.value.map((e) => Date.parse(e.time)) : [];
    expect(times.every((t) => t < Date.now())).toBe(true);
    expect(await session.core.history('missed')).toMatchObject({ ok: true, value: [{ name: 'Henry Ford' }] });
  });
});
