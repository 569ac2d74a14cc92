// Conference commands through the core, on hand-driven timers with a provider double: parse, refuse
// what the conference or call does not allow (nothing sent), mark pending until a read confirms, tell
// the user about unconfirmed or unknown outcomes after re-reading, and never resend.
import { afterEach, describe, expect, it } from 'vitest';
import { createSwitchboardCore, type CommandFailedNotice, type SwitchboardCore } from '../../../src/main/core/switchboard-core';
import type { Conference, ConferenceParticipant } from '../../../src/shared/domain';
import { ManualTimers, ProviderDouble, actionsFor, makeCall, providerFailure } from './provider-double';

const running: SwitchboardCore[] = [];

afterEach(() => {
  for (const core of running.splice(0)) core.stop();
});

/** A command brings the next read forward to the fast pace: one second later it shows what happened. */
const FAST_MS = 1_000;

function coreFor(provider: ProviderDouble, pendingTimeoutMs = 8_000) {
  const timers = new ManualTimers();
  const core = createSwitchboardCore({
    provider,
    intervals: { fastMs: FAST_MS, normalMs: 2_000, idleMs: 2_000, maxBackoffMs: 60_000 },
    pendingTimeoutMs,
    timers,
  });
  running.push(core);
  const log = { conferences: [] as Conference[][], failed: [] as CommandFailedNotice[] };
  core.on('conferences', (c) => log.conferences.push(c));
  core.on('commandFailed', (n) => log.failed.push(n));
  return { core, log, timers };
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
    id: 'conf-1',
    state,
    muted,
    createdAt: '2026-01-01T10:05:00.000Z',
    participants: [participant('a'), participant('b')],
    actions:
      state === 'connected'
        ? [muted ? 'unmute' : 'mute', 'hold', 'leaveConference', 'releaseConference']
        : ['resume', 'leaveConference', 'releaseConference'],
    ...overrides,
  };
}

const mergeable = (id: string, state: 'connected' | 'held' = 'connected') =>
  makeCall({ id, state, actions: [...actionsFor(state), 'merge'] });
const inConference = (id: string) => makeCall({ id, state: 'connected' });

async function withConference(overrides: Partial<Conference> = {}, timeoutMs?: number) {
  const provider = new ProviderDouble();
  provider.setCalls(inConference('a'), inConference('b'));
  provider.conferences = [conferenceOf(overrides)];
  const harness = coreFor(provider, timeoutMs);
  await harness.core.start();
  return { provider, ...harness };
}

describe('conference commands: refusals before anything is sent', () => {
  it('refuses a host control the conference does not offer now, saying why', async () => {
    const { core, provider } = await withConference();
    expect(await core.conferenceCommand({ type: 'resumeConference', conferenceId: 'conf-1' })).toEqual({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'Resume is not available now: the conference is connected.', retryable: false },
    });
    expect(await core.conferenceCommand({ type: 'unmuteHost', conferenceId: 'conf-1' })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'You are not muted in the conference.' },
    });
    expect(provider.executedConference).toEqual([]);
  });

  it('refuses host mute while held, and leave beyond a three-way call', async () => {
    const { core, provider } = await withConference({ state: 'held' });
    expect(await core.conferenceCommand({ type: 'muteHost', conferenceId: 'conf-1' })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'Mute is not available while the conference is on hold.' },
    });
    provider.conferences = [
      conferenceOf({
        participants: [participant('a'), participant('b'), participant('c')],
        actions: ['mute', 'hold', 'releaseConference'],
      }),
    ];
    await core.reconcile();
    expect(await core.conferenceCommand({ type: 'leave', conferenceId: 'conf-1' })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/only in a three-way call: this conference has 3 participants/) },
    });
    expect(provider.executedConference).toEqual([]);
  });

  it('refuses participant controls their state already answers, and calls not in the conference', async () => {
    const { core, provider } = await withConference({
      participants: [participant('a', { muted: true }), participant('b', { deafened: true })],
    });
    expect(await core.conferenceCommand({ type: 'muteParticipant', conferenceId: 'conf-1', callId: 'a' })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'Ada Lovelace is already muted.' },
    });
    expect(await core.conferenceCommand({ type: 'deafen', conferenceId: 'conf-1', callId: 'b' })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'Bob Jones is already deafened.' },
    });
    expect(await core.conferenceCommand({ type: 'undeafen', conferenceId: 'conf-1', callId: 'zz' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(provider.executedConference).toEqual([]);
  });

  it('without a conference: merge needs two answered calls, and everything else is NOT_FOUND', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(mergeable('a'), makeCall({ id: 'r', state: 'alerting', actions: actionsFor('alerting') }));
    const { core } = coreFor(provider);
    await core.start();
    expect(await core.conferenceCommand({ type: 'merge' })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'Merge needs at least two answered calls.' },
    });
    expect(await core.conferenceCommand({ type: 'merge', callIds: ['a', 'r'] })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'Merge is not available for the call with Ada Lovelace: it is ringing.' },
    });
    expect(await core.conferenceCommand({ type: 'merge', callIds: ['a', 'gone'] })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await core.conferenceCommand({ type: 'holdConference', conferenceId: 'conf-1' })).toMatchObject({
      error: { code: 'NOT_FOUND', message: 'That conference is not in progress: it may have ended.' },
    });
    expect(await core.conferenceCommand({ type: 'addParticipant', conferenceId: 'conf-1', callId: 'a' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(provider.executedConference).toEqual([]);
  });

  it('refuses merging calls already in a conference, and adding a call that cannot join', async () => {
    const { core, provider } = await withConference();
    provider.setCalls(inConference('a'), inConference('b'), makeCall({ id: 'c', state: 'alerting', actions: actionsFor('alerting') }));
    await core.reconcile();
    expect(await core.conferenceCommand({ type: 'merge', callIds: ['a', 'b'] })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'The call is already in a conference.' },
    });
    expect(await core.conferenceCommand({ type: 'addParticipant', conferenceId: 'conf-1', callId: 'c' })).toMatchObject({
      error: { code: 'NOT_ALLOWED' },
    });
    expect(await core.conferenceCommand({ type: 'addParticipant', conferenceId: 'conf-1', callId: 'a' })).toMatchObject({
      error: { message: 'The call is already in the conference.' },
    });
    expect(provider.executedConference).toEqual([]);
  });
});

