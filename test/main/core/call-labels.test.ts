import { describe, expect, it } from 'vitest';
import { partyLabel, ringReasonLabel } from '../../../src/main/core/call-labels';
import { ringingCall } from './call-fixtures';

describe('call labels', () => {
  it('names the party by name, number, or says it is private/unknown', () => {
    expect(partyLabel({ name: 'Alice Smith', number: '+1555', privacy: false })).toBe('Alice Smith');
    expect(partyLabel({ number: '+15550100', privacy: false })).toBe('+15550100');
    expect(partyLabel({ privacy: true })).toBe('Private number');
    expect(partyLabel({ name: '  ', privacy: false })).toBe('Unknown caller');
  });

  it.each([
    [ringingCall(), 'Incoming call from +15550100'],
    [ringingCall({ remote: { number: '+15550100', privacy: false } }), 'Incoming call'],
    [ringingCall({ redirections: [{ reason: 'busy', by: { name: 'Bob', privacy: false } }] }), 'Forwarded (busy) by Bob'],
    [ringingCall({ redirections: [{ reason: 'callQueue', by: { name: 'Support', privacy: false } }] }), 'Call queue: Support'],
    [ringingCall({ recall: { type: 'park', party: { number: '5021', privacy: false } } }), 'Park recall from 5021'],
  ])('says why the call rings: %#', (call, expected) => {
    expect(ringReasonLabel(call)).toBe(expected);
  });
});
