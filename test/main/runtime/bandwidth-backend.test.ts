/**
 * Bandwidth as the runtime starts it: the demo on its simulator (SWITCHBOARD_PROVIDER=demo:bandwidth)
 * and a Catapult-compatible server named by the SWITCHBOARD_BANDWIDTH_* environment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretVault } from '../../../src/main/auth/secrets';
import { type Backend, startBackend } from '../../../src/main/runtime/backend';
import { createMemorySettings } from '../../../src/main/runtime/memory-settings';
import { type Session, startSession } from '../../../src/main/runtime/session';
import { bandwidthSimulatorOf } from '../../../src/main/runtime/provider-registry';
import { type BandwidthSimulator, startBandwidthSimulator } from '../../../src/main/simulator/bandwidth/index';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { eventually } from '../../support/eventually';
import { HandTimers } from '../../support/hand-timers';
import { countingFetch, type Wire, wireDriver } from '../../support/wire-clock';

let backend: Backend | undefined;
let sim: BandwidthSimulator | undefined;

afterEach(async () => {
  await backend?.close();
  await sim?.close();
  backend = undefined;
  sim = undefined;
});

/** The environment that points the runtime at a Catapult-compatible server (here the simulator). */
function envNaming(server: BandwidthSimulator): Record<string, string> {
  return {
    SWITCHBOARD_PROVIDER: 'bandwidth',
    SWITCHBOARD_BANDWIDTH_BASE_URL: server.baseUrl,
    SWITCHBOARD_BANDWIDTH_USER_ID: server.userId,
    SWITCHBOARD_BANDWIDTH_TOKEN: server.apiToken,
    SWITCHBOARD_BANDWIDTH_SECRET: server.apiSecret,
  };
}

describe('Bandwidth in the runtime', () => {
  it('the demo rings on its simulator, and Answer and Hang up reach it', async () => {
    backend = await startBackend({ settings: DEFAULT_SETTINGS, env: { SWITCHBOARD_PROVIDER: 'demo:bandwidth' } });
    expect(backend.core.status()).toMatchObject({ provider: 'bandwidth', demo: true });
    const rang = await backend.simulateIncomingCall('plain');
    expect(rang).toEqual({ ok: true, value: null });
    const [call] = backend.core.calls();
    expect(call).toMatchObject({
      provider: 'bandwidth',
      state: 'alerting',
      remote: { number: '+15550100101' },
      actions: ['answer', 'decline'],
    });
    expect(await backend.core.command({ type: 'answer', callId: call?.id ?? '' })).toMatchObject({ ok: true });
    await eventually(() => expect(backend?.core.calls()[0]?.actions).toContain('hangup'));
    expect(await backend.core.command({ type: 'hangup', callId: call?.id ?? '' })).toMatchObject({ ok: true });
    const simulator = bandwidthSimulatorOf(backend.simulator);
    expect(simulator.calls()[0]).toMatchObject({ id: call?.id, state: 'completed', activeTime: expect.any(String) });
  });

  it('runs on the clock it is given: the demo paces its requests on it, not on real time', async () => {
    const clock = new HandTimers();
    const wire: Wire = { inFlight: 0 };
    const drive = wireDriver(clock, wire);
    const start = clock.now();
    backend = await drive(
      startBackend({
        settings: DEFAULT_SETTINGS,
        env: { SWITCHBOARD_PROVIDER: 'demo:bandwidth' },
        timers: clock,
        fetch: countingFetch(wire),
      }),
    );
    expect(await drive(backend.simulateIncomingCall('plain'))).toEqual({ ok: true, value: null });
    const [call] = backend.core.calls();
    expect(await drive(backend.core.command({ type: 'answer', callId: call?.id ?? '' }))).toMatchObject({ ok: true });
    // The paced queue waited its turns (about a second a request) on the hand clock.
    expect(clock.now() - start).toBeGreaterThanOrEqual(1_000);
    expect(bandwidthSimulatorOf(backend.simulator).calls()[0]).toMatchObject({ id: call?.id, state: 'active' });
  });

  it('runs on any Catapult-compatible server named by the environment', async () => {
    sim = await startBandwidthSimulator({ numbers: ['+19195550142'] });
    const id = sim.scenario.ringIn({ from: '+14045550123' });
    backend = await startBackend({
      settings: DEFAULT_SETTINGS,
      env: { ...envNaming(sim), SWITCHBOARD_BANDWIDTH_NUMBER: '+19195550142' },
    });
    expect(backend.core.status()).toMatchObject({ provider: 'bandwidth', demo: false });
    expect(backend.core.calls()).toEqual([expect.objectContaining({ id, state: 'alerting' })]);
    expect(sim.requests[0]).toMatchObject({ method: 'GET', path: `/users/${sim.userId}/calls` });
  });

  it('without a number it says where to set one', async () => {
    sim = await startBandwidthSimulator();
    backend = await startBackend({
      settings: DEFAULT_SETTINGS,
      env: envNaming(sim),
    });
    expect(backend.core.status().detail).toMatch(/Name your Bandwidth number in Settings/);
    expect(sim.requests).toEqual([]);
  });
});

describe('Bandwidth sign-in in the session', () => {
  it('credentials entered in Settings are checked, kept in the vault, and leave the demo for the real number', async () => {
    sim = await startBandwidthSimulator({ userId: 'u-real01', apiToken: 't-real01', apiSecret: 'real-secret', numbers: ['+19195550142'] });
    const id = sim.scenario.ringIn({ from: '+14045550123' });
    const vault = memorySecretVault();
    const settings = createMemorySettings({
      ...DEFAULT_SETTINGS,
      provider: 'bandwidth',
      demo: true,
      providers: { ...DEFAULT_SETTINGS.providers, bandwidth: { number: '+19195550142', myPhone: '' } },
    });
    const session: Session = await startSession({
      settings,
      env: { SWITCHBOARD_BANDWIDTH_BASE_URL: sim.baseUrl },
      vault,
      openBrowser: async () => undefined,
    });
    try {
      expect(session).toMatchObject({ demo: true, provider: 'bandwidth' });
      const result = await session.accountControls.signInWithCredentials({
        userId: 'u-real01',
        apiToken: 't-real01',
        apiSecret: 'real-secret',
      });
      expect(result).toEqual({ ok: true, value: null });
      expect(session).toMatchObject({ demo: false, provider: 'bandwidth' });
      expect(session.core.calls()).toEqual([expect.objectContaining({ id, state: 'alerting' })]);
      expect(await vault.get('bandwidth.apiSecret')).toContain('real-secret');
      expect(session.accountControls.state()).toMatchObject({ signedIn: true, method: 'credentials' });
    } finally {
      await session.close();
    }
  });
});