describe('conference commands: sending and confirming', () => {
  it('a merge without ids names every call that offers Merge, and marks them until the conference lists them', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(mergeable('a'), mergeable('b', 'held'), makeCall({ id: 'r', state: 'alerting', actions: actionsFor('alerting') }));
    const { core, log, timers } = coreFor(provider);
    await core.start();
    const pendingSeen: (string | undefined)[] = [];
    core.on('calls', (calls) => pendingSeen.push(calls.find((c) => c.id === 'a')?.pending));
    provider.conferenceBehaviour = (_command, p) => {
      p.setCalls(inConference('a'), inConference('b'), makeCall({ id: 'r', state: 'alerting', actions: actionsFor('alerting') }));
      p.conferences = [conferenceOf()];
    };
    expect(await core.conferenceCommand({ type: 'merge' })).toEqual({ ok: true, value: null });
    expect(provider.executedConference).toEqual([{ type: 'merge', callIds: ['a', 'b'] }]);
    expect(pendingSeen).toContain('merge');
    await timers.advance(FAST_MS);
    expect(core.conferences()[0]?.participants.map((p) => p.callId)).toEqual(['a', 'b']);
    expect(core.calls().every((c) => c.pending === undefined)).toBe(true);
    expect(log.conferences.at(-1)).toMatchObject([{ id: 'conf-1', state: 'connected' }]);
    expect(log.failed).toEqual([]);
  });

  it('a host control shows pending on the conference until a read confirms it', async () => {
    const { core, provider, log, timers } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      p.conferences = [conferenceOf({ state: 'held' })];
    };
    expect(await core.conferenceCommand({ type: 'holdConference', conferenceId: 'conf-1' })).toEqual({ ok: true, value: null });
    expect(provider.executedConference).toEqual([{ type: 'holdConference', conferenceId: 'conf-1' }]);
    expect(core.conferences()[0]?.pending).toBe('hold');
    await timers.advance(FAST_MS);
    expect(core.conferences()[0]).toMatchObject({ state: 'held' });
    expect(core.conferences()[0]?.pending).toBeUndefined();
    expect(log.conferences.some((list) => list[0]?.pending === 'hold')).toBe(true);
  });

  it('a participant control shows pending on that participant only', async () => {
    const { core, provider, log, timers } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      p.conferences = [conferenceOf({ participants: [participant('a'), participant('b', { deafened: true })] })];
    };
    await core.conferenceCommand({ type: 'deafen', conferenceId: 'conf-1', callId: 'b' });
    await timers.advance(FAST_MS);
    expect(core.conferences()[0]?.participants[1]).toMatchObject({ deafened: true });
    expect(core.conferences()[0]?.participants[1]?.pending).toBeUndefined();
    const marked = log.conferences.map((list) => list[0]).find((c) => c?.participants[1]?.pending === 'deafen');
    expect(marked?.participants[0]?.pending).toBeUndefined();
    expect(marked?.pending).toBeUndefined();
  });

  it('refuses the same control again while it is in progress: sent once', async () => {
    const { core, provider } = await withConference();
    const first = await core.conferenceCommand({ type: 'muteHost', conferenceId: 'conf-1' });
    const second = await core.conferenceCommand({ type: 'muteHost', conferenceId: 'conf-1' });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Mute is already in progress.' } });
    expect(provider.executedConference).toHaveLength(1);
  });

  it('tells the user when the provider accepted a control but never carried it out', async () => {
    const { core, log, timers } = await withConference({}, 8_000);
    await core.conferenceCommand({ type: 'muteHost', conferenceId: 'conf-1' });
    await core.conferenceCommand({ type: 'muteParticipant', conferenceId: 'conf-1', callId: 'a' });
    await timers.advance(7_999);
    expect(log.failed).toEqual([]);
    await timers.advance(1);
    expect(log.failed).toHaveLength(2);
    expect(log.failed).toContainEqual({
      conferenceId: 'conf-1',
      action: 'mute',
      error: { code: 'TIMEOUT', message: 'Mute was not confirmed by Webex — the conference is shown as it really is.', retryable: true },
    });
    expect(log.failed).toContainEqual(expect.objectContaining({ callId: 'a', action: 'mute' }));
    expect(core.conferences()[0]?.pending).toBeUndefined();
    expect(core.conferences()[0]?.participants[0]?.pending).toBeUndefined();
  });

  it('a release is done when the conference is gone', async () => {
    const { core, provider, timers } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      p.setCalls();
      p.conferences = [];
    };
    expect(await core.conferenceCommand({ type: 'release', conferenceId: 'conf-1' })).toEqual({ ok: true, value: null });
    await timers.advance(FAST_MS);
    expect(core.conferences()).toEqual([]);
    expect(core.calls()).toEqual([]);
  });
});

