import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../../src/main/runtime/backend';
import { bootstrap } from '../../../src/main/shell/bootstrap';
import { app, BrowserWindow, fakeElectron, ipcMain, powerMonitor, resetFakeElectron, Tray } from '../../fakes/electron';
import { eventually, type RunningShell, startShell } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

describe('lifecycle', () => {
  it('asks for the single-instance lock before anything else, and sets the AppUserModelID', async () => {
    shell = await startShell();
    expect(fakeElectron.appCalls[0]).toBe('requestSingleInstanceLock');
    expect(fakeElectron.appUserModelId).toBe('com.switchboard.desktop');
  });

  it('a second instance without the lock quits at once: no window, no tray, no backend', async () => {
    resetFakeElectron();
    fakeElectron.singleInstanceLock = false;
    let backendStarted = false;
    const controller = await bootstrap({
      startBackend: async () => {
        backendStarted = true;
        throw new Error('must not start');
      },
      argv: ['switchboard', 'tel:+15550102030'],
      env: {},
    });
    expect(controller).toBeNull();
    expect(fakeElectron.appCalls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(backendStarted).toBe(false);
    expect(BrowserWindow.getAllWindows()).toEqual([]);
    expect(Tray.instances).toEqual([]);
  });

  it('a backend that cannot start is reported in a dialog and the app quits', async () => {
    resetFakeElectron();
    const directory = mkdtempSync(join(tmpdir(), 'switchboard-life-'));
    const running = bootstrap({
      startBackend,
      argv: ['switchboard'],
      env: { SWITCHBOARD_PROVIDER: 'skype' },
      settingsDirectory: directory,
    });
    app.emitReady();
    expect(await running).toBeNull();
    expect(fakeElectron.errorBoxes).toEqual([
      { title: 'Switchboard could not start', content: expect.stringContaining('Unknown provider "skype": choose one of: webex') },
    ]);
    expect(fakeElectron.quitCount).toBe(1);
    rmSync(directory, { recursive: true, force: true });
  });

  it('start at login follows the setting on Windows and macOS', async () => {
    shell = await startShell({ platform: 'win32', settings: { startAtLogin: true } });
    expect(fakeElectron.loginItemSettings.openAtLogin).toBe(true);
    await ipcMain.invoke('settings:set', { sender: shell.panel.webContents }, { startAtLogin: false });
    expect(fakeElectron.loginItemSettings.openAtLogin).toBe(false);
  });

  it('resume from sleep and unlocking the screen re-read the calls at once', async () => {
    shell = await startShell();
    const reads = () => shell?.requests({ method: 'GET', path: '/telephony/calls' }).length ?? 0;
    const before = reads();
    powerMonitor.emit('resume');
    await eventually(() => reads()).toBeGreaterThan(before);
    const afterResume = reads();
    powerMonitor.emit('unlock-screen');
    await eventually(() => reads()).toBeGreaterThan(afterResume);
  });

  it('quitting waits for the backend to close, then quits: windows, tray, shortcuts and handlers are gone', async () => {
    shell = await startShell();
    app.quit();
    expect(fakeElectron.quitCount).toBe(0); // held back until the backend has closed
    await eventually(() => fakeElectron.quitCount).toBe(1);
    expect(BrowserWindow.getAllWindows()).toEqual([]);
    expect(shell.tray.isDestroyed()).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('the tray app keeps running with all windows closed', async () => {
    shell = await startShell();
    app.emit('window-all-closed');
    expect(fakeElectron.quitCount).toBe(0);
  });
});

describe('src/main/index.ts', () => {
  it('starts the demo by default: tray with the demo menu, panel and popup loaded', async () => {
    resetFakeElectron();
    fakeElectron.userDataPath = mkdtempSync(join(tmpdir(), 'switchboard-index-'));
    const saved = { provider: process.env.SWITCHBOARD_PROVIDER };
    delete process.env.SWITCHBOARD_PROVIDER;
    try {
      await import('../../../src/main/index');
      app.emitReady();
      await eventually(() => Tray.instances[0]?.contextMenu?.labels()).toContain('Simulate incoming call');
      expect(
        BrowserWindow.getAllWindows()
          .map((w) => w.loadedFile?.split(/[/\\]/).pop())
          .sort(),
      ).toEqual(['conference.html', 'panel.html', 'popup.html']);
      Tray.instances[0]?.contextMenu?.click('Quit');
      await eventually(() => fakeElectron.quitCount).toBe(1);
    } finally {
      if (saved.provider !== undefined) process.env.SWITCHBOARD_PROVIDER = saved.provider;
      rmSync(fakeElectron.userDataPath, { recursive: true, force: true });
    }
  });
});
