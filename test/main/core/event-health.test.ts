// Event health: the state and sentence shown in the tray and panel, emitted only when they change.
import { describe, expect, it } from 'vitest';
import { createEventHealth, type HealthState } from '../../../src/main/core/event-health';

function tracker() {
  const health = createEventHealth({ providerName: 'Webex' });
  const seen: HealthState[] = [];
  health.on((h) => seen.push(h));
  return { health, seen };
}

describe('event health', () => {
  it('starts as polling with a sentence naming the provider', () => {
    const { health } = tracker();
    expect(health.current()).toEqual({ health: 'polling', detail: 'Switchboard checks Webex for call changes every few seconds.' });
  });

  it('records the time of a successful read without announcing each one', () => {
    const { health, seen } = tracker();
    health.synced(new Date('2026-01-01T10:00:00.000Z'));
    health.synced(new Date('2026-01-01T10:00:03.000Z'));
    expect(health.current().lastSyncAt).toBe('2026-01-01T10:00:03.000Z');
    expect(seen).toEqual([]);
  });

  it('announces a change of state with its reason and the last good read', () => {
    const { health, seen } = tracker();
    health.synced(new Date('2026-01-01T10:00:00.000Z'));
    health.set('degraded', 'Webex did not answer in time. Trying again in 2 s.');
    expect(seen).toEqual([
      { health: 'degraded', detail: 'Webex did not answer in time. Trying again in 2 s.', lastSyncAt: '2026-01-01T10:00:00.000Z' },
    ]);
  });

  it('announces a new reason within the same state, but not a repeat', () => {
    const { health, seen } = tracker();
    health.set('degraded', 'Trying again in 2 s.');
    health.set('degraded', 'Trying again in 2 s.');
    health.set('degraded', 'Trying again in 4 s.');
    expect(seen.map((s) => s.detail)).toEqual(['Trying again in 2 s.', 'Trying again in 4 s.']);
  });

  it('gives every state a default sentence', () => {
    const { health, seen } = tracker();
    health.set('offline');
    health.set('signedOut');
    health.synced(new Date('2026-01-01T10:00:00.000Z'), 'live');
    expect(seen.map((s) => [s.health, s.detail])).toEqual([
      ['offline', 'No network connection: calls will refresh when it is back.'],
      ['signedOut', 'Signed out of Webex: sign in again to see your calls.'],
      ['live', 'Calls update as Webex reports them.'],
    ]);
  });

  it('carries the sentence a read gives, and the usual one again when it gives none', () => {
    const { health, seen } = tracker();
    health.synced(new Date('2026-01-01T10:00:00.000Z'), 'polling', 'Live updates from Webex are unavailable — checking every 2 s.');
    health.synced(new Date('2026-01-01T10:00:02.000Z'), 'polling', 'Live updates from Webex are unavailable — checking every 2 s.');
    health.synced(new Date('2026-01-01T10:00:04.000Z'), 'polling');
    expect(seen.map((s) => s.detail)).toEqual([
      'Live updates from Webex are unavailable — checking every 2 s.',
      'Switchboard checks Webex for call changes every few seconds.',
    ]);
  });

  it('returns to polling on the first good read after trouble', () => {
    const { health, seen } = tracker();
    health.set('offline');
    health.synced(new Date('2026-01-01T10:00:00.000Z'));
    expect(seen.at(-1)).toEqual({
      health: 'polling',
      detail: 'Switchboard checks Webex for call changes every few seconds.',
      lastSyncAt: '2026-01-01T10:00:00.000Z',
    });
  });
});
