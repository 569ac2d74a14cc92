// The call store with several conferences at once: one 'conferences' event with the whole list per
// change, pending marks kept per conference (a command for one never marks or settles another), and
// a merge confirmed by whichever conference lists its calls.
import { describe, expect, it } from 'vitest';
import type { Call, Conference, ConferenceParticipant } from '../../../src/shared/domain';
import { createCallStore, type ConferencePendingExpiry } from '../../../src/main/core/call-store';
import { makeCall, ManualTimers } from './provider-double';

function participant(callId: string, overrides: Partial<ConferenceParticipant> = {}): ConferenceParticipant {
  return { callId, muted: false, deafened: false, actions: ['mute', 'deafen'], ...overrides };
}

function conf(id: string, callIds: string[], overrides: Partial<Conference> = {}): Conference {
  return {
    id,
    state: 'connected',
    muted: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    participants: callIds.map((c) => participant(c)),
    actions: ['mute', 'hold', 'releaseConference'],
    ...overrides,
  };
}

function setup() {
  const timers = new ManualTimers();
  const store = createCallStore({ timers, pendingTimeoutMs: 8_000 });
  const events: Conference[][] = [];
  const expired: ConferencePendingExpiry[] = [];
  store.on('conferences', (list) => events.push(list));
  store.on('conferencePendingExpired', (e) => expired.push(e));
  const calls: Call[] = ['a', 'b', 'c', 'd'].map((id) => makeCall({ id }));
  return { store, timers, events, expired, calls };
}

describe('call store: two conferences at once', () => {
  it('keeps both, in the provider’s order, and emits the whole list once per change', () => {
    const { store, events, calls } = setup();
    const one = conf('conf-1', ['a', 'b']);
    const two = conf('conf-2', ['c', 'd']);
    store.applySnapshot({ calls, conferences: [one, two] });
    expect(store.conferences().map((c) => c.id)).toEqual(['conf-1', 'conf-2']);
    expect(store.conference('conf-2')?.participants.map((p) => p.callId)).toEqual(['c', 'd']);
    // Only the second changes: still one event, carrying both.
    store.applySnapshot({ calls, conferences: [one, { ...two, state: 'held' }] });
    expect(events).toHaveLength(2);
    expect(events[1]?.map((c) => [c.id, c.state])).toEqual([
      ['conf-1', 'connected'],
      ['conf-2', 'held'],
    ]);
    // The first ends: the second stays.
    store.applySnapshot({ calls, conferences: [{ ...two, state: 'held' }] });
    expect(store.conferences().map((c) => c.id)).toEqual(['conf-2']);
    expect(store.conference('conf-1')).toBeUndefined();
  });

  it('marks a host command pending on the named conference only, and settles it from that one', () => {
    const { store, calls } = setup();
    store.applySnapshot({ calls, conferences: [conf('conf-1', ['a', 'b']), conf('conf-2', ['c', 'd'])] });
    store.markConferencePending('conf-2', 'mute');
    expect(store.conference('conf-2')?.pending).toBe('mute');
    expect(store.conference('conf-1')?.pending).toBeUndefined();
    expect(store.conferencePending('conf-1')).toBeUndefined();
    // The other conference shows muted: that does not confirm this one.
    store.applySnapshot({ calls, conferences: [conf('conf-1', ['a', 'b'], { muted: true }), conf('conf-2', ['c', 'd'])] });
    expect(store.conference('conf-2')?.pending).toBe('mute');
    store.applySnapshot({ calls, conferences: [conf('conf-1', ['a', 'b'], { muted: true }), conf('conf-2', ['c', 'd'], { muted: true })] });
    expect(store.conference('conf-2')?.pending).toBeUndefined();
  });

  it('keeps participant marks apart when both conferences have a participant to mute', () => {
    const { store, calls } = setup();
    store.applySnapshot({ calls, conferences: [conf('conf-1', ['a', 'b']), conf('conf-2', ['c', 'd'])] });
    store.markConferencePending('conf-1', 'mute', 'a');
    store.markConferencePending('conf-2', 'deafen', 'c');
    // A participant the named conference does not have is never marked.
    store.markConferencePending('conf-1', 'mute', 'c');
    expect(store.conferencePending('conf-1', 'a')).toBe('mute');
    expect(store.conferencePending('conf-2', 'c')).toBe('deafen');
    expect(store.conferencePending('conf-1', 'c')).toBeUndefined();
    store.clearConferencePending('conf-1', 'mute', 'a');
    expect(store.conference('conf-1')?.participants[0]?.pending).toBeUndefined();
    expect(store.conference('conf-2')?.participants[0]?.pending).toBe('deafen');
  });

  it('reports an unconfirmed command with the conference it was for', async () => {
    const { store, timers, expired, calls } = setup();
    store.applySnapshot({ calls, conferences: [conf('conf-1', ['a', 'b']), conf('conf-2', ['c', 'd'])] });
    store.markConferencePending('conf-1', 'hold');
    // Still on its way: no wait yet.
    await timers.advance(60_000);
    expect(expired).toEqual([]);
    store.acceptConferencePending('conf-1', 'hold');
    await timers.advance(8_000);
    expect(expired).toEqual([{ conferenceId: 'conf-1', action: 'hold', conference: store.conference('conf-1') }]);
    expect(store.conference('conf-1')?.pending).toBeUndefined();
  });

  it('confirms a merge when a new conference lists the calls while another is in progress', () => {
    const { store, calls } = setup();
    store.applySnapshot({ calls, conferences: [conf('conf-1', ['a', 'b'])] });
    store.markPending('c', 'merge');
    store.markPending('d', 'merge');
    store.applySnapshot({ calls, conferences: [conf('conf-1', ['a', 'b'])] });
    expect(store.call('c')?.pending).toBe('merge');
    store.applySnapshot({ calls, conferences: [conf('conf-1', ['a', 'b']), conf('conf-2', ['c', 'd'])] });
    expect(store.call('c')?.pending).toBeUndefined();
    expect(store.call('d')?.pending).toBeUndefined();
  });
});
