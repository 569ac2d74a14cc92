import { describe, expect, it } from 'vitest';
import { decidePopup, inQuietHours } from '../../../src/main/shell/popup-rules';
import type { Call } from '../../../src/shared/domain';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';

const ringing: Call = {
  id: 'c1',
  provider: 'webex',
  sessionId: 's1',
  direction: 'incoming',
  state: 'alerting',
  remote: { name: 'Alice', number: '+15550100', privacy: false },
  createdAt: '2026-11-21T10:00:00.000Z',
  redirections: [],
  muted: false,
  muteCapable: false,
  actions: ['answer', 'decline', 'toVoicemail'],
};
const noon = new Date(2026, 10, 21, 12, 0);
const late = new Date(2026, 10, 21, 22, 30);
const early = new Date(2026, 10, 21, 6, 15);

function settings(patch: (s: Settings) => void): Settings {
  const copy = structuredClone(DEFAULT_SETTINGS);
  patch(copy);
  return copy;
}

describe('popup rules', () => {
  it('pops and notifies for a ringing call by default', () => {
    expect(decidePopup(ringing, DEFAULT_SETTINGS, noon)).toEqual({ popup: true, notification: true, reason: 'direct' });
  });

  it('never pops for an answered or outgoing call', () => {
    expect(decidePopup({ ...ringing, state: 'connected' }, DEFAULT_SETTINGS, noon).popup).toBe(false);
    expect(decidePopup({ ...ringing, direction: 'clickToDial' }, DEFAULT_SETTINGS, noon).popup).toBe(false);
  });

  it('follows the rule for the most recent redirect reason and for park recalls', () => {
    const noQueue = settings((s) => (s.popup.reasons.callQueue = false));
    const queued: Call = { ...ringing, redirections: [{ reason: 'callQueue', by: { name: 'Support', privacy: false } }] };
    expect(decidePopup(queued, noQueue, noon)).toEqual({ popup: false, notification: false, reason: 'callQueue' });
    expect(decidePopup({ ...queued, redirections: [{ reason: 'busy', by: { privacy: false } }] }, noQueue, noon).popup).toBe(true);
    const recall: Call = { ...ringing, recall: { type: 'park', party: { number: '5021', privacy: false } } };
    expect(decidePopup(recall, DEFAULT_SETTINGS, noon).reason).toBe('parkRecall');
  });

  it('keeps quiet during quiet hours that cross midnight', () => {
    const quiet = settings((s) => (s.popup.quietHours = { enabled: true, start: '19:00', end: '08:00' }));
    expect(decidePopup(ringing, quiet, late).popup).toBe(false);
    expect(decidePopup(ringing, quiet, early).popup).toBe(false);
    expect(decidePopup(ringing, quiet, noon).popup).toBe(true);
    expect(inQuietHours({ enabled: true, start: '09:00', end: '17:00' }, noon)).toBe(true);
    expect(inQuietHours({ enabled: true, start: '09:00', end: '17:00' }, late)).toBe(false);
  });

  it('"my desk phone rings — never pop" keeps the notification hint only', () => {
    const deskPhone = settings((s) => (s.popup.neverPop = true));
    expect(decidePopup(ringing, deskPhone, noon)).toEqual({ popup: false, notification: true, reason: 'direct' });
  });

  it('do not disturb silences both', () => {
    const dnd = settings((s) => (s.doNotDisturb = true));
    expect(decidePopup(ringing, dnd, noon)).toEqual({ popup: false, notification: false, reason: 'direct' });
  });
});
