import { describe, expect, it } from 'vitest';
import { actionsFor } from '../../../../src/main/providers/bandwidth/actions';
import { toCall, toHistoryEntry } from '../../../../src/main/providers/bandwidth/mapping';
import { type WireCall, wireCallSchema } from '../../../../src/main/providers/bandwidth/wire';

const ME = '+19195550100';
const THEM = '+14045550123';

function wire(fields: Record<string, unknown>): WireCall {
  return wireCallSchema.parse({ id: 'c-1', startTime: '2026-03-02T09:00:00Z', ...fields });
}

describe('Catapult call → domain call', () => {
  it('maps each state and direction as documented', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ direction: 'in', state: 'started', from: THEM, to: ME }, 'incoming', 'alerting'],
      [{ direction: 'out', state: 'started', from: ME, to: THEM }, 'outgoing', 'connecting'],
      [{ direction: 'in', state: 'active', from: THEM, to: ME, activeTime: '2026-03-02T09:00:05Z' }, 'incoming', 'connected'],
      [{ direction: 'out', state: 'transferring', from: ME, to: THEM }, 'outgoing', 'connected'],
      [{ direction: 'in', state: 'completed', from: THEM, to: ME }, 'incoming', 'disconnected'],
      [{ direction: 'in', state: 'rejected', from: THEM, to: ME }, 'incoming', 'disconnected'],
      [{ direction: 'in', state: 'parked', from: THEM, to: ME, activeTime: '2026-03-02T09:00:05Z' }, 'incoming', 'connected'],
      [{ direction: 'in', state: 'parked', from: THEM, to: ME, endTime: '2026-03-02T09:01:00Z' }, 'incoming', 'disconnected'],
    ];
    for (const [fields, direction, state] of cases)
      expect(toCall(wire(fields), ME)).toMatchObject({ provider: 'bandwidth', direction, state, remote: { number: THEM } });
  });

  it('a transferring call is connected with the transfer pending, and offers only hang-up', () => {
    const call = toCall(wire({ direction: 'in', state: 'transferring', from: THEM, to: ME }), ME);
    expect(call.pending).toBe('transfer');
    expect(actionsFor(call)).toEqual(['hangup']);
  });

  it('keeps times, recording, the line of a secondary number, and hides a private caller', () => {
    const call = toCall(
      wire({
        direction: 'in',
        state: 'active',
        from: 'private',
        to: '+19195550199',
        activeTime: '2026-03-02T09:00:05Z',
        recordingEnabled: true,
      }),
      ME,
    );
    expect(call).toMatchObject({
      createdAt: '2026-03-02T09:00:00Z',
      answeredAt: '2026-03-02T09:00:05Z',
      recording: 'started',
      line: '+19195550199',
      remote: { privacy: true },
    });
    expect(call.remote.number).toBeUndefined();
  });
});

describe('actions per state', () => {
  const call = (fields: Record<string, unknown>) => toCall(wire(fields), ME);

  it('offers exactly what Catapult allows, never hold or mute', () => {
    expect(actionsFor(call({ direction: 'in', state: 'started', from: THEM, to: ME }))).toEqual(['answer', 'decline']);
    expect(actionsFor(call({ direction: 'out', state: 'started', from: ME, to: THEM }))).toEqual(['hangup']);
    const active = actionsFor(call({ direction: 'in', state: 'active', from: THEM, to: ME }));
    expect(active).toEqual(['hangup', 'transfer', 'dtmf', 'startRecording', 'speak', 'playAudio', 'gather', 'merge']);
    // A call already in a bridge or conference is not offered Merge; a transferring one only Hang up.
    expect(actionsFor(call({ direction: 'in', state: 'active', from: THEM, to: ME }), { joined: true })).not.toContain('merge');
    expect(actionsFor(call({ direction: 'in', state: 'transferring', from: THEM, to: ME }), { transferring: true })).toEqual(['hangup']);
    // Stop playback only while audio plays; Collect digits only when no gather runs.
    expect(actionsFor({ ...call({ direction: 'in', state: 'active', from: THEM, to: ME }), playing: true })).toContain('stopAudio');
    expect(
      actionsFor({ ...call({ direction: 'in', state: 'active', from: THEM, to: ME }), gather: { id: 'g-1', state: 'collecting' } }),
    ).not.toContain('gather');
    expect(active).not.toContain('hold');
    expect(active).not.toContain('mute');
    expect(actionsFor(call({ direction: 'in', state: 'active', from: THEM, to: ME, recordingEnabled: true }))).toContain('stopRecording');
    expect(actionsFor(call({ direction: 'in', state: 'completed', from: THEM, to: ME }))).toEqual([]);
  });
});

describe('history', () => {
  it('missed (inbound, never active), received, placed; nothing for a call still going', () => {
    expect(toHistoryEntry(wire({ direction: 'in', state: 'completed', from: THEM, to: ME }))).toEqual({
      type: 'missed',
      callId: expect.any(String),
      number: THEM,
      privacy: false,
      time: '2026-03-02T09:00:00Z',
    });
    expect(toHistoryEntry(wire({ direction: 'in', state: 'rejected', from: THEM, to: ME }))?.type).toBe('missed');
    expect(
      toHistoryEntry(wire({ direction: 'in', state: 'completed', from: THEM, to: ME, activeTime: '2026-03-02T09:00:05Z' }))?.type,
    ).toBe('received');
    expect(toHistoryEntry(wire({ direction: 'out', state: 'completed', from: ME, to: THEM }))?.type).toBe('placed');
    expect(toHistoryEntry(wire({ direction: 'in', state: 'active', from: THEM, to: ME }))).toBeUndefined();
  });
});
