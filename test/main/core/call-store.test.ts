// The call store: one diff per change of what the UI shows, none when nothing changed, and the
// pending overlay that a confirming snapshot or a timeout clears.
import { describe, expect, it } from 'vitest';
import type { Action, Call } from '../../../src/shared/domain';
import { createCallStore, type CallDiff, type PendingExpiry } from '../../../src/main/core/call-store';
import { makeCall, ManualTimers } from './provider-double';

function storeWithLog(options: { pendingTimeoutMs?: number; slowPendingTimeoutMs?: number } = {}) {
  const timers = new ManualTimers();
  const store = createCallStore({ ...options, timers });
  const diffs: CallDiff[] = [];
  const expired: PendingExpiry[] = [];
  const conferences: unknown[] = [];
  store.on('diff', (d) => diffs.push(d));
  store.on('pendingExpired', (e) => expired.push(e));
  store.on('conferences', (c) => conferences.push(c));
  return { store, timers, diffs, expired, conferences };
}

const snap = (...calls: Call[]) => ({ calls, conferences: [] });

/** Each action, a call state that does not show its effect, and one that does (null: the call is gone). */
const confirmations: [Action, Partial<Call>, Partial<Call> | null][] = [
  ['hold', { state: 'connected' }, { state: 'held' }],
  ['resume', { state: 'held' }, { state: 'connected' }],
  ['mute', { muted: false }, { muted: true }],
  ['unmute', { muted: true }, { muted: false }],
  ['answer', { state: 'alerting' }, { state: 'connected' }],
  ['startRecording', {}, { recording: 'started' }],
  ['startRecording', {}, { recording: 'pending' }],
  ['pauseRecording', { recording: 'started' }, { recording: 'paused' }],
  ['resumeRecording', { recording: 'paused' }, { recording: 'started' }],
  ['stopRecording', { recording: 'started' }, { recording: 'stopped' }],
  ['hangup', {}, null],
  ['decline', { state: 'alerting' }, null],
  ['divert', { state: 'alerting' }, null],
  ['toVoicemail', { state: 'alerting' }, null],
  ['transfer', {}, null],
  ['muteTransfer', {}, null],
  ['attendedTransfer', {}, null],
  ['park', {}, null],
  ['push', {}, null],
];

describe('call store: diffs', () => {
  it('reports new calls once as added', () => {
    const { store, diffs } = storeWithLog();
    const a = makeCall({ id: 'a', state: 'alerting' });
    const diff = store.applySnapshot(snap(a));
    expect(diff).toEqual({ added: [a], updated: [], removed: [], calls: [a] });
    expect(diffs).toEqual([diff]);
    expect(store.calls()).toEqual([a]);
  });

  it('emits nothing when a snapshot changes nothing, even if it is a fresh copy', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' }), makeCall({ id: 'b' })));
    expect(store.applySnapshot(snap(makeCall({ id: 'a' }), makeCall({ id: 'b' })))).toBeNull();
    expect(diffs).toHaveLength(1);
  });

  it('treats a field present as undefined like a missing one', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.applySnapshot(snap(makeCall({ id: 'a', answeredAt: undefined })));
    expect(diffs).toHaveLength(1);
  });

  it('reports a changed call as updated and only that call', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a', state: 'alerting' }), makeCall({ id: 'b' })));
    const answered = makeCall({ id: 'a', state: 'connected', answeredAt: '2026-01-01T10:00:05.000Z' });
    const diff = store.applySnapshot(snap(answered, makeCall({ id: 'b' })));
    expect(diff?.added).toEqual([]);
    expect(diff?.updated).toEqual([answered]);
    expect(diff?.removed).toEqual([]);
    expect(diffs).toHaveLength(2);
  });

  it('reports a call that is no longer listed as removed, in its last state', () => {
    const { store } = storeWithLog();
    const held = makeCall({ id: 'a', state: 'held' });
    store.applySnapshot(snap(held, makeCall({ id: 'b' })));
    const diff = store.applySnapshot(snap(makeCall({ id: 'b' })));
    expect(diff?.removed).toEqual([held]);
    expect(diff?.calls.map((c) => c.id)).toEqual(['b']);
    expect(store.call('a')).toBeUndefined();
  });

  it('puts adds, updates and removals of one snapshot into a single diff', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' }), makeCall({ id: 'b' })));
    store.applySnapshot(snap(makeCall({ id: 'b', muted: true }), makeCall({ id: 'c' })));
    expect(diffs).toHaveLength(2);
    const [, diff] = diffs;
    expect(diff?.added.map((c) => c.id)).toEqual(['c']);
    expect(diff?.updated.map((c) => c.id)).toEqual(['b']);
    expect(diff?.removed.map((c) => c.id)).toEqual(['a']);
  });

  it('ignores a pending mark that a provider puts on a call', () => {
    const { store } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a', pending: 'hold' })));
    expect(store.call('a')?.pending).toBeUndefined();
    expect(store.hasPending()).toBe(false);
  });

  it('emits conference changes separately, as the whole list, and only when a conference changed', () => {
    const { store, diffs, conferences } = storeWithLog();
    const conference = {
      id: 'conf-1',
      state: 'connected' as const,
      muted: false,
      createdAt: '2026-01-01T10:00:00.000Z',
      participants: [],
      actions: [],
    };
    store.applySnapshot({ calls: [], conferences: [conference] });
    store.applySnapshot({ calls: [], conferences: [structuredClone(conference)] });
    store.applySnapshot({ calls: [], conferences: [] });
    expect(conferences).toEqual([[conference], []]);
    expect(diffs).toHaveLength(0);
    expect(store.conferences()).toEqual([]);
    expect(store.conference('conf-1')).toBeUndefined();
  });

  it('forgets everything on reset, reporting the calls as removed', () => {
    const { store } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'hold');
    const diff = store.reset();
    expect(diff?.removed.map((c) => c.id)).toEqual(['a']);
    expect(diff?.removed[0]?.pending).toBeUndefined();
    expect(store.calls()).toEqual([]);
    expect(store.hasPending()).toBe(false);
  });
});

