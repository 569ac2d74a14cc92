// A pushed feed (a provider with a push channel) against a fake channel and hand-driven timers: updates
// reach the store without reads, full reads come exactly when they should (start, connect, reconnect,
// network back, safety timer), a failing channel falls back to polling and says so, then comes back.
import { describe, expect, it } from 'vitest';
import type { CallDiff } from '../../../src/main/core/call-store';
import { createCallStore } from '../../../src/main/core/call-store';
import { createEventHealth, type HealthState } from '../../../src/main/core/event-health';
import type { FeedIntervals } from '../../../src/main/core/feed-intervals';
import { createFeedSupervisor } from '../../../src/main/core/feed-supervisor';
import { ManualTimers, ProviderDouble, actionsFor, makeCall, providerFailure, settle } from './provider-double';
import { FakePushChannel } from './push-double';

const intervals: FeedIntervals = {
  fastMs: 1_000,
  normalMs: 3_000,
  idleMs: 2_000,
  maxBackoffMs: 60_000,
  networkRetryMs: 5_000,
  timeoutRetryMs: 15_000,
  safetyReadMs: 300_000,
  pushRetryMs: 5_000,
};
const UNAVAILABLE = 'Live updates from RingCentral are unavailable — checking every 2 s.';

function setup() {
  const provider = new ProviderDouble('ringcentral');
  const channel = new FakePushChannel();
  provider.push = channel;
  const timers = new ManualTimers();
  const store = createCallStore({ timers });
  const health = createEventHealth({ providerName: 'RingCentral' });
  const healthLog: HealthState[] = [];
  health.on((h) => healthLog.push(h));
  const diffs: CallDiff[] = [];
  store.on('diff', (d) => diffs.push(d));
  const feed = createFeedSupervisor({ provider, store, health, providerName: 'RingCentral', intervals, timers });
  return { provider, channel, timers, store, health, healthLog, diffs, feed };
}

/** Started, connected and reconciled: live. */
async function live() {
  const s = setup();
  await s.feed.start();
  s.channel.connect();
  await settle();
  expect(s.health.current().health).toBe('live');
  return s;
}

const ringing = (id = 'c1') => makeCall({ id, state: 'alerting', actions: actionsFor('alerting') });
const connected = (id = 'c1') => makeCall({ id, state: 'connected' });

describe('pushed feed: going live', () => {
  it('opens push and reads at once on start, polling until the channel is up', async () => {
    const { feed, channel, provider, health } = setup();
    await expect(feed.start()).resolves.toEqual({ ok: true, value: null });
    expect(channel.openCount()).toBe(1);
    expect(provider.snapshotCount).toBe(1);
    expect(health.current().health).toBe('polling');
    expect(feed.nextDelayMs()).toBe(2_000);
  });

  it('reads once when the channel connects, then is live with only the slow safety read', async () => {
    const { feed, channel, provider, health, timers } = setup();
    await feed.start();
    channel.connect();
    await settle();
    expect(provider.snapshotCount).toBe(2);
    expect(health.current()).toMatchObject({ health: 'live', detail: 'Calls update as RingCentral reports them.' });
    expect(feed.nextDelayMs()).toBe(300_000);
    await timers.advance(299_999);
    expect(provider.snapshotCount).toBe(2);
    await timers.advance(1);
    expect(provider.snapshotCount).toBe(3);
    expect(feed.nextDelayMs()).toBe(300_000);
  });

  it('shows a ringing call pushed to it at once, without reading the call list', async () => {
    const { channel, provider, store, diffs } = await live();
    const reads = provider.snapshotCount;
    channel.callUpdated(ringing());
    expect(store.calls().map((c) => [c.id, c.state])).toEqual([['c1', 'alerting']]);
    expect(diffs.at(-1)?.added.map((c) => c.id)).toEqual(['c1']);
    expect(provider.snapshotCount).toBe(reads);
  });

  it('follows single-call updates and removals, one diff each', async () => {
    const { channel, provider, store, diffs, timers } = await live();
    const reads = provider.snapshotCount;
    channel.callUpdated(ringing('c1'));
    channel.callUpdated(ringing('c2'));
    channel.callUpdated(connected('c1'));
    channel.callUpdated(connected('c1'));
    channel.callRemoved('c2');
    channel.callRemoved('never-seen');
    expect(diffs.map((d) => [d.added.map((c) => c.id), d.updated.map((c) => c.state), d.removed.map((c) => c.id)])).toEqual([
      [['c1'], [], []],
      [['c2'], [], []],
      [[], ['connected'], []],
      [[], [], ['c2']],
    ]);
    expect(store.calls().map((c) => c.id)).toEqual(['c1']);
    await timers.advance(60_000);
    expect(provider.snapshotCount).toBe(reads);
  });

  it('does not poll faster after a command while live: push reports its effect', async () => {
    const { feed, channel, store } = await live();
    channel.callUpdated(connected());
    store.markPending('c1', 'hold');
    feed.hurry();
    expect(feed.nextDelayMs()).toBe(300_000);
    channel.callUpdated(makeCall({ id: 'c1', state: 'held', actions: actionsFor('held') }));
    expect(store.call('c1')).toMatchObject({ state: 'held' });
    expect(store.hasPending()).toBe(false);
  });

  it('reads exactly once when the channel reconnects', async () => {
    const { channel, provider, timers, health } = await live();
    const reads = provider.snapshotCount;
    provider.setCalls(ringing());
    channel.reconnect();
    await settle();
    expect(provider.snapshotCount).toBe(reads + 1);
    await timers.advance(60_000);
    expect(provider.snapshotCount).toBe(reads + 1);
    expect(health.current().health).toBe('live');
  });

  it('keeps an update that arrives while a read is under way, even if the read predates it', async () => {
    const { feed, channel, provider, store, diffs } = await live();
    const release = provider.holdSnapshots();
    const reading = feed.reconcile();
    await settle();
    // The read was answered before the call rang; the push arrives before the answer does.
    channel.callUpdated(ringing());
    const diffsBefore = diffs.length;
    release();
    await reading;
    expect(store.calls().map((c) => c.id)).toEqual(['c1']);
    expect(diffs.length).toBe(diffsBefore);
  });
});

