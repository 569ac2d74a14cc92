import { describe, expect, it } from 'vitest';
import { callDuration, formatDuration, incomingAnnouncement, lineText } from '../../src/renderer/call-text';
import { partySubtitle, partyTitle, reachReason } from '../../src/shared/party-text';
import { HEALTH_LABELS, HISTORY_LABELS, callStateLabel } from '../../src/renderer/labels';
import { makeCall, ringingCall } from './fixtures';

describe('who', () => {
  it('a hidden caller is "Private number", never their number', () => {
    expect(partyTitle({ privacy: true, name: 'X', number: '+1555' })).toBe('Private number');
    expect(partySubtitle({ privacy: true, name: 'X', number: '+1555' })).toBeUndefined();
  });

  it('name first, number under it; number alone when there is no name', () => {
    expect(partyTitle({ privacy: false, name: 'Alice', number: '+1555' })).toBe('Alice');
    expect(partySubtitle({ privacy: false, name: 'Alice', number: '+1555' })).toBe('+1555');
    expect(partyTitle({ privacy: false, number: '+1555' })).toBe('+1555');
    expect(partyTitle({ privacy: false })).toBe('Unknown caller');
  });
});

describe('why it reaches me', () => {
  it('names who forwarded it and why', () => {
    expect(reachReason(makeCall({ redirections: [{ reason: 'busy', by: { name: 'Alice', privacy: false } }] }))).toBe(
      'Forwarded from Alice — busy',
    );
    expect(reachReason(makeCall({ redirections: [{ reason: 'noAnswer', by: { number: '2001', privacy: false } }] }))).toBe(
      'Forwarded from 2001 — no answer',
    );
    expect(reachReason(makeCall({ redirections: [{ reason: 'unconditional', by: { privacy: true } }] }))).toBe(
      'Forwarded from a private number — always forwarded',
    );
  });

  it('queues, hunt groups and park recalls', () => {
    expect(reachReason(makeCall({ redirections: [{ reason: 'callQueue', by: { name: 'Support', privacy: false } }] }))).toBe(
      'Call queue Support',
    );
    expect(reachReason(makeCall({ redirections: [{ reason: 'huntGroup', by: { name: 'Sales', privacy: false } }] }))).toBe(
      'Hunt group Sales',
    );
    expect(reachReason(makeCall({ recall: { type: 'park', party: { number: '5021', privacy: false } } }))).toBe(
      'Parked call returning from 5021',
    );
  });

  it('uses the most recent redirection and says nothing for a direct call', () => {
    const call = makeCall({
      redirections: [
        { reason: 'callQueue', by: { name: 'Support', privacy: false } },
        { reason: 'busy', by: { name: 'Bob', privacy: false } },
      ],
    });
    expect(reachReason(call)).toBe('Call queue Support');
    expect(reachReason(makeCall())).toBeUndefined();
  });

  it('announces the caller and the reason', () => {
    expect(incomingAnnouncement(ringingCall({ redirections: [{ reason: 'busy', by: { name: 'Bob', privacy: false } }] }))).toBe(
      'Incoming call from Alice Smith, forwarded from Bob — busy',
    );
    expect(incomingAnnouncement(ringingCall())).toBe('Incoming call from Alice Smith');
  });
});

describe('labels', () => {
  it('call states in words', () => {
    expect(callStateLabel({ state: 'alerting', direction: 'incoming' })).toBe('Ringing');
    expect(callStateLabel({ state: 'alerting', direction: 'outgoing' })).toBe('Calling…');
    expect(callStateLabel({ state: 'connecting', direction: 'clickToDial' })).toBe('Calling…');
    expect(callStateLabel({ state: 'connected', direction: 'incoming' })).toBe('Connected');
    expect(callStateLabel({ state: 'held', direction: 'incoming' })).toBe('On hold');
    expect(callStateLabel({ state: 'remoteHeld', direction: 'incoming' })).toBe('Held by other party');
    expect(callStateLabel({ state: 'disconnected', direction: 'incoming' })).toBe('Ended');
  });

  it('history types and event health', () => {
    expect(Object.values(HISTORY_LABELS)).toEqual(['Placed', 'Missed', 'Received']);
    expect(Object.values(HEALTH_LABELS)).toEqual(['Live', 'Polling', 'Degraded', 'Offline', 'Signed out']);
  });

  it('lines', () => {
    expect(lineText({ appearance: 1 })).toBeUndefined();
    expect(lineText({ appearance: 3 })).toBe('Line 3');
    expect(lineText({ line: 'owner', appearance: 2 })).toBe('Shared line, line key 2');
  });
});

describe('durations', () => {
  it('formats minutes and hours', () => {
    expect(formatDuration(7_000)).toBe('0:07');
    expect(formatDuration(750_000)).toBe('12:30');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('counts from the answer, and stops at the end', () => {
    const answered = makeCall({ answeredAt: '2026-01-05T10:00:00.000Z' });
    expect(callDuration(answered, Date.parse('2026-01-05T10:01:05.000Z'))).toBe('1:05');
    const ended = makeCall({ state: 'disconnected', answeredAt: '2026-01-05T10:00:00.000Z', endedAt: '2026-01-05T10:00:30.000Z' });
    expect(callDuration(ended, Date.parse('2026-01-05T11:00:00.000Z'))).toBe('0:30');
    expect(callDuration(ringingCall(), Date.now())).toBeUndefined();
  });
});
