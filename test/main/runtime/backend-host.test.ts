import { afterEach, describe, expect, it } from 'vitest';
import { staticTokenSource } from '../../../src/main/provider-api/token-source';
import { ProviderError } from '../../../src/main/provider-api/provider-error';
import { startBackend } from '../../../src/main/runtime/backend';
import { startBackendHost, type BackendHost } from '../../../src/main/runtime/backend-host';
import { webexSimulatorOf } from '../../../src/main/runtime/provider-registry';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import type { Call, HistoryEntry } from '../../../src/shared/domain';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { eventually } from '../../support/eventually';

let host: BackendHost | undefined;
let sim: WebexSimulator | undefined;
afterEach(async () => {
  await host?.close();
  await sim?.close();
});

describe('backend host', () => {
  it('swaps the demo for a real Webex account without losing its listeners', async () => {
    sim = await startWebexSimulator();
    sim.scenario.ringUser({ from: { name: 'Real caller', number: '+15550100' } });
    host = await startBackendHost({
      settings: DEFAULT_SETTINGS,
      env: { SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl },
      tokens: staticTokenSource(sim.token, 'Webex'),
    });
    expect(host.demo).toBe(true);
    const demoSimulator = webexSimulatorOf(host.simulator)!;
    await host.simulateIncomingCall('plain');
    const seen: Call[][] = [];
    host.core.on('calls', (calls) => seen.push(calls));
    let switched = 0;
    host.onSwitched(() => switched++);

    const result = await host.switchTo({
      ...DEFAULT_SETTINGS,
      provider: 'webex',
      demo: false,
    });

    expect(result).toEqual({ ok: true, value: null });
    expect(host.demo).toBe(false);
    expect(host.provider).toBe('webex');
    expect(switched).toBe(1);
    expect(host.core.calls().map((c) => c.remote.name)).toEqual(['Real caller']);
    expect(seen.at(-1)?.map((c) => c.remote.name)).toEqual(['Real caller']);
    expect(host.core.status().provider).toBe('webex');
    // The demo's simulator is gone: nothing keeps running behind the user's back.
    await expect(fetch(`${demoSimulator.baseUrl}/telephony/calls`)).rejects.toThrow();
  });

  it("clears the demo's history (and its missed-call badge) when it swaps to the real account, then shows the account's", async () => {
    sim = await startWebexSimulator();
    sim.scenario.remoteHangsUp(sim.scenario.ringUser({ from: { name: 'Real caller', number: '+15550100' } }));
    host = await startBackendHost({
      settings: DEFAULT_SETTINGS,
      env: { SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl },
      tokens: staticTokenSource(sim.token, 'Webex'),
    });
    const demoSim = webexSimulatorOf(host.simulator)!;
    const demoCaller = demoSim.scenario.ringUser({ from: { name: 'Demo caller', number: '+15550111' } });
    demoSim.scenario.remoteHangsUp(demoCaller);
    await eventually(async () =>
      expect((await host!.core.history()).ok && ((await host!.core.history()) as { value: HistoryEntry[] }).value.length).toBeGreaterThan(
        0,
      ),
    );
    const seen: HistoryEntry[][] = [];
    host.core.on('history', (history) => seen.push(history));

    await host.switchTo({
      ...DEFAULT_SETTINGS,
      demo: false,
    });

    expect(seen[0]).toEqual([]);
    await eventually(() => expect(seen.at(-1)?.map((h) => h.name)).toContain('Real caller'));
    expect(seen.flat().map((h) => h.name)).not.toContain('Demo caller');
  });

  it('does nothing when the provider stays the same', async () => {
    host = await startBackendHost({ settings: DEFAULT_SETTINGS, env: {} });
    const before = host.simulator;
    expect(await host.switchTo({ ...DEFAULT_SETTINGS, theme: 'dark' })).toEqual({ ok: true, value: null });
    expect(host.simulator).toBe(before);
  });

  it('keeps the running backend when the new one cannot start', async () => {
    // The second backend fails to start, as a provider does when it cannot be reached or set up.
    let starts = 0;
    host = await startBackendHost({ settings: DEFAULT_SETTINGS, env: {} }, async (options) => {
      starts += 1;
      if (starts > 1)
        throw new ProviderError({ code: 'PROVIDER', message: 'RingCentral could not be started: the server is unreachable.' });
      return startBackend(options);
    });
    const result = await host.switchTo({ ...DEFAULT_SETTINGS, provider: 'ringcentral', demo: false });
    expect(result).toMatchObject({ ok: false, error: { message: 'RingCentral could not be started: the server is unreachable.' } });
    expect(host.demo).toBe(true);
    expect((await host.simulateIncomingCall('plain')).ok).toBe(true);
  });
});
