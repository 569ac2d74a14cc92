import { describe, expect, it } from 'vitest';
import { toAccount, toAnswerEndpoints, toCall, toHistoryEntry, toParty } from '../../../../src/main/providers/webex/mapping';
import { type WireCall, wireCallSchema } from '../../../../src/main/providers/webex/wire';

/** Webex's Get Call Details example (docs/wire/webex-calling.md §4), verbatim. */
const SEED_004 = {
  id: 'Y2lzY29zcGFyazovL3VzL0NBTEwvQkNMRC9jYWxsaGFsZi00ODg6MA',
  callSessionId: 'MmFmNThiZjktYWE3Ny00NWE5LThiMDEtYzI4NDMxZWYwNzRm',
  personality: 'originator',
  state: 'connecting',
  remoteParty: {
    name: 'John Smith',
    number: '+12223334444',
    personId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hMTlkODJhMi00ZTY5LTU5YWEtOWYyZi1iY2E2MzEwMTNhNjg=',
    placeId: 'Y2lzY29zcGFyazovL3VzL1BMQUNFL2ExOWQ4MmEyLTRlNjktNTlhYS05ZjJmLWJjYTYzMTAxM2E2OA==',
    privacyEnabled: false,
    callType: 'location',
  },
  appearance: 1,
  created: '2016-04-21T17:00:00.000Z',
  answered: '2016-04-21T17:00:00.000Z',
  redirections: [
    {
      reason: 'busy',
      redirectingParty: {
        name: 'John Smith',
        number: '+12223334444',
        personId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hMTlkODJhMi00ZTY5LTU5YWEtOWYyZi1iY2E2MzEwMTNhNjg=',
        placeId: 'Y2lzY29zcGFyazovL3VzL1BMQUNFL2ExOWQ4MmEyLTRlNjktNTlhYS05ZjJmLWJjYTYzMTAxM2E2OA==',
        privacyEnabled: false,
        callType: 'location',
      },
    },
  ],
  recall: { type: 'park', party: { name: 'John Smith', number: '+12223334444', privacyEnabled: false, callType: 'location' } },
  recordingState: 'pending',
  muteCapable: false,
  muted: false,
};

function wire(overrides: Record<string, unknown> = {}): WireCall {
  return wireCallSchema.parse({
    id: 'call-1',
    callSessionId: 'session-1',
    personality: 'terminator',
    state: 'alerting',
    remoteParty: { name: 'Ada Lovelace', number: '+15550100', privacyEnabled: false, callType: 'external' },
    created: '2025-08-05T16:48:19.359Z',
    ...overrides,
  });
}

describe('toCall', () => {
  it('maps the Get Call Details example field by field', () => {
    const call = toCall(wireCallSchema.parse(SEED_004));
    expect(call).toEqual({
      id: SEED_004.id,
      provider: 'webex',
      sessionId: SEED_004.callSessionId,
      direction: 'outgoing',
      state: 'connecting',
      remote: {
        name: 'John Smith',
        number: '+12223334444',
        personId: SEED_004.remoteParty.personId,
        placeId: SEED_004.remoteParty.placeId,
        privacy: false,
        callType: 'location',
      },
      appearance: 1,
      createdAt: '2016-04-21T17:00:00.000Z',
      answeredAt: '2016-04-21T17:00:00.000Z',
      redirections: [{ reason: 'busy', by: expect.objectContaining({ name: 'John Smith', number: '+12223334444', privacy: false }) }],
      recall: { type: 'park', party: { name: 'John Smith', number: '+12223334444', privacy: false, callType: 'location' } },
      recording: 'pending',
      muted: false,
      muteCapable: false,
      actions: [],
    });
  });

  it.each([
    ['originator', 'outgoing'],
    ['terminator', 'incoming'],
    ['clickToDial', 'clickToDial'],
  ])('maps personality %s to direction %s', (personality, direction) => {
    expect(toCall(wire({ personality })).direction).toBe(direction);
  });

  it.each(['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected'])('keeps state %s', (state) => {
    expect(toCall(wire({ state })).state).toBe(state);
  });

  it.each(['location', 'organization', 'external', 'emergency', 'repair', 'other'])('keeps call type %s', (callType) => {
    expect(toCall(wire({ remoteParty: { number: '1234', callType } })).remote.callType).toBe(callType);
  });

  it('reads a call type Webex adds later as "other"', () => {
    expect(toCall(wire({ remoteParty: { number: '1234', callType: 'satellite' } })).remote.callType).toBe('other');
  });

  it.each(['busy', 'noAnswer', 'unavailable', 'unconditional', 'timeOfDay', 'divert', 'followMe', 'huntGroup', 'callQueue', 'unknown'])(
    'keeps redirect reason %s and who redirected',
    (reason) => {
      const call = toCall(
        wire({ redirections: [{ reason, redirectingParty: { name: 'Sales Queue', number: '5000', callType: 'location' } }] }),
      );
      expect(call.redirections).toEqual([{ reason, by: { name: 'Sales Queue', number: '5000', privacy: false, callType: 'location' } }]);
    },
  );

  it('reads a missing or new redirect reason as "unknown", most recent redirection first', () => {
    const call = toCall(
      wire({ redirections: [{ reason: 'teleported', redirectingParty: { number: '1' } }, { redirectingParty: { number: '2' } }] }),
    );
    expect(call.redirections.map((r) => [r.reason, r.by.number])).toEqual([
      ['unknown', '1'],
      ['unknown', '2'],
    ]);
  });

  it('has no redirections when Webex lists none', () => {
    expect(toCall(wire()).redirections).toEqual([]);
  });

  it.each(['pending', 'started', 'paused', 'stopped', 'failed'])('keeps recording state %s', (recordingState) => {
    expect(toCall(wire({ state: 'connected', recordingState })).recording).toBe(recordingState);
  });

  it('has no recording state until recording was invoked', () => {
    expect(toCall(wire()).recording).toBeUndefined();
  });

  it('maps a park recall with where the call was parked', () => {
    const call = toCall(wire({ recall: { type: 'park', party: { name: 'Bob', number: '2002' } } }));
    expect(call.recall).toEqual({ type: 'park', party: { name: 'Bob', number: '2002', privacy: false } });
  });

  it('leaves out a recall type that is not park', () => {
    expect(toCall(wire({ recall: { type: 'camp', party: { number: '1' } } })).recall).toBeUndefined();
  });

  it('hides nothing Webex did not hide: a private caller has privacy and no number', () => {
    const call = toCall(wire({ remoteParty: { privacyEnabled: true, callType: 'external' } }));
    expect(call.remote).toEqual({ privacy: true, callType: 'external' });
  });

  it('defaults privacy, mute and mute capability to false', () => {
    const call = toCall(wire({ remoteParty: { number: '1' } }));
    expect(call.remote.privacy).toBe(false);
    expect(call.muted).toBe(false);
    expect(call.muteCapable).toBe(false);
  });

  it('reads mute state and capability', () => {
    const call = toCall(wire({ state: 'connected', muteCapable: true, muted: true }));
    expect([call.muteCapable, call.muted]).toEqual([true, true]);
  });

  it('maps created/answered/disconnected to createdAt/answeredAt/endedAt', () => {
    const call = toCall(
      wire({
        state: 'disconnected',
        created: '2025-01-01T10:00:00Z',
        answered: '2025-01-01T10:00:05Z',
        disconnected: '2025-01-01T10:03:00Z',
      }),
    );
    expect([call.createdAt, call.answeredAt, call.endedAt]).toEqual([
      '2025-01-01T10:00:00Z',
      '2025-01-01T10:00:05Z',
      '2025-01-01T10:03:00Z',
    ]);
  });

  it('takes the id from "id", else from the event field "callId"', () => {
    expect(toCall(wire({ id: 'rest-id', callId: 'event-id' })).id).toBe('rest-id');
    expect(toCall(wire({ id: undefined, callId: 'event-id' })).id).toBe('event-id');
  });

  it('records the line only when one is given', () => {
    expect(toCall(wire(), 'line-owner-7').line).toBe('line-owner-7');
    expect('line' in toCall(wire())).toBe(false);
  });
});

