// Conference details → the domain conference (participants joined to my calls), and the actions the
// conference, each participant and each of my calls offer in every state.
import { describe, expect, it } from 'vitest';
import {
  conferenceActionsFor,
  conferenceCallActionsFor,
  participantActionsFor,
  withConferenceActions,
} from '../../../../src/main/providers/webex/conference-actions';
import { toConference } from '../../../../src/main/providers/webex/mapping';
import type { Call, Conference } from '../../../../src/shared/domain';

function call(id: string, overrides: Partial<Call> = {}): Call {
  return {
    id,
    provider: 'webex',
    sessionId: `session-${id}`,
    direction: 'incoming',
    state: 'connected',
    remote: { name: `Name ${id}`, number: `+1555000${id}`, privacy: false },
    createdAt: `2026-01-01T10:0${id}:00.000Z`,
    redirections: [],
    muted: false,
    muteCapable: true,
    actions: [],
    ...overrides,
  };
}

function conference(overrides: Partial<Conference> = {}): Conference {
  return {
    id: 'webex-line:primary',
    state: 'connected',
    muted: false,
    createdAt: '2026-01-01T10:05:00.000Z',
    participants: [
      { callId: '1', muted: false, deafened: false, actions: [] },
      { callId: '2', muted: false, deafened: false, actions: [] },
    ],
    actions: [],
    ...overrides,
  };
}

