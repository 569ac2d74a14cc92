import { afterEach, describe, expect, it } from 'vitest';
import { BrowserWindow, ipcMain, windowsShowing } from '../../fakes/electron';
import { eventually, type RunningShell, startShell } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const alice = { name: 'Alice Smith', number: '+15550100101' };

describe('incoming-call popup', () => {
  it('exists hidden from the start, frameless, always on top, off the taskbar, focusable', async () => {
    shell = await startShell();
    const { popup } = shell;
    expect(popup.isVisible()).toBe(false);
    expect(popup.options).toMatchObject({
      show: false,
      frame: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      resizable: false,
      focusable: true,
    });
  });

  it('shows INACTIVE at screen-saver level on every workspace when a call rings, and hides when it is answered elsewhere', async () => {
    shell = await startShell();
    const { popup, simulator } = shell;
    const callId = simulator.scenario.ringUser({ from: alice });

    await eventually(() => popup.isVisible()).toBe(true);
    expect(popup.showInactiveCount).toBe(1);
    expect(popup.focusCount).toBe(0);
    expect(popup.isFocused()).toBe(false);
    expect(popup.alwaysOnTop).toEqual({ flag: true, level: 'screen-saver' });
    expect(popup.visibleOnAllWorkspaces).toEqual({ flag: true, options: { visibleOnFullScreen: true, skipTransformProcessType: true } });
    // Placed inside the work area (top-right), with the calls pushed to it.
    expect(popup.bounds.x + popup.bounds.width).toBeLessThanOrEqual(1920);
    expect(popup.bounds.y).toBeGreaterThanOrEqual(0);
    expect(popup.webContents.pushed('calls:changed').at(-1)).toEqual([
      expect.objectContaining({ id: expect.any(String), state: 'alerting' }),
    ]);

    simulator.scenario.answerOnDevice(callId);
    await eventually(() => popup.isVisible()).toBe(false);
    expect(popup.focusCount).toBe(0);
  });

  it('hides when the caller hangs up, and re-applies always-on-top when the next call rings', async () => {
    shell = await startShell();
    const { popup, simulator } = shell;
    const first = simulator.scenario.ringUser({ from: alice });
    await eventually(() => popup.isVisible()).toBe(true);
    simulator.scenario.remoteHangsUp(first);
    await eventually(() => popup.isVisible()).toBe(false);

    popup.setAlwaysOnTop(false); // as a window manager may do on hide
    simulator.scenario.ringUser({ from: { name: 'Carol White', number: '+15550100103' } });
    await eventually(() => popup.isVisible()).toBe(true);
    expect(popup.showInactiveCount).toBe(2);
    expect(popup.alwaysOnTop).toEqual({ flag: true, level: 'screen-saver' });
    expect(popup.focusCount).toBe(0);
  });

  it('hides once the call is answered from the popup itself', async () => {
    shell = await startShell();
    const { popup, simulator } = shell;
    const callId = simulator.scenario.ringUser({ from: alice });
    const call = await shell.untilCall((c) => c.state === 'alerting');
    await eventually(() => popup.isVisible()).toBe(true);

    const result = await ipcMain.invoke('call:command', { sender: popup.webContents }, { type: 'answer', callId: call.id });
    expect(result).toEqual({ ok: true, value: {} });
    expect(shell.requests({ method: 'POST', path: '/telephony/calls/answer' })).toHaveLength(1);
    await eventually(() => popup.isVisible()).toBe(false);
    expect(simulator.listCalls().find((c) => c.id === callId)?.state).toBe('connected');
  });

  it('stacks two ringing calls in one popup that grows, and stays while one still rings', async () => {
    shell = await startShell();
    const { popup, simulator } = shell;
    const first = simulator.scenario.ringUser({ from: alice });
    await eventually(() => popup.isVisible()).toBe(true);
    const oneCallHeight = popup.bounds.height;

    simulator.scenario.ringUser({ from: { name: 'Carol White', number: '+15550100103' } });
    await eventually(() => popup.bounds.height).toBeGreaterThan(oneCallHeight);
    expect(windowsShowing('popup.html')).toHaveLength(1);
    expect(BrowserWindow.getAllWindows()).toHaveLength(3); // panel, popup, conference: no second popup
    expect(popup.webContents.pushed('calls:changed').at(-1)).toHaveLength(2);
    expect(popup.focusCount).toBe(0);

    simulator.scenario.remoteHangsUp(first);
    await eventually(() => popup.bounds.height).toBe(oneCallHeight);
    expect(popup.isVisible()).toBe(true);
  });

  it('does not pop with do not disturb, nor when the user\'s rules say "never pop"', async () => {
    shell = await startShell({ settings: { doNotDisturb: true } });
    shell.simulator.scenario.ringUser({ from: alice });
    await shell.untilCall((c) => c.state === 'alerting');
    expect(shell.popup.isVisible()).toBe(false);
    await shell.stop();

    shell = await startShell({ settings: { popup: { neverPop: true } } });
    shell.simulator.scenario.ringUser({ from: alice });
    await shell.untilCall((c) => c.state === 'alerting');
    expect(shell.popup.isVisible()).toBe(false);
  });

  it('stays closed for the calls it showed once the user closes it; a new call opens it again', async () => {
    shell = await startShell();
    const { popup, simulator } = shell;
    simulator.scenario.ringUser({ from: alice });
    await eventually(() => popup.isVisible()).toBe(true);
    await ipcMain.invoke('window:hide', { sender: popup.webContents });
    expect(popup.isVisible()).toBe(false);
    await shell.backend.core.reconcile();
    expect(popup.isVisible()).toBe(false);

    simulator.scenario.ringUser({ from: { name: 'Carol White', number: '+15550100103' } });
    await eventually(() => popup.isVisible()).toBe(true);
  });
});
