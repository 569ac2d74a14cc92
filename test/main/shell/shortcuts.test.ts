import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../../src/shared/settings';
import { fakeElectron, globalShortcut, ipcMain } from '../../fakes/electron';
import { eventually, type RunningShell, startShell } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const alice = { from: { name: 'Alice Smith', number: '+15550100101' } };

describe('global shortcuts', () => {
  it('registers every shortcut from settings', async () => {
    shell = await startShell();
    const registered = [...globalShortcut.registered.keys()].sort();
    expect(registered).toEqual(Object.values(DEFAULT_SHORTCUTS).sort());
  });

  it('the conference shortcut mutes and unmutes me in the conference, and says so when there is none', async () => {
    shell = await startShell();
    globalShortcut.press(DEFAULT_SHORTCUTS.toggleConferenceMute);
    await eventually(() => shell?.panel.webContents.pushed('notice').map((n) => (n as { message: string }).message)).toContain(
      'No connected conference to mute.',
    );

    for (const number of ['+15550100201', '+15550100202']) {
      const id = shell.simulator.scenario.ringUser({ from: { name: number, number } });
      shell.simulator.scenario.answerOnDevice(id);
    }
    await eventually(() => shell?.backend.core.calls().filter((c) => c.actions.includes('merge')).length).toBe(2);
    expect(await shell.backend.core.conferenceCommand({ type: 'merge' })).toEqual({ ok: true, value: null });
    await eventually(() => shell?.backend.core.conferences()[0]?.actions).toContain('mute');

    globalShortcut.press(DEFAULT_SHORTCUTS.toggleConferenceMute);
    await eventually(() => shell?.simulator.conference()?.muted).toBe(true);
    await eventually(() => shell?.backend.core.conferences()[0]?.muted).toBe(true);
    globalShortcut.press(DEFAULT_SHORTCUTS.toggleConferenceMute);
    await eventually(() => shell?.simulator.conference()?.muted).toBe(false);
  });

  it('answer answers the ringing call; hang up ends it', async () => {
    shell = await startShell();
    const callId = shell.simulator.scenario.ringUser(alice);
    await shell.untilCall((c) => c.state === 'alerting');
    expect(globalShortcut.press(DEFAULT_SHORTCUTS.answer)).toBe(true);
    await eventually(() => shell?.simulator.listCalls().find((c) => c.id === callId)?.state).toBe('connected');
    expect(shell.requests({ method: 'POST', path: '/telephony/calls/answer' })[0]?.body).toMatchObject({ callId });

    await shell.untilCall((c) => c.state === 'connected');
    globalShortcut.press(DEFAULT_SHORTCUTS.hangup);
    await eventually(() => shell?.simulator.listCalls()).toEqual([]);
  });

  it('with nothing to act on, says so instead of failing silently', async () => {
    shell = await startShell();
    globalShortcut.press(DEFAULT_SHORTCUTS.answer);
    expect(shell.panel.webContents.pushed('notice').at(-1)).toEqual({ kind: 'info', message: 'No ringing call to answer.' });
    expect(shell.requests({ method: 'POST' })).toEqual([]);
  });

  it('an accelerator taken by another app is reported in app state and pushed, not lost', async () => {
    shell = await startShell({ beforeReady: () => fakeElectron.takenAccelerators.add(DEFAULT_SHORTCUTS.toggleMute) });
    const state = await ipcMain.invoke('app:state', { sender: shell.panel.webContents });
    expect(state).toMatchObject({ shortcutFailures: ['toggleMute'], demo: false });

    // Moving it to a free accelerator registers it and clears the failure, pushed as app:changed.
    const saved = await ipcMain.invoke(
      'settings:set',
      { sender: shell.panel.webContents },
      { shortcuts: { toggleMute: 'CommandOrControl+Alt+M' } },
    );
    expect(saved).toMatchObject({ ok: true });
    expect(globalShortcut.isRegistered('CommandOrControl+Alt+M')).toBe(true);
    expect(globalShortcut.isRegistered(DEFAULT_SHORTCUTS.toggleMute)).toBe(false);
    expect(shell.panel.webContents.pushed('app:changed').at(-1)).toMatchObject({ shortcutFailures: [] });
  });

  it('an accelerator Electron cannot parse, or one bound twice, is reported too', async () => {
    shell = await startShell({ beforeReady: () => fakeElectron.invalidAccelerators.add('Hyper+Q') });
    await ipcMain.invoke(
      'settings:set',
      { sender: shell.panel.webContents },
      { shortcuts: { decline: 'Hyper+Q', toggleHold: DEFAULT_SHORTCUTS.answer } },
    );
    expect(shell.controller.state().shortcutFailures).toEqual(['decline', 'toggleHold']);
    expect(globalShortcut.isRegistered(DEFAULT_SHORTCUTS.answer)).toBe(true);
  });

  it('re-registers when settings change: a cleared shortcut is unregistered', async () => {
    shell = await startShell();
    await ipcMain.invoke('settings:set', { sender: shell.panel.webContents }, { shortcuts: { showPanel: '' } });
    expect(globalShortcut.isRegistered(DEFAULT_SHORTCUTS.showPanel)).toBe(false);
    expect(globalShortcut.isRegistered(DEFAULT_SHORTCUTS.answer)).toBe(true);
  });

  it('dial selection (Linux) dials the primary selection, normalised', async () => {
    shell = await startShell({ platform: 'linux' });
    fakeElectron.clipboard.selection = ' +1 (555) 010-2030 ';
    fakeElectron.clipboard.clipboard = 'not this';
    globalShortcut.press(DEFAULT_SHORTCUTS.dialSelection);
    await eventually(() => shell?.requests({ method: 'POST', path: '/telephony/calls/dial' }).length).toBe(1);
    expect(shell.requests({ method: 'POST', path: '/telephony/calls/dial' })[0]?.body).toMatchObject({ destination: '+15550102030' });
  });

  it('dial selection elsewhere reads the clipboard; with confirmation on, it asks the panel first', async () => {
    shell = await startShell({ platform: 'win32', settings: { linkDial: 'askAlways' } });
    fakeElectron.clipboard.clipboard = '555.010.2030';
    globalShortcut.press(DEFAULT_SHORTCUTS.dialSelection);
    await eventually(() => shell?.panel.webContents.pushed('dial:requested')).toEqual([
      { destination: '5550102030', source: 'selection', reason: 'You asked to confirm every number from a link.' },
    ]);
    expect(shell.panel.isVisible()).toBe(true);
    expect(shell.requests({ method: 'POST' })).toEqual([]);
  });

  it('dial selection of text that is no number dials nothing and says why', async () => {
    shell = await startShell({ platform: 'win32' });
    fakeElectron.clipboard.clipboard = 'call me maybe';
    globalShortcut.press(DEFAULT_SHORTCUTS.dialSelection);
    await eventually(() => shell?.panel.webContents.pushed('notice').length).toBe(1);
    expect(shell.panel.webContents.pushed('notice')[0]).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('Nothing was dialled'),
    });
    expect(shell.requests({ method: 'POST' })).toEqual([]);
  });

  it('unregisters everything on quit', async () => {
    shell = await startShell();
    await shell.controller.close();
    expect(globalShortcut.registered.size).toBe(0);
  });
});
