import { describe, expect, it } from 'vitest';
import { callListSchema, gatherSchema, wireCallSchema } from '../../../../src/main/providers/bandwidth/wire';

describe('Catapult wire schemas are lenient', () => {
  it('reads nulls as absent', () => {
    const call = wireCallSchema.parse({
      id: 'c-1',
      direction: 'in',
      from: '+1404',
      to: null,
      state: 'active',
      callbackUrl: null,
      tag: null,
      activeTime: null,
      recordingEnabled: null,
    });
    expect(call).toMatchObject({ id: 'c-1', direction: 'in', state: 'active' });
    expect(call.to).toBeUndefined();
    expect(call.callbackUrl).toBeUndefined();
    expect(call.recordingEnabled).toBeUndefined();
  });

  it('reads a state or direction it does not know as unknown', () => {
    expect(wireCallSchema.parse({ id: 'c-1', direction: 'sideways', state: 'hold' })).toMatchObject({
      direction: 'unknown',
      state: 'unknown',
    });
    expect(gatherSchema.parse({ id: 'g-1', state: 'started', reason: 'new-reason' }).reason).toBe('unknown');
  });

  it('parses each list item on its own: one unreadable call does not hide the others', () => {
    const calls = callListSchema.parse([
      { id: 'c-1', direction: 'in', state: 'started' },
      { direction: 'in' },
      null,
      { id: 'c-3', direction: 'out', state: 'completed' },
    ]);
    expect(calls.map((c) => c.id)).toEqual(['c-1', 'c-3']);
  });
});