describe('toConference', () => {
  it('reads Webex’s {} as no conference', () => {
    expect(toConference({}, [call('1')], 'webex-line:primary')).toBeNull();
  });

  it('joins each participant to my call with them, so it shows their name and number', () => {
    const calls = [call('1'), call('2', { remote: { name: 'Bob Jones', number: '+15550102', privacy: false, callType: 'external' } })];
    const mapped = toConference(
      {
        state: 'held',
        appearance: 2,
        created: '2026-01-01T10:05:00.000Z',
        muted: true,
        participants: [{ callId: '1', muted: true, deafened: false }, { callId: '2', muted: false, deafened: true }, { callId: '9' }],
      },
      calls,
      'webex-line:line-7',
    );
    expect(mapped).toEqual({
      id: 'webex-line:line-7',
      state: 'held',
      muted: true,
      createdAt: '2026-01-01T10:05:00.000Z',
      appearance: 2,
      participants: [
        { callId: '1', muted: true, deafened: false, party: calls[0]?.remote, actions: [] },
        {
          callId: '2',
          muted: false,
          deafened: true,
          party: { name: 'Bob Jones', number: '+15550102', privacy: false, callType: 'external' },
          actions: [],
        },
        // Not one of my listed calls: no party rather than a guess.
        { callId: '9', muted: false, deafened: false, actions: [] },
      ],
      actions: [],
    });
  });

  it('keeps the non-standard types and leaves out one Webex may add later', () => {
    for (const type of ['bargeIn', 'silentMonitoring', 'coaching'] as const) {
      expect(toConference({ state: 'connected', type, participants: [] }, [], 'webex-line:primary')?.type).toBe(type);
    }
    expect(toConference({ state: 'connected', type: 'whisper', participants: [] }, [], 'webex-line:primary')).not.toHaveProperty('type');
  });

  it('falls back to the oldest participant call when Webex leaves out created, and defaults the flags', () => {
    const mapped = toConference(
      { state: 'connected', participants: [{ callId: '2' }, { callId: '1' }] },
      [call('1'), call('2'), call('0')],
      'webex-line:primary',
    );
    expect(mapped?.createdAt).toBe('2026-01-01T10:01:00.000Z');
    expect(mapped?.muted).toBe(false);
    expect(mapped?.participants.map((p) => [p.muted, p.deafened])).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it('maps a disconnected conference as such', () => {
    expect(toConference({ state: 'disconnected', participants: [] }, [], 'webex-line:primary')?.state).toBe('disconnected');
  });
});

describe('conference actions', () => {
  it('a connected conference: mute, hold, leave (three-way) and release; unmute when I am muted', () => {
    const calls = [call('1'), call('2')];
    expect(conferenceActionsFor(conference(), calls)).toEqual(['mute', 'hold', 'leaveConference', 'releaseConference']);
    expect(conferenceActionsFor(conference({ muted: true }), calls)).toEqual(['unmute', 'hold', 'leaveConference', 'releaseConference']);
  });

  it('a held conference: resume, leave and release, but no host mute', () => {
    expect(conferenceActionsFor(conference({ state: 'held' }), [call('1'), call('2')])).toEqual([
      'resume',
      'leaveConference',
      'releaseConference',
    ]);
  });

  it('offers Add to conference only with another answered call on the same line', () => {
    const base = [call('1'), call('2')];
    expect(conferenceActionsFor(conference(), [...base, call('3', { state: 'held' })])).toContain('addToConference');
    expect(conferenceActionsFor(conference(), [...base, call('3', { state: 'alerting' })])).not.toContain('addToConference');
    expect(conferenceActionsFor(conference(), [...base, call('3', { line: 'other' })])).not.toContain('addToConference');
  });

  it('leave only for a three-way call', () => {
    const three = conference({
      participants: ['1', '2', '3'].map((id) => ({ callId: id, muted: false, deafened: false, actions: [] })),
    });
    expect(conferenceActionsFor(three, [call('1'), call('2'), call('3')])).not.toContain('leaveConference');
  });

  it('nothing once disconnected', () => {
    expect(conferenceActionsFor(conference({ state: 'disconnected' }), [])).toEqual([]);
    expect(
      participantActionsFor({ callId: '1', muted: false, deafened: false, actions: [] }, conference({ state: 'disconnected' })),
    ).toEqual([]);
  });

  it('a barge-in conference lets me control only myself', () => {
    const barge = conference({ type: 'bargeIn', participants: [{ callId: '1', muted: false, deafened: false, actions: [] }] });
    expect(conferenceActionsFor(barge, [call('1'), call('2')])).toEqual(['mute', 'hold', 'releaseConference']);
    expect(participantActionsFor(barge.participants[0]!, barge)).toEqual([]);
    expect(conferenceCallActionsFor(call('2'), [call('1'), call('2')], barge)).toEqual([]);
  });

  it('each participant: mute or unmute, deafen or undeafen, in connected and held conferences', () => {
    for (const state of ['connected', 'held'] as const) {
      const c = conference({ state });
      expect(participantActionsFor({ callId: '1', muted: false, deafened: false, actions: [] }, c)).toEqual(['mute', 'deafen']);
      expect(participantActionsFor({ callId: '1', muted: true, deafened: true, actions: [] }, c)).toEqual(['unmute', 'undeafen']);
    }
  });

  it('my calls: merge with another answered call on the same line when there is no conference, add when there is', () => {
    const a = call('1');
    const b = call('2', { state: 'held' });
    expect(conferenceCallActionsFor(a, [a, b], null)).toEqual(['merge']);
    expect(conferenceCallActionsFor(a, [a], null)).toEqual([]);
    expect(conferenceCallActionsFor(a, [a, call('2', { state: 'alerting' })], null)).toEqual([]);
    expect(conferenceCallActionsFor(a, [a, call('2', { line: 'other' })], null)).toEqual([]);
    expect(conferenceCallActionsFor(call('2', { state: 'connecting' }), [a, call('2', { state: 'connecting' })], null)).toEqual([]);
    const c = call('3');
    expect(conferenceCallActionsFor(c, [a, b, c], conference())).toEqual(['addToConference']);
    expect(conferenceCallActionsFor(a, [a, b, c], conference())).toEqual([]);
    expect(conferenceCallActionsFor(a, [a, b], conference({ state: 'disconnected' }))).toEqual(['merge']);
  });

  it('withConferenceActions decides the conference’s and every participant’s actions', () => {
    const decided = withConferenceActions(
      conference({
        participants: [
          { callId: '1', muted: true, deafened: false, actions: [] },
          { callId: '2', muted: false, deafened: true, actions: [] },
        ],
      }),
      [call('1'), call('2')],
    );
    expect(decided.actions).toEqual(['mute', 'hold', 'leaveConference', 'releaseConference']);
    expect(decided.participants.map((p) => p.actions)).toEqual([
      ['unmute', 'deafen'],
      ['mute', 'undeafen'],
    ]);
  });
});
