// The core facade as the shell and the preview use it, on hand-driven timers: calls and diffs flow
// out, commands come back as Results, unconfirmed commands become notices, history follows ended
// calls, status carries health and account.
import { describe, expect, it } from 'vitest';
import type { Call, HistoryEntry, Status } from '../../../src/shared/domain';
import { createSwitchboardCore, type CommandFailedNotice, type SwitchboardCoreOptions } from '../../../src/main/core/switchboard-core';
import type { CallDiff } from '../../../src/main/core/call-store';
import { TEST_CORE_TIMING, ManualTimers, ProviderDouble, actionsFor, makeCall, providerFailure, settle } from './provider-double';
import { FakePushChannel } from './push-double';
import { closeAfterEach } from '../../support/close-after-each';

const stopped = closeAfterEach();

function coreFor(provider: ProviderDouble, options: Partial<SwitchboardCoreOptions> = {}) {
  const timers = new ManualTimers();
  const core = createSwitchboardCore({
    provider,
    ...TEST_CORE_TIMING,
    timers,
    ...options,
  });
  stopped(core);
  const log = {
    calls: [] as Call[][],
    diffs: [] as CallDiff[],
    status: [] as Status[],
    failed: [] as CommandFailedNotice[],
    history: [] as HistoryEntry[][],
  };
  core.on('calls', (c) => log.calls.push(c));
  core.on('diff', (d) => log.diffs.push(d));
  core.on('status', (s) => log.status.push(s));
  core.on('commandFailed', (n) => log.failed.push(n));
  core.on('history', (h) => log.history.push(h));
  return { core, log, timers };
}

const entry = (number: string, type: HistoryEntry['type'] = 'received'): HistoryEntry => ({
  type,
  number,
  privacy: false,
  time: '2026-01-01T10:00:00.000Z',
});