describe('conference commands: failures', () => {
  it('passes a refusal on as it is, and clears the mark', async () => {
    const { core, provider } = await withConference();
    provider.conferenceBehaviour = () => {
      throw providerFailure('NOT_ALLOWED', 'Webex refused: Hold requires a connected conference.');
    };
    expect(await core.conferenceCommand({ type: 'holdConference', conferenceId: 'conf-1' })).toEqual({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'Webex refused: Hold requires a connected conference.', retryable: false },
    });
    expect(core.conferences()[0]?.pending).toBeUndefined();
  });

  it('after an unknown outcome it re-reads and says what is true now, without resending', async () => {
    const { core, provider } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      // Applied, but the answer never came back.
      p.conferences = [conferenceOf({ state: 'held' })];
      throw providerFailure('TIMEOUT', 'Webex did not answer in time.');
    };
    const reads = provider.snapshotCount;
    const result = await core.conferenceCommand({ type: 'holdConference', conferenceId: 'conf-1' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'TIMEOUT', message: 'Webex did not answer in time — the conference is on hold.', retryable: false },
    });
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
      error: {
        code: 'NETWORK',
        message: 'Cannot reach Webex: check the network connection — the calls are not in a conference.',
        retryable: true,
      },
    });
    expect(core.calls().every((c) => c.pending === undefined)).toBe(true);
    expect(provider.executedConference).toHaveLength(1);
  });

  it('a participant who left meanwhile is told as such', async () => {
    const { core, provider } = await withConference();
    provider.conferenceBehaviour = (_command, p) => {
      p.setCalls(inConference('b'));
      p.conferences = [];
      throw providerFailure('NOT_FOUND', 'Webex refused: call not found.');
    };
    expect(await core.conferenceCommand({ type: 'muteParticipant', conferenceId: 'conf-1', callId: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Webex refused: call not found — the conference has ended.' },
    });
  });
});