describe('toParty', () => {
  it('treats an absent party as an unnamed, non-private one', () => {
    expect(toParty(undefined)).toEqual({ privacy: false });
  });
});

describe('toHistoryEntry', () => {
  it.each(['placed', 'missed', 'received'] as const)('maps a %s record', (type) => {
    expect(toHistoryEntry({ type, name: 'Ada', number: '+15550100', privacyEnabled: false, time: '2025-02-02T09:00:00Z' })).toEqual({
      type,
      name: 'Ada',
      number: '+15550100',
      privacy: false,
      time: '2025-02-02T09:00:00Z',
    });
  });

  it('keeps a private record private', () => {
    expect(toHistoryEntry({ type: 'missed', privacyEnabled: true, time: '2025-02-02T09:00:00Z' })).toEqual({
      type: 'missed',
      privacy: true,
      time: '2025-02-02T09:00:00Z',
    });
  });
});

describe('toAccount', () => {
  it('maps /people/me to the account shown in the panel', () => {
    expect(
      toAccount({
        id: 'person-1',
        displayName: 'Grace Hopper',
        emails: ['grace@example.com'],
        phoneNumbers: [
          { type: 'mobile', value: '+15550199' },
          { type: 'work', value: '+15550123', primary: true },
        ],
        extension: '123',
      }),
    ).toEqual({
      provider: 'webex',
      personId: 'person-1',
      displayName: 'Grace Hopper',
      email: 'grace@example.com',
      primaryNumber: '+15550123',
      extension: '123',
    });
  });

  it('falls back to first and last name, then e-mail, for the display name', () => {
    expect(toAccount({ id: 'p', firstName: 'Grace', lastName: 'Hopper' }).displayName).toBe('Grace Hopper');
    expect(toAccount({ id: 'p', emails: ['g@example.com'] }).displayName).toBe('g@example.com');
  });
});

describe('toAnswerEndpoints', () => {
  const available = [
    { id: 'ep-phone', type: 'CALLING_DEVICE', name: 'Desk phone' },
    { id: 'ep-app', type: 'APPLICATION', name: 'Webex App', isPreferredAnswerEndpoint: true },
  ];

  it('marks the preferred endpoint from the preferred-endpoint read', () => {
    expect(toAnswerEndpoints(available, { id: 'ep-phone' })).toEqual([
      { id: 'ep-phone', name: 'Desk phone', type: 'CALLING_DEVICE', preferred: true },
      { id: 'ep-app', name: 'Webex App', type: 'APPLICATION', preferred: false },
    ]);
  });

  it('falls back to the list flag when no preferred endpoint was read', () => {
    expect(toAnswerEndpoints(available, null).map((e) => e.preferred)).toEqual([false, true]);
  });
});
