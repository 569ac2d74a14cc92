import { describe, expect, it } from 'vitest';
import { type CallShortcut, conferenceMuteCommand, noTargetMessage, shortcutCommand } from '../../../src/main/shell/shortcut-targets';
import type { Call, Conference } from '../../../src/shared/domain';
import { connectedCall, heldCall, ringingCall } from '../core/call-fixtures';

const older = ringingCall({ id: 'older', createdAt: '2026-11-21T10:00:00.000Z' });
const newer = ringingCall({ id: 'newer', createdAt: '2026-11-21T10:00:09.000Z' });
const live = connectedCall({ id: 'live' });
const mutedLive = connectedCall({ id: 'live', muted: true, actions: ['hangup', 'hold', 'unmute'] });
const held = heldCall({ id: 'held' });
const held2 = heldCall({ id: 'held2', createdAt: '2026-11-21T09:30:00.000Z' });
const dialling = connectedCall({ id: 'dialling', state: 'connecting', actions: ['hangup'] });
const onLine = ringingCall({ id: 'shared', line: 'line-2' });

const table: { shortcut: CallShortcut; calls: Call[]; expected: unknown; why: string }[] = [
  { shortcut: 'answer', calls: [newer, live, older], expected: { type: 'answer', callId: 'older' }, why: 'the oldest ringing call first' },
  { shortcut: 'answer', calls: [live], expected: null, why: 'nothing rings' },
  { shortcut: 'answer', calls: [ringingCall({ id: 'x', actions: ['decline'] })], expected: null, why: 'the call does not offer answer' },
  { shortcut: 'answer', calls: [onLine], expected: { type: 'answer', callId: 'shared', line: 'line-2' }, why: 'keeps the line' },
  { shortcut: 'decline', calls: [newer, older], expected: { type: 'decline', callId: 'older' }, why: 'the oldest ringing call' },
  {
    shortcut: 'hangup',
    calls: [held, live, older],
    expected: { type: 'hangup', callId: 'live' },
    why: 'the live call, not the held or ringing one',
  },
  { shortcut: 'hangup', calls: [dialling], expected: { type: 'hangup', callId: 'dialling' }, why: 'a call being dialled' },
  { shortcut: 'hangup', calls: [held], expected: { type: 'hangup', callId: 'held' }, why: 'the only held call' },
  { shortcut: 'hangup', calls: [held, held2], expected: null, why: 'two held calls: the user must choose' },
  { shortcut: 'hangup', calls: [older], expected: null, why: 'a ringing call is declined, not hung up' },
  { shortcut: 'toggleMute', calls: [live], expected: { type: 'mute', callId: 'live' }, why: 'mutes a live call' },
  { shortcut: 'toggleMute', calls: [mutedLive], expected: { type: 'unmute', callId: 'live' }, why: 'unmutes a muted one' },
  { shortcut: 'toggleMute', calls: [connectedCall({ muteCapable: false })], expected: null, why: 'not mute-capable' },
  { shortcut: 'toggleMute', calls: [held], expected: null, why: 'no live call' },
  { shortcut: 'toggleHold', calls: [live, held], expected: { type: 'hold', callId: 'live' }, why: 'holds the live call' },
  { shortcut: 'toggleHold', calls: [held, held2], expected: { type: 'resume', callId: 'held2' }, why: 'resumes the most recent held call' },
  { shortcut: 'toggleHold', calls: [], expected: null, why: 'no calls' },
];

describe('shortcutCommand', () => {
  it.each(table)('$shortcut: $why', ({ shortcut, calls, expected }) => {
    expect(shortcutCommand(shortcut, calls)).toEqual(expected);
  });

  it('has a message for every shortcut without a target', () => {
    for (const s of ['answer', 'decline', 'hangup', 'toggleMute', 'toggleHold'] as const) expect(noTargetMessage(s)).toMatch(/^No /);
  });
});

describe('conferenceMuteCommand: the conference-mute shortcut', () => {
  const conf = (id: string, overrides: Partial<Conference> = {}): Conference => {
    const muted = overrides.muted ?? false;
    return {
      id,
      state: 'connected',
      muted,
      createdAt: '2026-11-21T10:00:00.000Z',
      participants: [],
      actions: [muted ? 'unmute' : 'mute', 'hold', 'releaseConference'],
      ...overrides,
    };
  };
  const held = (id: string, createdAt: string) => conf(id, { state: 'held', createdAt, actions: ['resume', 'releaseConference'] });

  it('mutes me in the one connected conference, or unmutes me there', () => {
    expect(conferenceMuteCommand([conf('c1')])).toEqual({ type: 'muteHost', conferenceId: 'c1' });
    expect(conferenceMuteCommand([conf('c1', { muted: true })])).toEqual({ type: 'unmuteHost', conferenceId: 'c1' });
  });

  it('skips held and ended conferences, even newer ones', () => {
    const connected = conf('old', { createdAt: '2026-11-21T09:00:00.000Z' });
    const ended = conf('ended', { state: 'disconnected', createdAt: '2026-11-21T11:30:00.000Z', actions: [] });
    expect(conferenceMuteCommand([held('newer', '2026-11-21T11:00:00.000Z'), connected, ended])).toEqual({
      type: 'muteHost',
      conferenceId: 'old',
    });
  });

  it('with several connected, takes the most recently created one', () => {
    const older = conf('older', { createdAt: '2026-11-21T09:00:00.000Z' });
    const newer = conf('newer', { createdAt: '2026-11-21T10:30:00.000Z', muted: true });
    expect(conferenceMuteCommand([newer, older])).toEqual({ type: 'unmuteHost', conferenceId: 'newer' });
    expect(conferenceMuteCommand([older, newer])).toEqual({ type: 'unmuteHost', conferenceId: 'newer' });
  });

  it('nothing when no conference is connected, or it does not offer mute now', () => {
    expect(conferenceMuteCommand([])).toBeNull();
    expect(conferenceMuteCommand([held('h', '2026-11-21T10:00:00.000Z')])).toBeNull();
    expect(conferenceMuteCommand([conf('c1', { actions: ['releaseConference'] })])).toBeNull();
  });
});
