// Conference commands through the core, on real (short) timers with a provider double: parse, refuse
// what the conference or call does not allow (nothing sent), mark pending until a read confirms, tell
// the user about unconfirmed or unknown outcomes after re-reading, and never resend.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSwitchboardCore, type CommandFailedNotice, type SwitchboardCore } from '../../../src/main/core/switchboard-core';
import type { Conference, ConferenceParticipant } from '../../../src/shared/domain';
import { ProviderDouble, actionsFor, makeCall, providerFailure } from './provider-double';

const running: SwitchboardCore[] = [];

afterEach(() => {
  for (const core of running.splice(0)) core.stop();
});

function coreFor(provider: ProviderDouble, pendingTimeoutMs = 2_000) {
  const core = createSwitchboardCore({ provider, intervals: { fastMs: 10, normalMs: 20, idleMs: 40, maxBackoffMs: 200 }, pendingTimeoutMs });
  running.push(core);
  const log = { conference: [] as (Conference | null)[], failed: [] as CommandFailedNotice[] };
  core.on('conference', (c) => log.conference.push(c));
  core.on('commandFailed', (n) => log.failed.push(n));
  return { core, log };
}

function participant(callId: string, overrides: Partial<ConferenceParticipant> = {}): ConferenceParticipant {
  const muted = overrides.muted ?? false;
  const deafened = overrides.deafened ?? false;
  return {
    callId,
    muted,
    deafened,
    party: { name: callId === 'a' ? 'Ada Lovelace' : 'Bob Jones', privacy: false },
    actions: [muted ? 'unmute' : 'mute', deafened ? 'undeafen' : 'deafen'],
    ...overrides,
  };
}

/** What a provider would report for a conference of my calls a and b. */
function conferenceOf(overrides: Partial<Conference> = {}): Conference {
  const state = overrides.state ?? 'connected';
  const muted = overrides.muted ?? false;
  return {
    state,
    muted,
    createdAt: '2026-01-01T10:05:00.000Z',
    participants: [participant('a'), participant('b')],
    actions: state === 'connected' ? [muted ? 'unmute' : 'mute', 'hold', 'leaveConference', 'releaseConference'] : ['resume', 'leaveConference', 'releaseConference'],
    ...overrides,
  };
}

const mergeable = (id: string, state: 'connected' | 'held' = 'connected') => makeCall({ id, state, actions: [...actionsFor(state), 'merge'] });
const inConference = (id: string) => makeCall({ id, state: 'connected' });

async function withConference(overrides: Partial<Conference> = {}, timeoutMs?: number) {
  const provider = new ProviderDouble();
  provider.setCalls(inConference('a'), inConference('b'));
  provider.conferenceState = conferenceOf(overrides);
  const harness = coreFor(provider, timeoutMs);
  await harness.core.start();
  return { provider, ...harness };
}

