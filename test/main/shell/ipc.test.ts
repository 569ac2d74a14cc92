import { afterEach, describe, expect, it } from 'vitest';
import { type CommandHandlers, registerIpcHandlers } from '../../../src/main/shell/ipc';
import { createWindowRegistry } from '../../../src/main/shell/window-registry';
import { COMMAND_SCHEMAS } from '../../../src/shared/contract';
import { ok } from '../../../src/shared/result';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { BrowserWindow, FakeFrame, ipcMain, resetFakeElectron } from '../../fakes/electron';
import { eventually, type RunningShell, startShell } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const refused = {
  ok: false,
  error: { code: 'BAD_INPUT', message: expect.stringContaining('did not come from a Switchboard window'), retryable: false },
};

describe('IPC: sender check', () => {
  it('registers a handler for every channel of the contract', async () => {
    shell = await startShell();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(COMMAND_SCHEMAS).sort());
  });

  it('accepts our panel and popup', async () => {
    shell = await startShell();
    expect(await ipcMain.invoke('calls:list', { sender: shell.panel.webContents })).toEqual([]);
    expect(await ipcMain.invoke('status:get', { sender: shell.popup.webContents })).toMatchObject({ provider: 'webex' });
  });

  it('refuses a webContents that is not one of our windows, even showing our page', async () => {
    shell = await startShell();
    const stranger = new BrowserWindow({ show: false });
    await stranger.loadURL(shell.panel.webContents.getURL());
    const result = await ipcMain.invoke('call:command', { sender: stranger.webContents }, { type: 'dial', destination: '+15550102030' });
    expect(result).toEqual(refused);
    expect(shell.requests({ method: 'POST' })).toEqual([]);
  });

  it('refuses our window once it shows a foreign page, a sub-frame, or a frame that is gone', async () => {
    shell = await startShell();
    const { panel } = shell;
    const foreign = new FakeFrame('https://evil.example/');
    expect(await ipcMain.invoke('settings:get', { sender: panel.webContents, senderFrame: foreign })).toEqual(refused);

    const child = new FakeFrame(panel.webContents.getURL());
    child.parent = panel.webContents.mainFrame;
    expect(await ipcMain.invoke('settings:get', { sender: panel.webContents, senderFrame: child })).toEqual(refused);

    expect(await ipcMain.invoke('settings:get', { sender: panel.webContents, senderFrame: null })).toEqual(refused);

    const elsewhere = new FakeFrame('file:///tmp/out/renderer/panel.html');
    expect(await ipcMain.invoke('settings:get', { sender: panel.webContents, senderFrame: elsewhere })).toEqual(refused);
  });

  it('refuses a destroyed window', async () => {
    shell = await startShell();
    const contents = shell.popup.webContents;
    shell.popup.destroy();
    expect(await ipcMain.invoke('calls:list', { sender: contents })).toEqual(refused);
  });
});

