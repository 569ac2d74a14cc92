// A polled feed (a provider without push) against a provider double and hand-driven timers: which read comes when (the delay it
// schedules), what the store and event health show, and that reads never overlap.
import { describe, expect, it } from 'vitest';
import { createFeedSupervisor } from '../../../src/main/core/feed-supervisor';
import type { PollIntervals } from '../../../src/main/core/feed-intervals';
import { createCallStore } from '../../../src/main/core/call-store';
import { createEventHealth, type HealthState } from '../../../src/main/core/event-health';
import { ManualTimers, ProviderDouble, makeCall, providerFailure, settle } from './provider-double';

const intervals: PollIntervals = {
  fastMs: 1_000,
  normalMs: 3_000,
  idleMs: 15_000,
  maxBackoffMs: 60_000,
  networkRetryMs: 5_000,
  timeoutRetryMs: 15_000,
};

function setup(overrides: Partial<PollIntervals> = {}, onGap?: () => void) {
  const provider = new ProviderDouble();
  const timers = new ManualTimers();
  const store = createCallStore({ timers });
  const health = createEventHealth({ providerName: 'Webex' });
  const healthLog: HealthState[] = [];
  health.on((h) => healthLog.push(h));
  const poller = createFeedSupervisor({
    provider,
    store,
    health,
    providerName: 'Webex',
    intervals: { ...intervals, ...overrides },
    timers,
    ...(onGap ? { onGap } : {}),
  });
  return { provider, timers, store, health, healthLog, poller };
}

describe('polled feed: adaptive intervals', () => {
  it('reads at once on start, then waits the idle interval when there are no calls', async () => {
    const { provider, poller, timers, health } = setup();
    await expect(poller.start()).resolves.toEqual({ ok: true, value: null });
    expect(provider.snapshotCount).toBe(1);
    expect(poller.nextDelayMs()).toBe(15_000);
    expect(health.current().health).toBe('polling');
    expect(health.current().lastSyncAt).toBe(new Date(timers.now()).toISOString());
    await timers.advance(15_000);
    expect(provider.snapshotCount).toBe(2);
  });

  it('polls fast while a call rings, normally once it is answered, idle when it has ended', async () => {
    const { provider, poller, timers, store } = setup();
    provider.setCalls(makeCall({ id: 'a', state: 'alerting' }));
    await poller.start();
    expect(store.calls().map((c) => c.state)).toEqual(['alerting']);
    expect(poller.nextDelayMs()).toBe(1_000);

    provider.setCalls(makeCall({ id: 'a', state: 'connected' }));
    await timers.advance(1_000);
    expect(store.calls().map((c) => c.state)).toEqual(['connected']);
    expect(poller.nextDelayMs()).toBe(3_000);

    provider.setCalls();
    await timers.advance(3_000);
    expect(store.calls()).toEqual([]);
    expect(poller.nextDelayMs()).toBe(15_000);
  });

  it('polls fast while a call is still connecting', async () => {
    const { provider, poller } = setup();
    provider.setCalls(makeCall({ id: 'a', state: 'connecting', direction: 'outgoing' }));
    await poller.start();
    expect(poller.nextDelayMs()).toBe(1_000);
  });

  it('polls fast while a command waits for confirmation, when hurried', async () => {
    const { provider, poller, store } = setup();
    provider.setCalls(makeCall({ id: 'a' }));
    await poller.start();
    expect(poller.nextDelayMs()).toBe(3_000);
    store.markPending('a', 'hold');
    poller.hurry();
    expect(poller.nextDelayMs()).toBe(1_000);
  });

  it('brings the next read forward when hurried, even for a command that acts on no call', async () => {
    const { provider, poller, timers } = setup();
    await poller.start();
    expect(poller.nextDelayMs()).toBe(15_000);
    poller.hurry();
    expect(poller.nextDelayMs()).toBe(1_000);
    provider.setCalls(makeCall({ id: 'new', state: 'connecting', direction: 'outgoing' }));
    await timers.advance(1_000);
    expect(provider.snapshotCount).toBe(2);
    expect(poller.nextDelayMs()).toBe(1_000);
  });

  it('applies a hurry that comes during a read to the read after it', async () => {
    const { provider, poller } = setup();
    const release = provider.holdSnapshots();
    const started = poller.start();
    await settle();
    poller.hurry();
    release();
    await started;
    expect(poller.nextDelayMs()).toBe(1_000);
  });
});