describe('pushed feed: push fails and comes back', () => {
  it('falls back to polling and says so, then goes live again when push reopens', async () => {
    const { feed, channel, provider, health, timers } = await live();
    const reads = provider.snapshotCount;
    channel.fail(providerFailure('NETWORK', 'The RingCentral WebSocket closed.'));
    expect(channel.openCount()).toBe(0);
    expect(health.current()).toMatchObject({ health: 'polling', detail: UNAVAILABLE });
    await settle();
    // Updates may have been lost as it went down: one read at once, then the polling pace.
    expect(provider.snapshotCount).toBe(reads + 1);
    expect(feed.nextDelayMs()).toBe(2_000);
    await timers.advance(2_000);
    expect(provider.snapshotCount).toBe(reads + 2);
    expect(health.current()).toMatchObject({ health: 'polling', detail: UNAVAILABLE });

    await timers.advance(3_000);
    expect(channel.openings).toHaveLength(2);
    expect(channel.openCount()).toBe(1);
    channel.connect();
    await settle();
    expect(health.current()).toMatchObject({ health: 'live', detail: 'Calls update as RingCentral reports them.' });
    expect(feed.nextDelayMs()).toBe(300_000);
  });

  it('tries push again with a growing wait while it keeps failing', async () => {
    const { feed, channel, timers } = setup();
    await feed.start();
    const start = timers.now();
    const openedAt: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      channel.fail(providerFailure('UNAVAILABLE', 'RingCentral refused the subscription.'));
      const before = channel.openings.length;
      while (channel.openings.length === before) await timers.advance(1_000);
      openedAt.push((timers.now() - start) / 1_000);
    }
    expect(openedAt).toEqual([5, 15, 35, 75]);
    expect(channel.openCount()).toBe(1);
  });

  it('waits as long as the provider asks before opening push again', async () => {
    const { channel, timers } = await live();
    channel.fail(providerFailure('RATE_LIMITED', 'RingCentral asked to slow down.', { retryAfter: 30 }));
    await timers.advance(29_000);
    expect(channel.openings).toHaveLength(1);
    await timers.advance(1_000);
    expect(channel.openings).toHaveLength(2);
  });

  it('falls back to polling when the channel cannot even open', async () => {
    const s = setup();
    s.channel.openThrows = new Error('no WebSocket here');
    await s.feed.start();
    await settle();
    expect(s.health.current()).toMatchObject({ health: 'polling', detail: UNAVAILABLE });
    expect(s.feed.nextDelayMs()).toBe(2_000);
  });

  it('falls back to polling when the channel fails before it has even returned, and closes it', async () => {
    const s = setup();
    s.channel.failsWhileOpening = providerFailure('UNAVAILABLE', 'RingCentral refused the subscription.');
    await s.feed.start();
    await settle();
    expect(s.health.current()).toMatchObject({ health: 'polling', detail: UNAVAILABLE });
    expect(s.channel.openCount()).toBe(0);
    s.channel.failsWhileOpening = undefined;
    await s.timers.advance(5_000);
    expect(s.channel.openCount()).toBe(1);
  });

  it('tries push again at once when the network comes back', async () => {
    const { feed, channel } = await live();
    channel.fail(providerFailure('NETWORK', 'The RingCentral WebSocket closed.'));
    await settle();
    feed.setOnline(true);
    expect(channel.openings).toHaveLength(2);
    expect(channel.openCount()).toBe(1);
  });

  it('on resume from sleep or a network change, opens push afresh (the old socket may be silently dead) and reads at once', async () => {
    const { feed, channel, provider, store } = await live();
    const before = channel.openings[0];
    const reads = provider.snapshotCount;
    provider.setCalls(ringing('rang-while-asleep'));
    await expect(feed.resume()).resolves.toEqual({ ok: true, value: null });
    expect(provider.snapshotCount).toBe(reads + 1);
    expect(store.calls().map((c) => c.id)).toEqual(['rang-while-asleep']);
    expect(before?.closed).toBe(true);
    expect(channel.openings).toHaveLength(2);
    expect(channel.openCount()).toBe(1);
    // The new channel's updates arrive; the old one's are ignored.
    channel.openings[1]?.sink.update({ kind: 'callUpdated', call: ringing('rang-after-waking') });
    before?.sink.update({ kind: 'callRemoved', callId: 'rang-while-asleep' });
    await settle();
    expect(store.calls().map((c) => c.id)).toEqual(['rang-while-asleep', 'rang-after-waking']);
  });

  it('ignores reports from a channel it has given up on', async () => {
    const { channel, store } = await live();
    const first = channel.openings[0];
    channel.fail(providerFailure('NETWORK', 'The RingCentral WebSocket closed.'));
    await settle();
    first?.sink.update({ kind: 'callUpdated', call: ringing() });
    expect(store.calls()).toEqual([]);
  });
});