describe('IPC: argument parsing', () => {
  it.each([
    ['call:command', { type: 'hold' }, /callId/],
    ['call:command', { type: 'hold', callId: 'c1', extra: true }, /extra/i],
    ['call:command', { type: 'selfDestruct', callId: 'c1' }, /type/],
    ['call:command', 'hold c1', /./],
    ['history:list', { type: 'everything' }, /type/],
    ['settings:set', { theme: 'neon' }, /theme/],
    ['demo:simulate', { kind: 'plain', times: 100 }, /times/i],
    ['window:open', { name: '../../etc/passwd' }, /name/],
    ['calls:list', { please: true }, /./],
  ])('%s refuses %j with BAD_INPUT and never reaches the core', async (channel, argument, mentions) => {
    shell = await startShell();
    const result = (await ipcMain.invoke(channel, { sender: shell.panel.webContents }, argument)) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toMatch(mentions);
    expect(shell.requests({ method: 'POST' })).toEqual([]);
  });

  it('a valid command reaches the core and the provider', async () => {
    shell = await startShell();
    shell.simulator.scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101' } });
    const call = await shell.untilCall((c) => c.state === 'alerting');
    const answered = await ipcMain.invoke('call:command', { sender: shell.panel.webContents }, { type: 'answer', callId: call.id });
    expect(answered).toEqual({ ok: true, value: {} });
    await shell.untilCall((c) => c.id === call.id && c.state === 'connected');
    const held = await ipcMain.invoke('call:command', { sender: shell.panel.webContents }, { type: 'hold', callId: call.id });
    expect(held).toEqual({ ok: true, value: {} });
    expect(shell.requests({ method: 'POST', path: '/telephony/calls/hold' })[0]?.body).toMatchObject({ callId: call.id });
  });

  it('a refused command comes back as a Result, not a throw', async () => {
    shell = await startShell();
    const result = await ipcMain.invoke('call:command', { sender: shell.panel.webContents }, { type: 'hold', callId: 'no-such-call' });
    expect(result).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('settings:set saves a valid patch and pushes it to the windows that show settings', async () => {
    shell = await startShell();
    const result = await ipcMain.invoke(
      'settings:set',
      { sender: shell.panel.webContents },
      { theme: 'dark', popup: { quietHours: { enabled: true } } },
    );
    expect(result).toMatchObject({ ok: true, value: { theme: 'dark', popup: { quietHours: { enabled: true, start: '19:00' } } } });
    expect(shell.popup.webContents.pushed('settings:changed').at(-1)).toMatchObject({ theme: 'dark' });
    expect(await ipcMain.invoke('settings:get', { sender: shell.popup.webContents })).toMatchObject({ theme: 'dark' });
  });

  it('demo:simulate outside the demo is refused politely; window:open and hide drive the conference window', async () => {
    shell = await startShell();
    expect(await ipcMain.invoke('demo:simulate', { sender: shell.panel.webContents }, { kind: 'plain' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(shell.controller.conference.isVisible()).toBe(false);
    expect(await ipcMain.invoke('window:open', { sender: shell.panel.webContents }, { name: 'conference' })).toEqual({
      ok: true,
      value: null,
    });
    expect(shell.controller.conference.isVisible()).toBe(true);
    const [conference] = BrowserWindow.getAllWindows().filter((w) => w.loadedFile?.endsWith('conference.html'));
    expect(await ipcMain.invoke('window:hide', { sender: conference!.webContents })).toEqual({
      ok: true,
      value: null,
    });
    expect(shell.controller.conference.isVisible()).toBe(false);
  });

  it('demo:simulate in the demo rings, and window:open/hide drive the panel', async () => {
    shell = await startShell({ backend: 'demo' });
    expect(await ipcMain.invoke('demo:simulate', { sender: shell.panel.webContents }, { kind: 'callQueue' })).toEqual({
      ok: true,
      value: null,
    });
    await eventually(() => shell?.popup.isVisible()).toBe(true);
    expect(await ipcMain.invoke('window:open', { sender: shell.panel.webContents }, { name: 'panel' })).toEqual({ ok: true, value: null });
    expect(shell.panel.isVisible()).toBe(true);
    await ipcMain.invoke('window:hide', { sender: shell.panel.webContents });
    expect(shell.panel.isVisible()).toBe(false);
  });
});

describe('IPC wrapper', () => {
  it('turns a handler that throws into a Result error instead of a rejected invoke', async () => {
    resetFakeElectron();
    const registry = createWindowRegistry();
    const window = new BrowserWindow({ show: false });
    await window.loadFile(`${process.cwd()}/out/renderer/panel.html`);
    // The fake stands in for Electron's BrowserWindow at run time.
    registry.add('panel', window as unknown as Parameters<typeof registry.add>[1]);
    const boom = () => {
      throw new Error('disk on fire');
    };
    const handlers = Object.fromEntries(Object.keys(COMMAND_SCHEMAS).map((channel) => [channel, boom])) as unknown as CommandHandlers;
    handlers['settings:get'] = () => DEFAULT_SETTINGS;
    handlers['status:reconcile'] = async () => ok(null);
    const unregister = registerIpcHandlers(registry, handlers);

    expect(await ipcMain.invoke('calls:list', { sender: window.webContents })).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Switchboard could not complete "calls:list": disk on fire', retryable: true },
    });
    expect(await ipcMain.invoke('settings:get', { sender: window.webContents })).toEqual(DEFAULT_SETTINGS);
    expect(await ipcMain.invoke('status:reconcile', { sender: window.webContents })).toEqual({ ok: true, value: null });
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