describe('polled feed: failures', () => {
  it('backs off exponentially on errors, capped, and recovers on success', async () => {
    const { provider, poller, timers, health } = setup({ maxBackoffMs: 60_000 });
    for (let i = 0; i < 4; i += 1) provider.snapshotFailures.push(providerFailure('UNAVAILABLE', 'Webex is unavailable (503).'));
    const first = await poller.start();
    expect(first.ok).toBe(false);
    const delays = [poller.nextDelayMs()];
    for (let i = 0; i < 3; i += 1) {
      await timers.advance(poller.nextDelayMs() ?? 0);
      delays.push(poller.nextDelayMs());
    }
    expect(delays).toEqual([30_000, 60_000, 60_000, 60_000]);
    expect(health.current().health).toBe('degraded');
    expect(health.current().detail).toBe('Webex is unavailable (503). Trying again in 60 s.');

    await timers.advance(60_000);
    expect(provider.snapshotCount).toBe(5);
    expect(health.current().health).toBe('polling');
    expect(poller.nextDelayMs()).toBe(15_000);
  });

  it('doubles from the fast interval while a call rings', async () => {
    const { provider, poller, timers } = setup();
    provider.setCalls(makeCall({ id: 'a', state: 'alerting' }));
    await poller.start();
    provider.snapshotFailures.push(
      providerFailure('TIMEOUT', 'Webex did not answer in time.'),
      providerFailure('TIMEOUT', 'Webex did not answer in time.'),
    );
    await timers.advance(1_000);
    expect(poller.nextDelayMs()).toBe(2_000);
    await timers.advance(2_000);
    expect(poller.nextDelayMs()).toBe(4_000);
  });

  it('calls the list degraded after one network error and offline after two in a row', async () => {
    const { provider, poller, timers, health } = setup();
    provider.snapshotFailures.push(
      providerFailure('NETWORK', 'Cannot reach Webex: check the network connection.'),
      providerFailure('NETWORK', 'Cannot reach Webex: check the network connection.'),
    );
    await poller.start();
    expect(health.current().health).toBe('degraded');
    await timers.advance(poller.nextDelayMs() ?? 0);
    expect(health.current()).toMatchObject({
      health: 'offline',
      detail: 'Cannot reach Webex: check the network connection. Trying again in 5 s.',
    });
  });

  it('a connection that cannot be made is tried again every few seconds, however long it lasts; a server error still backs off', async () => {
    const { provider, poller, timers } = setup();
    await poller.start();
    const delays: (number | null)[] = [];
    for (let i = 0; i < 8; i++) {
      provider.snapshotFailures.push(providerFailure('NETWORK', 'Cannot reach Webex: check the network connection.'));
      await timers.advance(poller.nextDelayMs() ?? 0);
      delays.push(poller.nextDelayMs());
    }
    // The network may come back unannounced, with a call already ringing: never the minute of a long backoff.
    expect(delays).toEqual([5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000]);
    provider.snapshotFailures.push(providerFailure('UNAVAILABLE', 'Webex is unavailable.'));
    await timers.advance(poller.nextDelayMs() ?? 0);
    expect(poller.nextDelayMs()).toBe(60_000);
  });

  it('a read that times out is tried again within 15 s, however long it lasts; a rate limit or a server error still backs off', async () => {
    const { provider, poller, timers, health } = setup();
    await poller.start();
    const delays: (number | null)[] = [];
    for (let i = 0; i < 6; i++) {
      provider.snapshotFailures.push(providerFailure('TIMEOUT', 'Webex did not answer in time.'));
      await timers.advance(poller.nextDelayMs() ?? 0);
      delays.push(poller.nextDelayMs());
    }
    // A poor network or a slow provider, not a refusal: the list is back within seconds of it answering.
    expect(delays).toEqual([15_000, 15_000, 15_000, 15_000, 15_000, 15_000]);
    expect(health.current()).toMatchObject({ health: 'degraded', detail: 'Webex did not answer in time. Trying again in 15 s.' });
    for (const [code, message] of [
      ['UNAVAILABLE', 'Webex is unavailable (503).'],
      ['RATE_LIMITED', 'Webex asked to slow down.'],
    ] as const) {
      provider.snapshotFailures.push(providerFailure(code, message));
      await timers.advance(poller.nextDelayMs() ?? 0);
      expect(poller.nextDelayMs()).toBe(60_000);
    }
    await timers.advance(60_000);
    expect(health.current().health).toBe('polling');
  });

  it('says there was a gap when reads work again after failing (calls may have come and gone)', async () => {
    const gaps: number[] = [];
    const { provider, poller, timers } = setup({}, () => gaps.push(timers.now()));
    await poller.start();
    provider.snapshotFailures.push(providerFailure('NETWORK', 'Cannot reach Webex: check the network connection.'));
    await timers.advance(poller.nextDelayMs() ?? 0);
    expect(gaps).toEqual([]);
    await timers.advance(poller.nextDelayMs() ?? 0);
    expect(gaps).toHaveLength(1);
    await timers.advance(poller.nextDelayMs() ?? 0);
    expect(gaps).toHaveLength(1);
    poller.setOnline(false);
    poller.setOnline(true);
    expect(gaps).toHaveLength(2);
  });

  it('waits at least as long as a rate limit asks', async () => {
    const { provider, poller, timers } = setup();
    provider.setCalls(makeCall({ id: 'a', state: 'alerting' }));
    await poller.start();
    provider.snapshotFailures.push(providerFailure('RATE_LIMITED', 'Webex asked to slow down.', { retryAfter: 20 }));
    await timers.advance(1_000);
    expect(poller.nextDelayMs()).toBe(20_000);
    poller.hurry();
    expect(poller.nextDelayMs()).toBe(20_000);
  });

  it('stops polling and reports signed out when the token is refused', async () => {
    const { provider, poller, timers, health, healthLog } = setup();
    provider.snapshotFailures.push(providerFailure('AUTH', 'Webex refused the access token: sign in again.'));
    const result = await poller.start();
    expect(result.ok ? null : result.error.code).toBe('AUTH');
    expect(health.current()).toMatchObject({ health: 'signedOut', detail: 'Webex refused the access token: sign in again.' });
    expect(poller.nextDelayMs()).toBeNull();
    await timers.advance(10 * 60_000);
    poller.hurry();
    await timers.advance(10 * 60_000);
    expect(provider.snapshotCount).toBe(1);
    expect(healthLog.map((h) => h.health)).toEqual(['signedOut']);
  });

  it('resumes polling when a reconcile succeeds after signing in again', async () => {
    const { provider, poller, health } = setup();
    provider.snapshotFailures.push(providerFailure('AUTH', 'Webex refused the access token: sign in again.'));
    await poller.start();
    await expect(poller.reconcile()).resolves.toEqual({ ok: true, value: null });
    expect(health.current().health).toBe('polling');
    expect(poller.nextDelayMs()).toBe(15_000);
  });

  it('reports a provider defect as degraded, not as a crash', async () => {
    const { provider, poller, health } = setup();
    provider.snapshotFailures.push(new TypeError('boom'));
    const result = await poller.start();
    expect(result.ok).toBe(false);
    expect(health.current().health).toBe('degraded');
    expect(poller.nextDelayMs()).toBe(30_000);
  });
});

