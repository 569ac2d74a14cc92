import { describe, expect, it } from 'vitest';
import { type TrayInput, type TrayMenuItem, trayIconFile, trayModel } from '../../../src/main/shell/tray-model';
import type { Conference } from '../../../src/shared/domain';
import { connectedCall, heldCall, ringingCall } from '../core/call-fixtures';
import { IDLE_MENU, RINGING_MENU } from './tray-menus';

const live = { health: 'live' as const };
const base: TrayInput = { calls: [], status: live, doNotDisturb: false, demo: false };

function labels(menu: TrayMenuItem[]): string[] {
  return menu.map((item) => (item.kind === 'separator' ? '---' : item.label));
}

describe('trayModel: icon and tooltip per state', () => {
  it.each([
    { name: 'idle', input: base, state: 'idle', tooltip: 'Switchboard — idle' },
    { name: 'ringing', input: { ...base, calls: [ringingCall()] }, state: 'ringing', tooltip: 'Switchboard — ringing: Alice Smith' },
    {
      name: 'two ringing calls',
      input: {
        ...base,
        calls: [
          ringingCall({ createdAt: '2026-01-01T00:00:02Z', remote: { number: '+15550999', privacy: false } }),
          ringingCall({ createdAt: '2026-01-01T00:00:01Z' }),
        ],
      },
      state: 'ringing',
      tooltip: 'Switchboard — ringing: Alice Smith, +15550999',
    },
    { name: 'in a call', input: { ...base, calls: [connectedCall()] }, state: 'inCall', tooltip: 'Switchboard — in a call with Bob Jones' },
    { name: 'on hold', input: { ...base, calls: [heldCall()] }, state: 'inCall', tooltip: 'Switchboard — on hold with Bob Jones' },
    {
      name: 'muted',
      input: { ...base, calls: [connectedCall({ muted: true })] },
      state: 'muted',
      tooltip: 'Switchboard — muted: Bob Jones',
    },
    {
      name: 'ringing while in a call',
      input: { ...base, calls: [connectedCall({ muted: true }), ringingCall()] },
      state: 'ringing',
      tooltip: 'Switchboard — ringing: Alice Smith',
    },
    {
      name: 'offline',
      input: { ...base, status: { health: 'offline' as const, detail: 'no network' } },
      state: 'offline',
      tooltip: 'Switchboard — offline: no network',
    },
    {
      name: 'degraded',
      input: { ...base, status: { health: 'degraded' as const, detail: 'Webex answers slowly' } },
      state: 'offline',
      tooltip: 'Switchboard — connection degraded: Webex answers slowly',
    },
    {
      name: 'signed out',
      input: { ...base, status: { health: 'signedOut' as const } },
      state: 'signedOut',
      tooltip: 'Switchboard — signed out',
    },
    { name: 'do not disturb', input: { ...base, doNotDisturb: true }, state: 'idle', tooltip: 'Switchboard — idle (do not disturb)' },
  ])('$name', ({ input, state, tooltip }) => {
    const model = trayModel(input);
    expect(model.state).toBe(state);
    expect(model.tooltip).toBe(tooltip);
  });
});