describe('call store: pending overlay', () => {
  it('shows a pending command on the call as a change of its own', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    const diff = store.markPending('a', 'hold');
    expect(diff?.updated.map((c) => c.pending)).toEqual(['hold']);
    expect(store.call('a')?.pending).toBe('hold');
    expect(store.hasPending()).toBe(true);
    expect(diffs).toHaveLength(2);
  });

  it('does not mark a call it does not know', () => {
    const { store } = storeWithLog();
    expect(store.markPending('ghost', 'hold')).toBeNull();
    expect(store.hasPending()).toBe(false);
  });

  it('keeps the mark while snapshots do not yet show the effect, without emitting', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'hold');
    expect(store.applySnapshot(snap(makeCall({ id: 'a' })))).toBeNull();
    expect(store.call('a')?.pending).toBe('hold');
    expect(diffs).toHaveLength(2);
  });

  it('clears the mark in the same single diff as the confirming state change', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'hold');
    const diff = store.applySnapshot(snap(makeCall({ id: 'a', state: 'held' })));
    expect(diff?.updated).toHaveLength(1);
    expect(diff?.updated[0]?.state).toBe('held');
    expect(diff?.updated[0]?.pending).toBeUndefined();
    expect(diffs).toHaveLength(3);
    expect(store.hasPending()).toBe(false);
  });

  it.each(confirmations)('%s is confirmed by %o → %o', (action, before, after) => {
    const { store, timers, expired } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a', ...before })));
    store.markPending('a', action);
    // The unchanged call does not confirm it…
    store.applySnapshot(snap(makeCall({ id: 'a', ...before })));
    expect(store.call('a')?.pending).toBe(action);
    // …the changed (or vanished) call does.
    store.applySnapshot(after === null ? snap() : snap(makeCall({ id: 'a', ...before, ...after })));
    expect(store.hasPending()).toBe(false);
    expect(timers.pending()).toEqual([]);
    expect(expired).toEqual([]);
  });

  it('treats a call reported as disconnected like a call that is gone', () => {
    const { store } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'transfer');
    store.applySnapshot(snap(makeCall({ id: 'a', state: 'disconnected' })));
    expect(store.hasPending()).toBe(false);
  });

  it('gives up waiting after the timeout, clears the mark and reports it', async () => {
    const { store, timers, expired, diffs } = storeWithLog({ pendingTimeoutMs: 8_000 });
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'hold');
    store.acceptPending('a', 'hold');
    expect(timers.pending()).toEqual([8_000]);
    await timers.advance(7_999);
    expect(expired).toEqual([]);
    await timers.advance(1);
    expect(expired).toEqual([{ callId: 'a', action: 'hold', call: makeCall({ id: 'a' }) }]);
    expect(store.call('a')?.pending).toBeUndefined();
    expect(diffs.at(-1)?.updated[0]?.pending).toBeUndefined();
  });

  it('waits longer for a mute transfer, which rings the destination first', () => {
    const { store, timers } = storeWithLog({ pendingTimeoutMs: 8_000, slowPendingTimeoutMs: 60_000 });
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'muteTransfer');
    store.acceptPending('a', 'muteTransfer');
    expect(timers.pending()).toEqual([60_000]);
  });

  it('starts the wait only when the provider accepts the command: a command still on its way (a rate-limit wait) never expires', async () => {
    const { store, timers, expired } = storeWithLog({ pendingTimeoutMs: 1_000 });
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'hold');
    expect(timers.pending()).toEqual([]);
    await timers.advance(30_000);
    expect(expired).toEqual([]);
    expect(store.call('a')?.pending).toBe('hold');
    expect(store.acceptPending('a', 'hold')).toBeNull();
    await timers.advance(900);
    expect(expired).toEqual([]);
    await timers.advance(100);
    expect(expired.map((e) => e.action)).toEqual(['hold']);
  });

  it('settles DTMF as soon as the provider accepts it', () => {
    const { store, timers } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'dtmf');
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    expect(store.call('a')?.pending).toBe('dtmf');
    const diff = store.acceptPending('a', 'dtmf');
    expect(diff?.updated[0]?.pending).toBeUndefined();
    expect(timers.pending()).toEqual([]);
  });

  it('clears a mark on request, but not one for another action', () => {
    const { store } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'hold');
    expect(store.clearPending('a', 'mute')).toBeNull();
    expect(store.call('a')?.pending).toBe('hold');
    expect(store.clearPending('a', 'hold')?.updated[0]?.pending).toBeUndefined();
  });

  it('drops the mark silently when its call ends before confirming', () => {
    const { store, timers, expired } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'hold');
    const diff = store.applySnapshot(snap());
    expect(diff?.removed).toEqual([makeCall({ id: 'a' })]);
    expect(timers.pending()).toEqual([]);
    expect(expired).toEqual([]);
  });

  it('stops its timers on dispose', () => {
    const { store, timers } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    store.markPending('a', 'hold');
    store.dispose();
    expect(timers.pending()).toEqual([]);
  });
});

