/** Builds domain calls for table tests of pure core functions. */
import type { Call } from '../../../src/shared/domain';

let n = 0;

export function ringingCall(overrides: Partial<Call> = {}): Call {
  n += 1;
  return {
    id: `ring-${n}`,
    provider: 'webex',
    sessionId: `s-${n}`,
    direction: 'incoming',
    state: 'alerting',
    remote: { name: 'Alice Smith', number: '+15550100', privacy: false },
    createdAt: '2026-11-21T10:00:00.000Z',
    redirections: [],
    muted: false,
    muteCapable: false,
    actions: ['answer', 'decline', 'toVoicemail', 'divert'],
    ...overrides,
  };
}

export function connectedCall(overrides: Partial<Call> = {}): Call {
  n += 1;
  return {
    id: `live-${n}`,
    provider: 'webex',
    sessionId: `s-${n}`,
    direction: 'outgoing',
    state: 'connected',
    remote: { name: 'Bob Jones', number: '+15550200', privacy: false },
    createdAt: '2026-11-21T09:00:00.000Z',
    answeredAt: '2026-11-21T09:00:05.000Z',
    redirections: [],
    muted: false,
    muteCapable: true,
    actions: ['hangup', 'hold', 'mute', 'transfer', 'park', 'dtmf'],
    ...overrides,
  };
}

export function heldCall(overrides: Partial<Call> = {}): Call {
  return connectedCall({ state: 'held', actions: ['hangup', 'resume', 'transfer'], ...overrides });
}