describe('trayModel: context menu', () => {
  it('idle: show panel, do not disturb, settings, quit — no call entries, no demo', () => {
    expect(labels(trayModel(base).menu)).toEqual(IDLE_MENU);
  });

  it('ringing: Answer and Decline the ringing call', () => {
    const call = ringingCall({ id: 'r1' });
    const menu = trayModel({ ...base, calls: [call] }).menu;
    expect(labels(menu)).toEqual(RINGING_MENU);
    expect(menu[2]).toEqual({ kind: 'action', label: 'Answer', action: { type: 'command', command: { type: 'answer', callId: 'r1' } } });
  });

  it('two ringing calls: one entry per caller', () => {
    const a = ringingCall({ id: 'a', createdAt: '2026-01-01T00:00:01Z' });
    const b = ringingCall({ id: 'b', createdAt: '2026-01-01T00:00:02Z', remote: { name: 'Carol', privacy: false } });
    expect(labels(trayModel({ ...base, calls: [b, a] }).menu).slice(2, 6)).toEqual([
      'Answer Alice Smith',
      'Decline Alice Smith',
      'Answer Carol',
      'Decline Carol',
    ]);
  });

  it('in a call: Hang up and Mute; muted: Unmute', () => {
    expect(labels(trayModel({ ...base, calls: [connectedCall()] }).menu).slice(2, 4)).toEqual(['Hang up', 'Mute']);
    const muted = connectedCall({ id: 'm', muted: true, actions: ['hangup', 'unmute'] });
    const menu = trayModel({ ...base, calls: [muted] }).menu;
    expect(labels(menu).slice(2, 4)).toEqual(['Hang up', 'Unmute']);
    expect(menu[3]).toMatchObject({ action: { type: 'command', command: { type: 'unmute', callId: 'm' } } });
  });

  it('a call that cannot be muted offers no Mute', () => {
    expect(labels(trayModel({ ...base, calls: [connectedCall({ muteCapable: false })] }).menu)).not.toContain('Mute');
  });

  it('the Conference entry: with a conference in progress, and with several it says how many', () => {
    const conf = (id: string, state: Conference['state'] = 'connected'): Conference => ({
      id,
      state,
      muted: false,
      createdAt: '2026-01-01T00:00:00Z',
      participants: [],
      actions: [],
    });
    const only = connectedCall({ id: 'x' });
    expect(labels(trayModel({ ...base, calls: [only] }).menu)).not.toContain('Conference…');
    expect(labels(trayModel({ ...base, calls: [only], conferences: [conf('c1', 'disconnected')] }).menu)).not.toContain('Conference…');
    expect(labels(trayModel({ ...base, calls: [only], conferences: [conf('c1')] }).menu)).toContain('Conference…');
    const two = trayModel({ ...base, calls: [only], conferences: [conf('c1'), conf('c2', 'held')] }).menu;
    expect(two.find((i) => i.kind === 'action' && i.label === 'Conferences (2)…')).toMatchObject({ action: { type: 'showConference' } });
  });

  it('do not disturb is a checkbox whose click flips it', () => {
    const off = trayModel(base).menu.find((i) => i.kind === 'checkbox');
    expect(off).toEqual({ kind: 'checkbox', label: 'Do not disturb', checked: false, action: { type: 'setDoNotDisturb', enabled: true } });
    const on = trayModel({ ...base, doNotDisturb: true }).menu.find((i) => i.kind === 'checkbox');
    expect(on).toMatchObject({ checked: true, action: { type: 'setDoNotDisturb', enabled: false } });
  });

  it('demo only: the Simulate incoming call submenu with the four kinds', () => {
    const menu = trayModel({ ...base, demo: true }).menu;
    const submenu = menu.find((i) => i.kind === 'submenu');
    expect(submenu?.label).toBe('Simulate incoming call');
    expect(submenu?.kind === 'submenu' && submenu.items).toEqual([
      { kind: 'action', label: 'Plain call', action: { type: 'simulate', kind: 'plain' } },
      { kind: 'action', label: 'Forwarded (busy)', action: { type: 'simulate', kind: 'forwardedBusy' } },
      { kind: 'action', label: 'Call queue', action: { type: 'simulate', kind: 'callQueue' } },
      { kind: 'action', label: 'Park recall', action: { type: 'simulate', kind: 'parkRecall' } },
    ]);
  });
});

describe('trayIconFile', () => {
  it('uses Template images on macOS and plain PNGs elsewhere', () => {
    expect(trayIconFile('ringing', 'darwin')).toBe('ringingTemplate.png');
    expect(trayIconFile('ringing', 'linux')).toBe('ringing.png');
    expect(trayIconFile('signedOut', 'win32')).toBe('signedOut.png');
  });
});
