import { describe, expect, it } from 'vitest';
import { partySubtitle, partyTitle, reachReason } from '../../src/shared/party-text';
import { ringingCall } from '../main/core/call-fixtures';

describe('who and why, as every surface words it', () => {
  it('names the party by name, number, or says it is private/unknown', () => {
    expect(partyTitle({ name: 'Alice Smith', number: '+1555', privacy: false })).toBe('Alice Smith');
    expect(partyTitle({ number: '+15550100', privacy: false })).toBe('+15550100');
    expect(partyTitle({ privacy: true })).toBe('Private number');
    expect(partyTitle({ name: '  ', privacy: false })).toBe('Unknown caller');
    expect(partySubtitle({ name: 'Alice Smith', number: '+1555', privacy: false })).toBe('+1555');
    expect(partySubtitle({ number: '+1555', privacy: false })).toBeUndefined();
  });

  it.each([
    [ringingCall(), undefined],
    [ringingCall({ redirections: [{ reason: 'busy', by: { name: 'Bob', privacy: false } }] }), 'Forwarded from Bob — busy'],
    [ringingCall({ redirections: [{ reason: 'noAnswer', by: { privacy: true } }] }), 'Forwarded from a private number — no answer'],
    [ringingCall({ redirections: [{ reason: 'callQueue', by: { name: 'Support', privacy: false } }] }), 'Call queue Support'],
    [ringingCall({ redirections: [{ reason: 'huntGroup', by: { number: '5000', privacy: false } }] }), 'Hunt group 5000'],
    [ringingCall({ recall: { type: 'park', party: { number: '5021', privacy: false } } }), 'Parked call returning from 5021'],
  ])('says why the call reaches me: %#', (call, expected) => {
    expect(reachReason(call)).toBe(expected);
  });
});
