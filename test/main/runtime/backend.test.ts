import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackend, type Backend } from '../../../src/main/runtime/backend';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

let backend: Backend | undefined;
let sim: WebexSimulator | undefined;
afterEach(async () => {
  await backend?.close();
  await sim?.close();
  backend = undefined;
  sim = undefined;
});

describe('backend', () => {
  it('runs the demo with no account: the simulator behind the real Webex provider', async () => {
    backend = await startBackend({ settings: DEFAULT_SETTINGS, env: { SWITCHBOARD_POLL_MS: '100' } });
    expect(backend.demo).toBe(true);
    expect(backend.core.status().provider).toBe('demo');
    expect(backend.core.status().account?.displayName).toBeTruthy();
    expect(backend.core.calls()).toEqual([]);
  });

  it.each([
    ['plain', { redirections: [] }],
    ['forwardedBusy', { redirections: [{ reason: 'busy', by: { name: 'Bob Jones' } }] }],
    ['callQueue', { redirections: [{ reason: 'callQueue', by: { name: 'Support' } }] }],
    ['parkRecall', { recall: { type: 'park', party: { number: '5021' } } }],
  ] as const)('"Simulate incoming call: %s" rings the user at once', async (kind, expected) => {
    backend = await startBackend({ settings: DEFAULT_SETTINGS, env: {} });
    expect(await backend.simulateIncomingCall(kind)).toEqual({ ok: true, value: null });
    const calls = backend.core.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ direction: 'incoming', state: 'alerting', ...expected });
  });

  it('talks to a Webex given by the environment with the token given there', async () => {
    sim = await startWebexSimulator({ token: 'env-token' });
    sim.scenario.ringUser({ from: { name: 'Ada', number: '+15550100' } });
    backend = await startBackend({
      settings: DEFAULT_SETTINGS,
      env: { SWITCHBOARD_PROVIDER: 'webex', SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl, SWITCHBOARD_WEBEX_TOKEN: 'env-token' },
    });
    expect(backend.demo).toBe(false);
    expect(backend.core.calls().map((c) => c.remote.name)).toEqual(['Ada']);
    expect(sim.requests[0]?.headers.authorization).toBe('Bearer env-token');
    expect((await backend.simulateIncomingCall('plain')).ok).toBe(false);
  });

  it('shows "signed out" for Webex when nobody has signed in', async () => {
    backend = await startBackend({ settings: { ...DEFAULT_SETTINGS, provider: 'webex' }, env: {} });
    expect(backend.core.status().health).toBe('signedOut');
  });

  it('honours SWITCHBOARD_POLL_MS', async () => {
    sim = await startWebexSimulator();
    backend = await startBackend({
      settings: DEFAULT_SETTINGS,
      env: { SWITCHBOARD_PROVIDER: 'webex', SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl, SWITCHBOARD_WEBEX_TOKEN: sim.token, SWITCHBOARD_POLL_MS: '150' },
    });
    const reads = () => sim!.requests.filter((r) => r.path === '/telephony/calls').length;
    await vi.waitFor(() => expect(reads()).toBeGreaterThanOrEqual(6), { timeout: 2_000 });
  });

  it('refuses a provider it does not support yet with a clear message', async () => {
    await expect(startBackend({ settings: DEFAULT_SETTINGS, env: { SWITCHBOARD_PROVIDER: 'ringcentral' } })).rejects.toThrow(
      /RingCentral is not supported yet/,
    );
  });
});
