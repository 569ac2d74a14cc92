/**
 * RingCentral answers are read leniently: one odd party or device does not make the whole answer
 * unreadable, and values RingCentral may add later become 'unknown' instead of failing.
 */
import { expect, test } from 'vitest';
import { deviceListSchema, sessionEventSchema, wireSessionSchema } from '../../../../src/main/providers/ringcentral/wire';

test('a session with a malformed party and a new status code keeps the readable parties', () => {
  const parsed = wireSessionSchema.parse({
    id: 's-1',
    origin: { type: 'HolographicCall' },
    parties: [
      { id: 'p-1', extensionId: 170848004, status: { code: 'Teleporting' }, recordings: [{ id: 7, active: true }, 'junk'] },
      { status: { code: 'Answered' } },
      42,
    ],
  });
  expect(parsed.origin?.type).toBe('unknown');
  expect(parsed.parties).toHaveLength(1);
  expect(parsed.parties[0]).toMatchObject({
    id: 'p-1',
    extensionId: '170848004',
    status: { code: 'unknown' },
    recordings: [{ id: '7', active: true }],
  });
});

test('a device list keeps the devices it can read; unknown types and statuses become unknown', () => {
  const parsed = deviceListSchema.parse({
    records: [{ id: '1', type: 'HardPhone', status: 'Online' }, { type: 'SoftPhone' }, { id: 2, type: 'Hologram', status: 'Sleeping' }],
  });
  expect(parsed.records).toEqual([
    { id: '1', type: 'HardPhone', status: 'Online' },
    { id: '2', type: 'unknown', status: 'unknown' },
  ]);
  expect(deviceListSchema.parse({}).records).toEqual([]);
});

test('an event without parties is still an event (nothing to apply)', () => {
  expect(sessionEventSchema.parse({ sequence: 4, telephonySessionId: 's-1' }).parties).toEqual([]);
});