describe('conference commands: several conferences at once', () => {
  /** conf-1 with my calls a and b, conf-2 with c and d. */
  async function withTwo() {
    const provider = new ProviderDouble();
    provider.setCalls(inConference('a'), inConference('b'), inConference('c'), inConference('d'));
    const second = conferenceOf({
      id: 'conf-2',
      createdAt: '2026-01-01T10:09:00.000Z',
      participants: [participant('c'), participant('d')],
    });
    provider.conferences = [conferenceOf(), second];
    const harness = coreFor(provider);
    await harness.core.start();
    return { provider, second, ...harness };
  }

  it('sends a command to the conference it names, and marks only that one pending', async () => {
    const { core, provider, log } = await withTwo();
    expect(await core.conferenceCommand({ type: 'muteHost', conferenceId: 'conf-2' })).toEqual({ ok: true, value: null });
    expect(await core.conferenceCommand({ type: 'deafen', conferenceId: 'conf-2', callId: 'c' })).toEqual({ ok: true, value: null });
    expect(provider.executedConference).toEqual([
      { type: 'muteHost', conferenceId: 'conf-2' },
      { type: 'deafen', conferenceId: 'conf-2', callId: 'c' },
    ]);
    const marked = log.conferences.at(-1) ?? [];
    expect(marked.find((c) => c.id === 'conf-2')).toMatchObject({
      pending: 'mute',
      participants: [{ callId: 'c', pending: 'deafen' }, { callId: 'd' }],
    });
    expect(marked.find((c) => c.id === 'conf-1')?.pending).toBeUndefined();
    expect(marked.find((c) => c.id === 'conf-1')?.participants.every((p) => p.pending === undefined)).toBe(true);
  });

  it('refuses an unknown conference id with NOT_FOUND, and a participant of another conference, sending nothing', async () => {
    const { core, provider } = await withTwo();
    expect(await core.conferenceCommand({ type: 'holdConference', conferenceId: 'conf-9' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That conference is not in progress: it may have ended.', retryable: false },
    });
    expect(await core.conferenceCommand({ type: 'muteParticipant', conferenceId: 'conf-2', callId: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await core.conferenceCommand({ type: 'addParticipant', conferenceId: 'conf-9', callId: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(provider.executedConference).toEqual([]);
  });

  it('a control allowed in one conference is refused in the other by its own state', async () => {
    const { core, provider, second } = await withTwo();
    provider.conferences = [conferenceOf(), { ...second, state: 'held', actions: ['resume', 'releaseConference'] }];
    await core.reconcile();
    expect(await core.conferenceCommand({ type: 'holdConference', conferenceId: 'conf-2' })).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'Hold is not available now: the conference is on hold.' },
    });
    expect(await core.conferenceCommand({ type: 'holdConference', conferenceId: 'conf-1' })).toEqual({ ok: true, value: null });
    expect(provider.executedConference).toEqual([{ type: 'holdConference', conferenceId: 'conf-1' }]);
  });

  it('merges two other calls into a new conference while one is in progress', async () => {
    const provider = new ProviderDouble();
    // Even should the provider offer Merge on the calls already in conf-1, those stay out of the new one.
    provider.setCalls(mergeable('a'), mergeable('b'), mergeable('c'), mergeable('d'));
    provider.conferences = [conferenceOf()];
    const { core, timers } = coreFor(provider);
    await core.start();
    provider.conferenceBehaviour = (_command, p) => {
      p.setCalls(inConference('a'), inConference('b'), inConference('c'), inConference('d'));
      p.conferences = [conferenceOf(), conferenceOf({ id: 'conf-2', participants: [participant('c'), participant('d')] })];
    };
    expect(await core.conferenceCommand({ type: 'merge' })).toEqual({ ok: true, value: null });
    expect(provider.executedConference).toEqual([{ type: 'merge', callIds: ['c', 'd'] }]);
    await timers.advance(FAST_MS);
    expect(core.conferences().map((c) => c.id)).toEqual(['conf-1', 'conf-2']);
    expect(core.calls().every((c) => c.pending === undefined)).toBe(true);
  });

  it('after an unknown outcome it says what is true of the named conference, not the other', async () => {
    const { core, provider, second } = await withTwo();
    provider.conferenceBehaviour = (_command, p) => {
      p.conferences = [conferenceOf(), { ...second, state: 'held', actions: ['resume', 'releaseConference'] }];
      throw providerFailure('TIMEOUT', 'Webex did not answer in time.');
    };
    expect(await core.conferenceCommand({ type: 'holdConference', conferenceId: 'conf-2' })).toEqual({
      ok: false,
      error: { code: 'TIMEOUT', message: 'Webex did not answer in time — the conference is on hold.', retryable: false },
    });
    expect(provider.executedConference).toHaveLength(1);
  });
});