describe('conference commands: refusals before anything is sent', () => {
  it('refuses a host control the conference does not offer now, saying why', async () => {
    const { core, provider } = await withConference();
    expect(await core.conferenceCommand({ type: 'resumeConference' })).toEqual({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'Resume is not available now: the conference is connected.', retryable: false },
    });
    expect(await core.conferenceCommand({ type: 'unmuteHost' })).toMatchObject({ error: { code: 'NOT_ALLOWED', message: 'You are not muted in the conference.' } });
    expect(provider.executedConference).toEqual([]);
  });

  it('refuses host mute while held, and leave beyond a three-way call', async () => {
    const { core, provider } = await withConference({ state: 'held' });
    expect(await core.conferenceCommand({ type: 'muteHost' })).toMatchObject({ error: { code: 'NOT_ALLOWED', message: 'Mute is not available while the conference is on hold.' } });
    provider.conferenceState = conferenceOf({ participants: [participant('a'), participant('b'), participant('c')], actions: ['mute', 'hold', 'releaseConference'] });
    await core.reconcile();
    expect(await core.conferenceCommand({ type: 'leave' })).toMatchObject({ error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/only in a three-way call: this conference has 3 participants/) } });
    expect(provider.executedConference).toEqual([]);
  });

  it('refuses participant controls their state already answers, and calls not in the conference', async () => {
    const { core, provider } = await withConference({ participants: [participant('a', { muted: true }), participant('b', { deafened: true })] });
    expect(await core.conferenceCommand({ type: 'muteParticipant', callId: 'a' })).toMatchObject({ error: { code: 'NOT_ALLOWED', message: 'Ada Lovelace is already muted.' } });
    expect(await core.conferenceCommand({ type: 'deafen', callId: 'b' })).toMatchObject({ error: { code: 'NOT_ALLOWED', message: 'Bob Jones is already deafened.' } });
    expect(await core.conferenceCommand({ type: 'undeafen', callId: 'zz' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(provider.executedConference).toEqual([]);
  });

  it('without a conference: merge needs two answered calls, and everything else is NOT_FOUND', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(mergeable('a'), makeCall({ id: 'r', state: 'alerting', actions: actionsFor('alerting') }));
    const { core } = coreFor(provider);
    await core.start();
    expect(await core.conferenceCommand({ type: 'merge' })).toMatchObject({ error: { code: 'NOT_ALLOWED', message: 'Merge needs at least two answered calls.' } });
    expect(await core.conferenceCommand({ type: 'merge', callIds: ['a', 'r'] })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'Merge is not available for the call with Ada Lovelace: it is ringing.' },
    });
    expect(await core.conferenceCommand({ type: 'merge', callIds: ['a', 'gone'] })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await core.conferenceCommand({ type: 'holdConference' })).toMatchObject({ error: { code: 'NOT_FOUND', message: 'There is no conference: it may have ended.' } });
    expect(await core.conferenceCommand({ type: 'addParticipant', callId: 'a' })).toMatchObject({ error: { code: 'NOT_ALLOWED', message: 'There is no conference to add the call to.' } });
    expect(provider.executedConference).toEqual([]);
  });

  it('refuses a second merge while a conference is in progress, and adding a call that cannot join', async () => {
    const { core, provider } = await withConference();
    provider.setCalls(inConference('a'), inConference('b'), makeCall({ id: 'c', state: 'alerting', actions: actionsFor('alerting') }));
    await core.reconcile();
    expect(await core.conferenceCommand({ type: 'merge' })).toMatchObject({ error: { code: 'NOT_ALLOWED', message: 'A conference is already in progress: add the call to it instead.' } });
    expect(await core.conferenceCommand({ type: 'addParticipant', callId: 'c' })).toMatchObject({ error: { code: 'NOT_ALLOWED' } });
    expect(await core.conferenceCommand({ type: 'addParticipant', callId: 'a' })).toMatchObject({ error: { message: 'The call is already in the conference.' } });
    expect(provider.executedConference).toEqual([]);
  });
});