describe('pushed feed: offline, sign-out, stop', () => {
  it('closes push while offline and reopens it with a full read when back online', async () => {
    const { feed, channel, provider, health, timers } = await live();
    feed.setOnline(false);
    expect(health.current().health).toBe('offline');
    expect(channel.openCount()).toBe(0);
    const reads = provider.snapshotCount;
    await timers.advance(60 * 60_000);
    expect(provider.snapshotCount).toBe(reads);

    provider.setCalls(ringing());
    feed.setOnline(true);
    await settle();
    expect(provider.snapshotCount).toBe(reads + 1);
    expect(channel.openCount()).toBe(1);
    expect(health.current().health).toBe('polling');
    channel.connect();
    await settle();
    expect(health.current().health).toBe('live');
  });

  it('is signed out when the channel reports a refused token, and stops everything', async () => {
    const { channel, provider, health, timers, feed } = await live();
    const reads = provider.snapshotCount;
    channel.fail(providerFailure('AUTH', 'RingCentral refused the access token: sign in again.'));
    expect(health.current()).toMatchObject({ health: 'signedOut', detail: 'RingCentral refused the access token: sign in again.' });
    expect(feed.nextDelayMs()).toBeNull();
    await timers.advance(60 * 60_000);
    expect(provider.snapshotCount).toBe(reads);
    expect(channel.openings).toHaveLength(1);
  });

  it('is signed out when a full read is refused, closing push; a good read later reopens it', async () => {
    const { channel, provider, health, feed } = await live();
    provider.snapshotFailures.push(providerFailure('AUTH', 'RingCentral refused the access token: sign in again.'));
    await feed.reconcile();
    expect(health.current().health).toBe('signedOut');
    expect(channel.openCount()).toBe(0);

    await expect(feed.reconcile()).resolves.toEqual({ ok: true, value: null });
    expect(channel.openCount()).toBe(1);
    channel.connect();
    await settle();
    expect(health.current().health).toBe('live');
  });

  it('stops reading and closes push on stop', async () => {
    const { channel, provider, timers, feed } = await live();
    feed.stop();
    expect(channel.openCount()).toBe(0);
    const reads = provider.snapshotCount;
    await timers.advance(60 * 60_000);
    expect(provider.snapshotCount).toBe(reads);
  });
});