describe('switchboard core', () => {
  it('shows the calls and the account after start', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(makeCall({ id: 'c1', state: 'alerting', actions: actionsFor('alerting') }));
    const { core, log } = coreFor(provider);
    await core.start();
    expect(core.calls().map((c) => c.id)).toEqual(['c1']);
    expect(log.calls).toHaveLength(1);
    expect(log.diffs[0]?.added.map((c) => c.id)).toEqual(['c1']);
    expect(core.status()).toMatchObject({ health: 'polling', provider: 'webex', account: { displayName: 'Grace Hopper' } });
    expect(core.status().lastSyncAt).toBeDefined();
    expect(core.conferences()).toEqual([]);
  });

  it('starts without an account when the account cannot be read', async () => {
    const provider = new ProviderDouble();
    provider.accountValue = providerFailure('UNAVAILABLE', 'Webex is unavailable.');
    const { core } = coreFor(provider);
    await core.start();
    expect(core.status().account).toBeUndefined();
    expect(core.status().health).toBe('polling');
    provider.accountValue = { provider: 'webex', displayName: 'Grace Hopper' };
    await core.reconcile();
    expect(core.status().account?.displayName).toBe('Grace Hopper');
  });

  it('follows the provider: a call that rings, is answered elsewhere and ends', async () => {
    const provider = new ProviderDouble();
    const { core, log, timers } = coreFor(provider);
    await core.start();
    provider.setCalls(makeCall({ id: 'c1', state: 'alerting', actions: actionsFor('alerting') }));
    await timers.advance(2_000);
    expect(core.calls().map((c) => c.state)).toEqual(['alerting']);
    provider.setCalls(makeCall({ id: 'c1', state: 'connected' }));
    await timers.advance(1_000);
    expect(core.calls().map((c) => c.state)).toEqual(['connected']);
    await timers.advance(10_000);
    provider.setCalls();
    await timers.advance(2_000);
    expect(core.calls()).toEqual([]);
    // One diff per change, however many reads happened in between.
    expect(log.diffs.map((d) => [d.added.length, d.updated.length, d.removed.length])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(provider.snapshotCount).toBeGreaterThan(3);
  });

  it('carries a command through to the provider and shows it pending until confirmed', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(makeCall({ id: 'c1' }));
    provider.behaviour = (_command, p) => {
      p.setCalls(makeCall({ id: 'c1', state: 'held', actions: actionsFor('held') }));
      return {};
    };
    const { core, log, timers } = coreFor(provider);
    await core.start();
    await expect(core.command({ type: 'hold', callId: 'c1' })).resolves.toEqual({ ok: true, value: {} });
    expect(core.calls()[0]).toMatchObject({ state: 'connected', pending: 'hold' });
    // A command brings the next read forward to the fast pace.
    await timers.advance(1_000);
    expect(core.calls()[0]).toMatchObject({ state: 'held' });
    expect(core.calls()[0]?.pending).toBeUndefined();
    expect(log.calls.some((calls) => calls[0]?.pending === 'hold')).toBe(true);
    expect(log.failed).toEqual([]);
  });

  it('tells the user when the provider accepted a command but never carried it out', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(makeCall({ id: 'c1' }));
    const { core, log, timers } = coreFor(provider);
    await core.start();
    await core.command({ type: 'hold', callId: 'c1' });
    await timers.advance(7_999);
    expect(log.failed).toEqual([]);
    await timers.advance(1);
    expect(log.failed[0]).toEqual({
      callId: 'c1',
      action: 'hold',
      error: { code: 'TIMEOUT', message: 'Hold was not confirmed by Webex — the call is shown as it really is.', retryable: true },
    });
    expect(core.calls()[0]).toMatchObject({ state: 'connected' });
    expect(core.calls()[0]?.pending).toBeUndefined();
  });

  it('caches history and refreshes it when a call ends', async () => {
    const provider = new ProviderDouble();
    provider.historyEntries = [entry('+15550001')];
    provider.setCalls(makeCall({ id: 'c1' }));
    const { core, log, timers } = coreFor(provider);
    await core.start();
    await expect(core.history()).resolves.toEqual({ ok: true, value: [entry('+15550001')] });
    await core.history();
    expect(provider.historyCalls).toEqual([undefined]);

    provider.historyEntries = [entry('+15550002'), entry('+15550001')];
    provider.setCalls();
    await timers.advance(2_000);
    // The provider records an ended call a moment later: history is read after a pause.
    expect(log.history).toEqual([]);
    await timers.advance(2_000);
    expect(log.history).toHaveLength(1);
    expect(log.history[0]).toEqual([entry('+15550002'), entry('+15550001')]);
    await expect(core.history()).resolves.toEqual({ ok: true, value: [entry('+15550002'), entry('+15550001')] });
    expect(provider.historyCalls).toEqual([undefined, undefined]);
  });

  it('keeps history per type', async () => {
    const provider = new ProviderDouble();
    provider.historyEntries = [entry('1', 'missed'), entry('2', 'placed')];
    const { core } = coreFor(provider);
    await core.start();
    await expect(core.history('missed')).resolves.toEqual({ ok: true, value: [entry('1', 'missed')] });
    await core.history('missed');
    expect(provider.historyCalls).toEqual(['missed']);
  });

  it('returns history and endpoint failures as values', async () => {
    const provider = new ProviderDouble();
    provider.history = async () => {
      throw providerFailure('UNAVAILABLE', 'Webex is unavailable.');
    };
    provider.endpoints = providerFailure('NOT_ALLOWED', 'Webex refused: missing scope.');
    const { core } = coreFor(provider);
    const history = await core.history();
    expect(history.ok ? null : history.error).toMatchObject({ code: 'UNAVAILABLE', message: 'Webex is unavailable.' });
    const endpoints = await core.answerEndpoints();
    expect(endpoints.ok ? null : endpoints.error.code).toBe('NOT_ALLOWED');
  });

  it('lists answer endpoints', async () => {
    const { core } = coreFor(new ProviderDouble());
    await expect(core.answerEndpoints()).resolves.toEqual({
      ok: true,
      value: [{ id: 'ep-1', name: 'Desk phone', type: 'DEVICE', preferred: true }],
    });
  });

  it('reports signed out when the token is refused, and recovers on reconcile after sign-in', async () => {
    const provider = new ProviderDouble();
    const { core, log, timers } = coreFor(provider);
    await core.start();
    provider.snapshotFailures.push(providerFailure('AUTH', 'Webex refused the access token: sign in again.'));
    await timers.advance(2_000);
    expect(core.status().health).toBe('signedOut');
    expect(core.status().detail).toBe('Webex refused the access token: sign in again.');
    const reads = provider.snapshotCount;
    await timers.advance(10 * 60_000);
    expect(provider.snapshotCount).toBe(reads);

    provider.accountValue = { provider: 'webex', displayName: 'Alan Turing' };
    await expect(core.reconcile()).resolves.toEqual({ ok: true, value: null });
    expect(core.status().health).toBe('polling');
    await settle();
    expect(core.status().account?.displayName).toBe('Alan Turing');
    expect(log.status.map((s) => s.health)).toContain('signedOut');
  });

  it('goes offline and back', async () => {
    const provider = new ProviderDouble();
    const { core, log } = coreFor(provider);
    await core.start();
    core.setOnline(false);
    expect(core.status().health).toBe('offline');
    expect(log.status.at(-1)?.health).toBe('offline');
    const reads = provider.snapshotCount;
    provider.setCalls(makeCall({ id: 'c1' }));
    core.setOnline(true);
    await settle();
    expect(core.calls().map((c) => c.id)).toEqual(['c1']);
    expect(provider.snapshotCount).toBeGreaterThan(reads);
    expect(core.status().health).toBe('polling');
  });

  it('says in the status line what the provider asks the user to fix, until it no longer does', async () => {
    const provider = new ProviderDouble();
    const { core, timers } = coreFor(provider);
    await core.start();
    expect(core.status().detail).not.toContain('auto-answer');
    provider.advisory = 'Calls arrive already answered: turn auto-answer off.';
    await timers.advance(2_000);
    expect(core.status()).toMatchObject({ health: 'polling', detail: 'Calls arrive already answered: turn auto-answer off.' });
    provider.advisory = undefined;
    await timers.advance(2_000);
    expect(core.status().detail).not.toContain('auto-answer');
  });

  it('reads the account again when a read says it changed, so the Line choice shows a line added later', async () => {
    const provider = new ProviderDouble();
    const { core, timers } = coreFor(provider);
    await core.start();
    const lines = [
      { id: '', label: 'My line', primary: true },
      { id: 'front-desk', label: 'Virtual line', primary: false },
    ];
    provider.accountValue = { provider: 'webex', displayName: 'Grace Hopper', email: 'grace@example.com', lines };
    await timers.advance(2_000);
    // An unchanged account is not read on every poll.
    expect(core.status().account?.lines).toBeUndefined();
    provider.accountChangedNext = true;
    await timers.advance(2_000);
    expect(core.status().account?.lines).toEqual(lines);
  });

  it('passes conference changes on', async () => {
    const provider = new ProviderDouble();
    const { core, timers } = coreFor(provider);
    const seen: unknown[] = [];
    core.on('conferences', (c) => seen.push(c));
    await core.start();
    provider.conferences = [
      { id: 'conf-1', state: 'connected', muted: false, createdAt: '2026-01-01T10:00:00.000Z', participants: [], actions: ['hangup'] },
    ];
    await timers.advance(2_000);
    expect(core.conferences()).toMatchObject([{ id: 'conf-1', state: 'connected' }]);
    expect(seen).toHaveLength(1);
  });

  it('stops reading after stop, and listeners can unsubscribe', async () => {
    const provider = new ProviderDouble();
    const { core, timers } = coreFor(provider);
    const seen: Call[][] = [];
    const off = core.on('calls', (c) => seen.push(c));
    await core.start();
    off();
    provider.setCalls(makeCall({ id: 'c1' }));
    await timers.advance(2_000);
    expect(core.calls()).toHaveLength(1);
    expect(seen).toEqual([]);
    core.stop();
    const reads = provider.snapshotCount;
    await timers.advance(60 * 60_000);
    expect(provider.snapshotCount).toBe(reads);
  });
});