describe('conference commands: sending and confirming', () => {
  it('a merge without ids names every call that offers Merge, and marks them until the conference lists them', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(mergeable('a'), mergeable('b', 'held'), makeCall({ id: 'r', state: 'alerting', actions: actionsFor('alerting') }));
    const { core, log } = coreFor(provider);
    await core.start();
    const pendingSeen: (string | undefined)[] = [];
    core.on('calls', (calls) => pendingSeen.push(calls.find((c) => c.id === 'a')?.pending));
    provider.conferenceBehaviour = (_command, p) => {
      p.setCalls(inConference('a'), inConference('b'), makeCall({ id: 'r', state: 'alerting', actions: actionsFor('alerting') }));
      p.conferenceState = conferenceOf();
    };
    expect(await core.conferenceCommand({ type: 'merge' })).toEqual({ ok: true, value: null });
    expect(provider.executedConference).toEqual([{ type: 'merge', callIds: ['a', 'b'] }]);
    expect(pendingSeen).toContain('merge');
    await vi.waitFor(() => expect(core.conference()?.participants.map((p) => p.callId)).toEqual(['a', 'b']));
    await vi.waitFor(() => expect(core.calls().every((c) => c.pending === undefined)).toBe(true));
    expect(log.conference.at(-1)).toMatchObject({ state: 'connected' });
    expect(log.failed).toEqual([]);
  });

  it('a host control shows pending on the conference until a read confirms it', async () => {
    const { core, provider, log } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      p.conferenceState = conferenceOf({ state: 'held' });
    };
    expect(await core.conferenceCommand({ type: 'holdConference' })).toEqual({ ok: true, value: null });
    expect(provider.executedConference).toEqual([{ type: 'holdConference' }]);
    await vi.waitFor(() => expect(core.conference()).toMatchObject({ state: 'held' }));
    await vi.waitFor(() => expect(core.conference()?.pending).toBeUndefined());
    expect(log.conference.some((c) => c?.pending === 'hold')).toBe(true);
  });

  it('a participant control shows pending on that participant only', async () => {
    const { core, provider, log } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      p.conferenceState = conferenceOf({ participants: [participant('a'), participant('b', { deafened: true })] });
    };
    await core.conferenceCommand({ type: 'deafen', callId: 'b' });
    await vi.waitFor(() => expect(core.conference()?.participants[1]).toMatchObject({ deafened: true }));
    await vi.waitFor(() => expect(core.conference()?.participants[1]?.pending).toBeUndefined());
    const marked = log.conference.find((c) => c?.participants[1]?.pending === 'deafen');
    expect(marked?.participants[0]?.pending).toBeUndefined();
    expect(marked?.pending).toBeUndefined();
  });

  it('refuses the same control again while it is in progress: sent once', async () => {
    const { core, provider } = await withConference();
    const first = await core.conferenceCommand({ type: 'muteHost' });
    const second = await core.conferenceCommand({ type: 'muteHost' });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Mute is already in progress.' } });
    expect(provider.executedConference).toHaveLength(1);
  });

  it('tells the user when the provider accepted a control but never carried it out', async () => {
    const { core, log } = await withConference({}, 80);
    await core.conferenceCommand({ type: 'muteHost' });
    await core.conferenceCommand({ type: 'muteParticipant', callId: 'a' });
    await vi.waitFor(() => expect(log.failed).toHaveLength(2));
    expect(log.failed).toContainEqual({
      action: 'mute',
      error: { code: 'TIMEOUT', message: 'Mute was not confirmed by Webex — the conference is shown as it really is.', retryable: true },
    });
    expect(log.failed).toContainEqual(expect.objectContaining({ callId: 'a', action: 'mute' }));
    expect(core.conference()?.pending).toBeUndefined();
    expect(core.conference()?.participants[0]?.pending).toBeUndefined();
  });

  it('a release is done when the conference is gone', async () => {
    const { core, provider } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      p.setCalls();
      p.conferenceState = null;
    };
    expect(await core.conferenceCommand({ type: 'release' })).toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(core.conference()).toBeNull());
    expect(core.calls()).toEqual([]);
  });
});

describe('conference commands: failures', () => {
  it('passes a refusal on as it is, and clears the mark', async () => {
    const { core, provider } = await withConference();
    provider.conferenceBehaviour = () => {
      throw providerFailure('NOT_ALLOWED', 'Webex refused: Hold requires a connected conference.');
    };
    expect(await core.conferenceCommand({ type: 'holdConference' })).toEqual({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'Webex refused: Hold requires a connected conference.', retryable: false },
    });
    expect(core.conference()?.pending).toBeUndefined();
  });

  it('after an unknown outcome it re-reads and says what is true now, without resending', async () => {
    const { core, provider } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      // Applied, but the answer never came back.
      p.conferenceState = conferenceOf({ state: 'held' });
      throw providerFailure('TIMEOUT', 'Webex did not answer in time.');
    };
    const reads = provider.snapshotCount;
    const result = await core.conferenceCommand({ type: 'holdConference' });
    expect(result).toEqual({ ok: false, error: { code: 'TIMEOUT', message: 'Webex did not answer in time — the conference is on hold.', retryable: false } });
    expect(provider.snapshotCount).toBeGreaterThan(reads);
    expect(provider.executedConference).toHaveLength(1);
  });

  it('after an unknown merge it says whether the calls are in a conference', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(mergeable('a'), mergeable('b'));
    const { core } = coreFor(provider);
    await core.start();
    provider.conferenceBehaviour = () => {
      throw providerFailure('NETWORK', 'Cannot reach Webex: check the network connection.');
    };
    expect(await core.conferenceCommand({ type: 'merge', callIds: ['a', 'b'] })).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: 'Cannot reach Webex: check the network connection — the calls are not in a conference.', retryable: true },
    });
    expect(core.calls().every((c) => c.pending === undefined)).toBe(true);
    expect(provider.executedConference).toHaveLength(1);
  });

  it('a participant who left meanwhile is told as such', async () => {
    const { core, provider } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      p.setCalls(inConference('b'));
      p.conferenceState = null;
      throw providerFailure('NOT_FOUND', 'Webex refused: call not found.');
    };
    expect(await core.conferenceCommand({ type: 'muteParticipant', callId: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Webex refused: call not found — the conference has ended.' },
    });
  });
});