describe('polled feed: offline, reconcile, overlap', () => {
  it('pauses while offline and reads at once when back online', async () => {
    const { provider, poller, timers, health } = setup();
    await poller.start();
    poller.setOnline(false);
    expect(health.current().health).toBe('offline');
    expect(poller.nextDelayMs()).toBeNull();
    await timers.advance(60 * 60_000);
    expect(provider.snapshotCount).toBe(1);

    const offlineRead = await poller.reconcile();
    expect(offlineRead.ok ? null : offlineRead.error.code).toBe('NETWORK');
    expect(provider.snapshotCount).toBe(1);

    provider.setCalls(makeCall({ id: 'a' }));
    poller.setOnline(true);
    await settle();
    expect(provider.snapshotCount).toBe(2);
    expect(health.current().health).toBe('polling');
    expect(poller.nextDelayMs()).toBe(3_000);
  });

  it('drops a read that was under way when the network went away', async () => {
    const { provider, poller, store } = setup();
    await poller.start();
    provider.setCalls(makeCall({ id: 'stale' }));
    const release = provider.holdSnapshots();
    const reading = poller.reconcile();
    await settle();
    poller.setOnline(false);
    release();
    const result = await reading;
    expect(result.ok).toBe(false);
    expect(store.calls()).toEqual([]);
  });

  it('on resume, does not wait for a read stuck on a connection that died in the sleep: reads afresh, and its waiters get that read', async () => {
    const { provider, poller, store } = setup();
    await poller.start();
    const unstick = provider.holdSnapshots();
    const waiting = poller.reconcile();
    await settle();
    // Awake on a working network: new reads answer; the one from before the sleep never will by itself.
    provider.snapshotGate = null;
    provider.setCalls(makeCall({ id: 'ringing', state: 'alerting' }));
    await expect(poller.resume()).resolves.toEqual({ ok: true, value: null });
    expect(store.call('ringing')?.state).toBe('alerting');
    await expect(waiting).resolves.toEqual({ ok: true, value: null });
    // A late answer of the dropped read changes nothing.
    provider.setCalls();
    unstick();
    await settle();
    expect(store.call('ringing')?.state).toBe('alerting');
  });

  it('shares one read among reconcile requests made together', async () => {
    const { provider, poller } = setup();
    const results = await Promise.all([poller.reconcile(), poller.reconcile(), poller.reconcile()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(provider.snapshotCount).toBe(1);
  });

  it('reads afresh after a read already under way, once for all who asked meanwhile', async () => {
    const { provider, poller, store } = setup();
    const release = provider.holdSnapshots();
    const first = poller.reconcile();
    await settle();
    expect(provider.snapshotCount).toBe(1);
    // The command that prompted these happened after the first read began.
    provider.setCalls(makeCall({ id: 'a', state: 'held' }));
    const second = poller.reconcile();
    const third = poller.reconcile();
    release();
    await Promise.all([first, second, third]);
    expect(provider.snapshotCount).toBe(2);
    expect(provider.maxConcurrentSnapshots).toBe(1);
    expect(store.call('a')?.state).toBe('held');
  });

  it('resolves a reconcile only once the store shows the read', async () => {
    const { provider, poller, store } = setup();
    provider.setCalls(makeCall({ id: 'a', state: 'alerting' }));
    await poller.reconcile();
    expect(store.call('a')?.state).toBe('alerting');
  });

  it('never starts a scheduled read while another is under way', async () => {
    const { provider, poller, timers } = setup({ fastMs: 10 });
    provider.setCalls(makeCall({ id: 'a', state: 'alerting' }));
    await poller.start();
    const release = provider.holdSnapshots();
    await timers.advance(10);
    expect(provider.snapshotCount).toBe(2);
    await timers.advance(10_000);
    poller.hurry();
    await timers.advance(10_000);
    expect(provider.snapshotCount).toBe(2);
    release();
    await settle();
    expect(provider.maxConcurrentSnapshots).toBe(1);
    expect(poller.nextDelayMs()).toBe(10);
  });

  it('stops reading on stop and ignores a read that finishes afterwards', async () => {
    const { provider, poller, timers, store } = setup();
    await poller.start();
    provider.setCalls(makeCall({ id: 'late' }));
    const release = provider.holdSnapshots();
    await timers.advance(15_000);
    poller.stop();
    release();
    await settle();
    expect(store.calls()).toEqual([]);
    expect(poller.nextDelayMs()).toBeNull();
    await timers.advance(60 * 60_000);
    expect(provider.snapshotCount).toBe(2);
  });
});
