import { describe, expect, it } from 'vitest';
import { actionsFor } from '../../../../src/main/providers/webex/actions';
import type { Call } from '../../../../src/shared/domain';

let next = 0;
function call(overrides: Partial<Call> = {}): Call {
  next += 1;
  return {
    id: `call-${next}`,
    provider: 'webex',
    sessionId: `session-${next}`,
    direction: 'incoming',
    state: 'connected',
    remote: { number: '+15550100', privacy: false },
    createdAt: '2025-01-01T10:00:00Z',
    redirections: [],
    muted: false,
    muteCapable: true,
    actions: [],
    ...overrides,
  };
}

function alone(c: Call) {
  return actionsFor(c, [c]);
}

describe('actionsFor', () => {
  it('offers answer, decline, divert and voicemail on a ringing incoming call, and nothing that needs an answered call', () => {
    const ringing = call({ state: 'alerting', muteCapable: false });
    const actions = alone(ringing);
    expect(actions).toEqual(['answer', 'decline', 'divert', 'toVoicemail']);
    for (const never of ['transfer', 'muteTransfer', 'attendedTransfer', 'park', 'hold', 'mute', 'hangup'])
      expect(actions).not.toContain(never);
  });

  it('never offers attended transfer from a ringing call, even with another call connected', () => {
    const ringing = call({ state: 'alerting' });
    const other = call({ state: 'connected' });
    expect(actionsFor(ringing, [ringing, other])).not.toContain('attendedTransfer');
  });

  it('offers answer and hang up on a click-to-dial call ringing the user', () => {
    expect(alone(call({ direction: 'clickToDial', state: 'alerting', muteCapable: false }))).toEqual(['answer', 'hangup']);
  });

  it('offers only hang up while the far end is being alerted', () => {
    expect(alone(call({ direction: 'outgoing', state: 'connecting', muteCapable: false }))).toEqual(['hangup']);
  });

  it('offers the full set on a connected call', () => {
    expect(alone(call({ state: 'connected' }))).toEqual([
      'hangup',
      'hold',
      'transfer',
      'muteTransfer',
      'park',
      'dtmf',
      'toVoicemail',
      'mute',
      'startRecording',
    ]);
  });

  it('offers attended transfer only with another answered call on the same line', () => {
    const a = call({ state: 'connected' });
    for (const state of ['connected', 'held', 'remoteHeld'] as const) {
      expect(actionsFor(a, [a, call({ state })])).toContain('attendedTransfer');
    }
    for (const state of ['alerting', 'connecting', 'disconnected'] as const) {
      expect(actionsFor(a, [a, call({ state })])).not.toContain('attendedTransfer');
    }
    expect(actionsFor(a, [a, call({ state: 'held', line: 'other-line' })])).not.toContain('attendedTransfer');
  });

  it('offers unmute instead of mute on a muted call, and neither when the call cannot be muted', () => {
    expect(alone(call({ muted: true }))).toContain('unmute');
    expect(alone(call({ muted: true }))).not.toContain('mute');
    const unmutable = alone(call({ muteCapable: false }));
    expect(unmutable).not.toContain('mute');
    expect(unmutable).not.toContain('unmute');
  });

  it.each([
    [undefined, ['startRecording']],
    ['stopped', ['startRecording']],
    ['failed', ['startRecording']],
    ['started', ['pauseRecording', 'stopRecording']],
    ['paused', ['resumeRecording', 'stopRecording']],
    ['pending', ['stopRecording']],
  ] as const)('offers recording controls for recording state %s', (recording, expected) => {
    const actions = alone(call({ recording }));
    const recordingActions = actions.filter((a) => a.endsWith('Recording'));
    expect(recordingActions).toEqual(expected);
  });

  it('offers resume, hang up, transfer and voicemail on a held call, not hold or park', () => {
    const held = call({ state: 'held' });
    expect(alone(held)).toEqual(['resume', 'hangup', 'transfer', 'toVoicemail']);
    expect(actionsFor(held, [held, call({ state: 'connected' })])).toEqual([
      'resume',
      'hangup',
      'transfer',
      'attendedTransfer',
      'toVoicemail',
    ]);
  });

  it('offers hang up and mute on a call the remote party holds, not hold (Webex holds only connected calls)', () => {
    expect(alone(call({ state: 'remoteHeld' }))).toEqual(['hangup', 'mute']);
    expect(alone(call({ state: 'remoteHeld', muted: true }))).toEqual(['hangup', 'unmute']);
    expect(alone(call({ state: 'remoteHeld', muteCapable: false }))).toEqual(['hangup']);
  });

  it('offers only hang up on a call in a state this release does not know', () => {
    expect(alone(call({ state: 'unknown' }))).toEqual(['hangup']);
    expect(alone(call({ state: 'unknown', direction: 'unknown' }))).toEqual(['hangup']);
  });

  it('offers nothing on a disconnected call', () => {
    expect(alone(call({ state: 'disconnected' }))).toEqual([]);
  });

  it('never offers push: REST does not say which calls belong to an executive', () => {
    for (const state of ['connecting', 'alerting', 'connected', 'held', 'remoteHeld'] as const)
      expect(alone(call({ state }))).not.toContain('push');
  });
});
