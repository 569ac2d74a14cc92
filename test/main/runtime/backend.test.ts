import { afterEach, describe, expect, it } from 'vitest';
import { pollIntervals, startBackend, type Backend } from '../../../src/main/runtime/backend';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { eventually } from '../../support/eventually';

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
    expect(backend.provider).toBe('webex');
    expect(backend.core.status()).toMatchObject({ provider: 'webex', demo: true });
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
    backend = await startBackend({ settings: { ...DEFAULT_SETTINGS, provider: 'webex', demo: false }, env: {} });
    expect(backend.core.status()).toMatchObject({ health: 'signedOut', provider: 'webex', demo: false });
  });

  it('honours SWITCHBOARD_POLL_MS', async () => {
    sim = await startWebexSimulator();
    backend = await startBackend({
      settings: DEFAULT_SETTINGS,
      env: {
        SWITCHBOARD_PROVIDER: 'webex',
        SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl,
        SWITCHBOARD_WEBEX_TOKEN: sim.token,
        SWITCHBOARD_POLL_MS: '150',
      },
    });
    const reads = () => sim!.requests.filter((r) => r.path === '/telephony/calls').length;
    // The pace itself is the intervals below; here, that reading goes on by itself.
    await eventually(() => expect(reads()).toBeGreaterThanOrEqual(3));
    expect(pollIntervals({ SWITCHBOARD_POLL_MS: '150' })).toEqual({ fastMs: 150, normalMs: 150, idleMs: 150 });
    expect(pollIntervals({ SWITCHBOARD_POLL_MS: '5000' })).toEqual({ fastMs: 1_000, normalMs: 5_000, idleMs: 5_000 });
    expect(pollIntervals({ SWITCHBOARD_POLL_MS: '20' })).toEqual({});
    expect(pollIntervals({})).toEqual({});
  });

  it('refuses an unknown provider in SWITCHBOARD_PROVIDER, naming the valid values', async () => {
    await expect(startBackend({ settings: DEFAULT_SETTINGS, env: { SWITCHBOARD_PROVIDER: 'skype' } })).rejects.toThrow(
      'SWITCHBOARD_PROVIDER: Unknown provider "skype": choose one of: webex, ringcentral, bandwidth (or demo, demo:webex, demo:ringcentral, demo:bandwidth).',
    );
    await expect(startBackend({ settings: DEFAULT_SETTINGS, env: { SWITCHBOARD_PROVIDER: 'demo:skype' } })).rejects.toThrow(
      /Unknown provider "skype"/,
    );
  });

  it.each([
    ['demo', { ...DEFAULT_SETTINGS, demo: false }],
    ['demo:webex', { ...DEFAULT_SETTINGS, demo: false }],
  ])('SWITCHBOARD_PROVIDER=%s runs the demo of Webex even when settings say the real account', async (value, settings) => {
    backend = await startBackend({ settings, env: { SWITCHBOARD_PROVIDER: value } });
    expect(backend.demo).toBe(true);
    expect(backend.core.status()).toMatchObject({ provider: 'webex', demo: true });
  });

  it('says the real provider id on demo calls, the demo account and the status, and only `demo` tells it apart', async () => {
    backend = await startBackend({ settings: DEFAULT_SETTINGS, env: {} });
    await backend.simulateIncomingCall('plain');
    const status = backend.core.status();
    expect(status.provider).toBe('webex');
    expect(status.demo).toBe(true);
    expect(status.account?.provider).toBe('webex');
    expect(backend.core.calls().map((c) => c.provider)).toEqual(['webex']);
  });
});
