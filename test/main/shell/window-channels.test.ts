/**
 * Each window may use only its own channels (src/shared/window-channels.ts): every other invoke is
 * refused with a clear BAD_INPUT before anything happens, and push events reach only the windows that
 * show them. Proven for each window through the same IPC path the renderer uses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CommandChannel, COMMAND_SCHEMAS, PUSH_CHANNELS, WINDOW_NAMES, type WindowName } from '../../../src/shared/contract';
import { WINDOW_CHANNELS } from '../../../src/shared/window-channels';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { type BrowserWindow, ipcMain, windowsShowing } from '../../fakes/electron';
import { eventually, type RunningShell, startShell } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const ALL_CHANNELS = Object.keys(COMMAND_SCHEMAS) as CommandChannel[];

function windowOf(name: WindowName): BrowserWindow {
  const [window] = windowsShowing(`${name}.html`);
  if (!window) throw new Error(`no ${name} window`);
  return window;
}

function refusal(name: WindowName, channel: CommandChannel) {
  return { ok: false, error: { code: 'BAD_INPUT', message: `Refused "${channel}": the ${name} window may not use it.`, retryable: false } };
}

describe('channels per window', () => {
  it.each(WINDOW_NAMES)('the %s window is refused every channel outside its set, and reaches the ones inside it', async (name) => {
    shell = await startShell();
    const sender = windowOf(name).webContents;
    const allowed = WINDOW_CHANNELS[name].invoke;
    for (const channel of ALL_CHANNELS) {
      // 42 is no channel's valid argument: an allowed channel answers with its own parse error, so nothing runs.
      const result = await ipcMain.invoke(channel, { sender }, 42);
      if (allowed.includes(channel)) {
        expect(result, channel).toMatchObject({
          ok: false,
          error: { code: 'BAD_INPUT', message: expect.stringMatching(/^Invalid request/) },
        });
      } else {
        expect(result, channel).toEqual(refusal(name, channel));
      }
    }
    expect(shell.requests({ method: 'POST' })).toEqual([]);
  });

  it('the popup cannot change settings, sign out or open windows; the panel still can', async () => {
    shell = await startShell();
    const popup = shell.popup.webContents;
    expect(await ipcMain.invoke('settings:set', { sender: popup }, { theme: 'dark' })).toEqual(refusal('popup', 'settings:set'));
    expect(await ipcMain.invoke('account:signOut', { sender: popup })).toEqual(refusal('popup', 'account:signOut'));
    expect(await ipcMain.invoke('account:get', { sender: popup })).toEqual(refusal('popup', 'account:get'));
    expect(await ipcMain.invoke('window:open', { sender: popup }, { name: 'panel' })).toEqual(refusal('popup', 'window:open'));
    expect(shell.panel.isVisible()).toBe(false);
    expect(await ipcMain.invoke('settings:get', { sender: shell.panel.webContents })).toMatchObject({ theme: DEFAULT_SETTINGS.theme });
    expect(await ipcMain.invoke('status:get', { sender: popup })).toMatchObject({ health: expect.not.stringMatching(/signedOut/) });

    expect(await ipcMain.invoke('settings:set', { sender: shell.panel.webContents }, { theme: 'dark' })).toMatchObject({ ok: true });
    expect(await ipcMain.invoke('settings:get', { sender: popup })).toMatchObject({ theme: 'dark' });
  });

  it('the conference window cannot dial or change settings', async () => {
    shell = await startShell();
    const conference = windowOf('conference').webContents;
    expect(await ipcMain.invoke('call:command', { sender: conference }, { type: 'dial', destination: '+15550102030' })).toEqual(
      refusal('conference', 'call:command'),
    );
    expect(await ipcMain.invoke('settings:set', { sender: conference }, { theme: 'dark' })).toEqual(refusal('conference', 'settings:set'));
    expect(shell.requests({ method: 'POST' })).toEqual([]);
  });

  it('a window hides only itself: the request names no window, and one that names another is refused', async () => {
    shell = await startShell();
    shell.panel.show();
    expect(await ipcMain.invoke('window:hide', { sender: shell.popup.webContents }, { name: 'panel' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(shell.panel.isVisible()).toBe(true);
    expect(await ipcMain.invoke('window:hide', { sender: shell.popup.webContents })).toEqual({ ok: true, value: null });
    expect(shell.panel.isVisible()).toBe(true);
    expect(await ipcMain.invoke('window:hide', { sender: shell.panel.webContents })).toEqual({ ok: true, value: null });
    expect(shell.panel.isVisible()).toBe(false);
  });

  it('push events reach only the windows that show them', async () => {
    shell = await startShell();
    const conference = windowOf('conference');
    const windows: Record<WindowName, BrowserWindow> = { panel: shell.panel, popup: shell.popup, conference };
    expect(await ipcMain.invoke('settings:set', { sender: shell.panel.webContents }, { theme: 'dark' })).toMatchObject({ ok: true });
    shell.simulator.scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101' } });
    await eventually(() => shell?.popup.webContents.pushed('calls:changed').length).toBeGreaterThan(0);
    await eventually(() => conference.webContents.pushed('calls:changed').length).toBeGreaterThan(0);

    for (const name of WINDOW_NAMES) {
      const received = new Set(windows[name].webContents.sent.map((s) => s.channel));
      for (const channel of received) expect(WINDOW_CHANNELS[name].push, `${name} got ${channel}`).toContain(channel);
      expect(received.has('settings:changed'), name).toBe(true);
    }
    expect(shell.popup.webContents.pushed('history:changed')).toEqual([]);
    expect(shell.popup.webContents.pushed('account:changed')).toEqual([]);
    expect(conference.webContents.pushed('account:changed')).toEqual([]);
  });

  it('every push channel goes to some window, and the panel gets them all', () => {
    expect([...WINDOW_CHANNELS.panel.push].sort()).toEqual([...PUSH_CHANNELS].sort());
  });
});