describe('switchboard core with a pushed provider', () => {
  async function liveCore() {
    const provider = new ProviderDouble('ringcentral');
    const channel = new FakePushChannel();
    provider.push = channel;
    const setup = coreFor(provider, { providerName: 'RingCentral' });
    await setup.core.start();
    channel.connect();
    await settle();
    return { provider, channel, ...setup };
  }

  it('is live once the channel is up, and shows a pushed ringing call without reading', async () => {
    const { core, log, channel, provider } = await liveCore();
    expect(core.status()).toMatchObject({ health: 'live', provider: 'ringcentral', detail: 'Calls update as RingCentral reports them.' });
    const reads = provider.snapshotCount;
    channel.callUpdated(makeCall({ id: 'c1', provider: 'ringcentral', state: 'alerting', actions: actionsFor('alerting') }));
    expect(log.diffs.at(-1)?.added.map((c) => c.id)).toEqual(['c1']);
    expect(log.calls.at(-1)?.map((c) => c.state)).toEqual(['alerting']);
    expect(provider.snapshotCount).toBe(reads);
  });

  it('confirms a command by a pushed update', async () => {
    const { core, channel, log } = await liveCore();
    channel.callUpdated(makeCall({ id: 'c1', provider: 'ringcentral' }));
    await core.command({ type: 'hold', callId: 'c1' });
    expect(core.calls()[0]?.pending).toBe('hold');
    channel.callUpdated(makeCall({ id: 'c1', provider: 'ringcentral', state: 'held', actions: actionsFor('held') }));
    expect(core.calls()[0]).toMatchObject({ state: 'held' });
    expect(core.calls()[0]?.pending).toBeUndefined();
    expect(log.failed).toEqual([]);
  });

  it('says in the status line that it polls while push is down, and is live again when it returns', async () => {
    const { core, log, channel, timers } = await liveCore();
    channel.fail(providerFailure('NETWORK', 'The RingCentral WebSocket closed.'));
    await settle();
    expect(core.status()).toMatchObject({
      health: 'polling',
      detail: 'Live updates from RingCentral are unavailable — checking every 2 s.',
    });
    expect(log.status.at(-1)?.health).toBe('polling');
    await timers.advance(5_000);
    channel.connect();
    await settle();
    expect(core.status().health).toBe('live');
  });

  it('reads everything once and reopens push on sign-in after a sign-out', async () => {
    const { core, channel, provider } = await liveCore();
    core.signOut('Signed out of RingCentral.');
    expect(channel.openCount()).toBe(0);
    expect(core.status().health).toBe('signedOut');
    const reads = provider.snapshotCount;
    provider.setCalls(makeCall({ id: 'c1', provider: 'ringcentral' }));
    await expect(core.signIn()).resolves.toEqual({ ok: true, value: null });
    expect(provider.snapshotCount).toBe(reads + 1);
    expect(core.calls().map((c) => c.id)).toEqual(['c1']);
    expect(channel.openCount()).toBe(1);
  });
});
