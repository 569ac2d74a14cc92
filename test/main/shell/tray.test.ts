import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trayIcons } from '../../../scripts/generate-tray-icons';
import { TRAY_STATES } from '../../../src/main/shell/tray-model';
import { fakeElectron, type FakeMenu, ipcMain } from '../../fakes/electron';
import { eventually, type RunningShell, startShell, trayMenu } from './shell-harness';
import { IDLE_MENU, RINGING_MENU } from './tray-menus';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const menu = (): FakeMenu => trayMenu(shell);
const icon = () => basename(shell?.tray.image.path ?? '');

describe('tray', () => {
  it('idle: idle icon, tooltip, and a full context menu (no demo entries with a real account)', async () => {
    shell = await startShell();
    expect(icon()).toBe('idle.png');
    expect(shell.tray.image.isEmpty()).toBe(false);
    expect(shell.tray.tooltip).toBe('Switchboard — idle');
    expect(menu().labels()).toEqual(IDLE_MENU);
  });

  it('ringing → in call → muted → idle, with Answer, Hang up and Mute in the menu as they apply', async () => {
    shell = await startShell();
    const { simulator, tray } = shell;
    const callId = simulator.scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101' } });

    await eventually(() => icon()).toBe('ringing.png');
    expect(tray.tooltip).toBe('Switchboard — ringing: Alice Smith');
    expect(menu().labels()).toEqual(RINGING_MENU);

    const setsBefore = tray.contextMenuSets;
    menu().click('Answer');
    await eventually(() => icon()).toBe('inCall.png');
    expect(shell.requests({ method: 'POST', path: '/telephony/calls/answer' })).toHaveLength(1);
    expect(tray.tooltip).toBe('Switchboard — in a call with Alice Smith');
    // The menu was set again after the change (Linux shows only what setContextMenu last received).
    expect(tray.contextMenuSets).toBeGreaterThan(setsBefore);
    expect(menu().labels()).toContain('Hang up');

    simulator.scenario.setMuteCapable(callId, true);
    await eventually(() => menu().labels()).toContain('Mute');
    menu().click('Mute');
    await eventually(() => icon()).toBe('muted.png');
    expect(tray.tooltip).toBe('Switchboard — muted: Alice Smith');
    expect(menu().labels()).toContain('Unmute');

    menu().click('Hang up');
    await eventually(() => icon()).toBe('idle.png');
    expect(simulator.listCalls()).toEqual([]);
  });

  it('offline when the network goes away, idle again when it returns', async () => {
    shell = await startShell();
    fakeElectron.online = false;
    await eventually(() => icon()).toBe('offline.png');
    expect(shell.tray.tooltip).toMatch(/^Switchboard — offline/);
    fakeElectron.online = true;
    await eventually(() => icon()).toBe('idle.png');
  });

  it('signed out when the provider refuses the token', async () => {
    shell = await startShell();
    shell.simulator.faults.expireToken();
    await shell.backend.core.reconcile();
    await eventually(() => icon()).toBe('signedOut.png');
    expect(shell.tray.tooltip).toMatch(/^Switchboard — signed out/);
  });

  it('do not disturb: the checkbox saves the setting, pushes it, and silences the popup', async () => {
    shell = await startShell();
    menu().click('Do not disturb');
    expect(menu().find('Do not disturb')?.checked).toBe(true);
    expect(shell.tray.tooltip).toBe('Switchboard — idle (do not disturb)');
    expect(shell.panel.webContents.pushed('settings:changed').at(-1)).toMatchObject({ doNotDisturb: true });
    expect(JSON.parse(readFileSync(join(shell.settingsDirectory, 'config.json'), 'utf8')).settings.doNotDisturb).toBe(true);

    shell.simulator.scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101' } });
    await eventually(() => icon()).toBe('ringing.png');
    expect(shell.popup.isVisible()).toBe(false);
  });

  it('Show panel shows the panel; Quit quits after closing the backend', async () => {
    shell = await startShell();
    menu().click('Show panel');
    expect(shell.panel.isVisible()).toBe(true);
    menu().click('Quit');
    await eventually(() => fakeElectron.quitCount).toBe(1);
    expect(shell.tray.isDestroyed()).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('demo: offers Simulate incoming call ▸ Plain call, Forwarded (busy), Call queue, Park recall — and it rings', async () => {
    shell = await startShell({ backend: 'demo' });
    expect(menu().labels()).toContain('Simulate incoming call');
    expect(menu().find('Simulate incoming call')?.submenu?.labels()).toEqual([
      'Plain call',
      'Forwarded (busy)',
      'Call queue',
      'Park recall',
    ]);
    menu().click('Simulate incoming call', 'Forwarded (busy)');
    await eventually(() => icon()).toBe('ringing.png');
    expect(shell.tray.tooltip).toBe('Switchboard — ringing: Carol White');
    await eventually(() => shell?.popup.isVisible()).toBe(true);
  });

  it('macOS: Template images; a click toggles the panel, a right-click pops up the same menu; no Dock icon', async () => {
    shell = await startShell({ platform: 'darwin' });
    expect(icon()).toBe('idleTemplate.png');
    expect(shell.tray.image.isTemplateImage()).toBe(true);
    expect(fakeElectron.dockHidden).toBe(true);

    // A set context menu would swallow the click on macOS: the menu is popped up on right-click instead.
    expect(shell.tray.contextMenu).toBeNull();
    shell.tray.click();
    expect(shell.panel.isVisible()).toBe(true);
    shell.tray.rightClick();
    expect(shell.tray.poppedUpMenu?.labels()).toEqual(IDLE_MENU);

    shell.simulator.scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101' } });
    await eventually(() => icon()).toBe('ringingTemplate.png');
    shell.tray.rightClick();
    expect(shell.tray.poppedUpMenu?.labels()).toContain('Answer');
  });
});

describe('tray icon files', () => {
  it('exist for every state and platform, and are what scripts/generate-tray-icons.ts draws', () => {
    const expected = trayIcons();
    expect(expected.size).toBe(TRAY_STATES.length * 4);
    for (const [name, png] of expected) {
      const path = join(process.cwd(), 'assets', 'tray', name);
      expect(existsSync(path), name).toBe(true);
      expect(readFileSync(path).equals(png), `${name} is stale: run node --import tsx scripts/generate-tray-icons.ts`).toBe(true);
    }
  });
});