describe('call store: single-call updates (push)', () => {
  it('adds a call it has not seen, at the end, and updates one it has, in place', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a' })));
    const ringing = makeCall({ id: 'b', state: 'alerting' });
    expect(store.upsertCall(ringing)).toEqual({ added: [ringing], updated: [], removed: [], calls: [makeCall({ id: 'a' }), ringing] });
    const held = makeCall({ id: 'a', state: 'held' });
    expect(store.upsertCall(held)).toEqual({ added: [], updated: [held], removed: [], calls: [held, ringing] });
    expect(diffs).toHaveLength(3);
  });

  it('emits nothing for an update that changes nothing', () => {
    const { store, diffs } = storeWithLog();
    store.upsertCall(makeCall({ id: 'a' }));
    expect(store.upsertCall(makeCall({ id: 'a' }))).toBeNull();
    expect(diffs).toHaveLength(1);
  });

  it('removes a call in its last state, and ignores a removal of a call it does not list', () => {
    const { store, diffs } = storeWithLog();
    store.applySnapshot(snap(makeCall({ id: 'a', state: 'held' }), makeCall({ id: 'b' })));
    expect(store.removeCall('a')).toEqual({
      added: [],
      updated: [],
      removed: [makeCall({ id: 'a', state: 'held' })],
      calls: [makeCall({ id: 'b' })],
    });
    expect(store.removeCall('a')).toBeNull();
    expect(diffs).toHaveLength(2);
  });

  it.each(confirmations)('%s is confirmed by an update %o → %o', (action, before, after) => {
    const { store, timers, expired } = storeWithLog();
    store.upsertCall(makeCall({ id: 'a', ...before }));
    store.markPending('a', action);
    store.upsertCall(makeCall({ id: 'a', ...before }));
    expect(store.call('a')?.pending).toBe(action);
    if (after === null) store.removeCall('a');
    else store.upsertCall(makeCall({ id: 'a', ...before, ...after }));
    expect(store.hasPending()).toBe(false);
    expect(timers.pending()).toEqual([]);
    expect(expired).toEqual([]);
  });

  it('keeps the mark on an update of another call, and still times it out', async () => {
    const { store, timers, expired } = storeWithLog({ pendingTimeoutMs: 8_000 });
    store.upsertCall(makeCall({ id: 'a' }));
    store.markPending('a', 'hold');
    store.acceptPending('a', 'hold');
    store.upsertCall(makeCall({ id: 'b', state: 'held' }));
    expect(store.call('a')?.pending).toBe('hold');
    await timers.advance(8_000);
    expect(expired.map((e) => [e.callId, e.action])).toEqual([['a', 'hold']]);
  });

  it('confirms a merge when the conference update lists the call', () => {
    const { store, conferences } = storeWithLog();
    store.upsertCall(makeCall({ id: 'a', actions: ['merge'] }));
    store.markPending('a', 'merge');
    const conference = {
      id: 'conf-1',
      state: 'connected' as const,
      muted: false,
      createdAt: '2026-01-01T10:00:00.000Z',
      participants: [{ callId: 'a', muted: false, deafened: false, party: { privacy: false }, actions: [] }],
      actions: [],
    };
    store.applyUpdate({ kind: 'conferencesChanged', conferences: [conference] });
    expect(store.hasPending()).toBe(false);
    expect(conferences.at(-1)).toEqual([conference]);
  });

  it('takes any push update through applyUpdate', () => {
    const { store } = storeWithLog();
    store.applyUpdate({ kind: 'callUpdated', call: makeCall({ id: 'a' }) });
    expect(store.calls().map((c) => c.id)).toEqual(['a']);
    store.applyUpdate({ kind: 'callRemoved', callId: 'a' });
    expect(store.calls()).toEqual([]);
  });
});
