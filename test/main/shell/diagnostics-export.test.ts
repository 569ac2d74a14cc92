/**
 * "Save diagnostics…" in the tray and in the panel: the save dialog opens in Downloads with a dated
 * name, the report lands at the path the user chose (redacted: the session's token is not in it), and a
 * cancelled dialog writes nothing. Only the panel may ask for it over IPC.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAVE_DIAGNOSTICS_LABEL } from '../../../src/shared/action-labels';
import { app, type FakeMenu, fakeElectron, ipcMain } from '../../fakes/electron';
import { eventually, type RunningShell, startShell, trayMenu } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const menu = (): FakeMenu => trayMenu(shell);

function target(name: string): string {
  if (!shell) throw new Error('no shell');
  const folder = join(shell.settingsDirectory, 'chosen');
  mkdirSync(folder, { recursive: true });
  return join(folder, name);
}

describe('Save diagnostics…', () => {
  it('is in the tray menu; the dialog offers a dated file in Downloads; the report is written where the user chose', async () => {
    shell = await startShell();
    const { simulator } = shell;
    // A line an older release might have written unredacted: the report must redact it again.
    const logFile = join(shell.settingsDirectory, 'logs', 'switchboard.log');
    mkdirSync(dirname(logFile), { recursive: true });
    appendFileSync(
      logFile,
      `[2026-12-01 10:00:00.000] [warn]  request failed: Authorization: Bearer ${simulator.token} from +15550100101\n` +
        // The token alone, in words: only knowing it (the environment gave it) finds it.
        `[2026-12-01 10:00:01.000] [warn]  retried with ${simulator.token}\n`,
    );

    expect(menu().labels()).toContain(SAVE_DIAGNOSTICS_LABEL);
    const path = target('report.txt');
    fakeElectron.saveDialogAnswer = path;
    menu().click(SAVE_DIAGNOSTICS_LABEL);

    await eventually(() => existsSync(path)).toBe(true);
    await eventually(() => readFileSync(path, 'utf8')).toContain('== Log tail');
    const [shown] = fakeElectron.saveDialogs;
    expect(dirname(shown?.options.defaultPath ?? '')).toBe(app.getPath('downloads'));
    expect(basename(shown?.options.defaultPath ?? '')).toMatch(/^switchboard-diagnostics-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}\.txt$/);

    const report = readFileSync(path, 'utf8');
    expect(report).toContain('Provider: webex');
    expect(report).toContain('Switchboard: 0.1.0');
    expect(report).toContain('request failed: Authorization: Bearer [redacted] from …0101');
    expect(report).toContain('retried with [redacted]');
    expect(report).not.toContain(simulator.token);
    expect(report).not.toContain('15550100101');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    shell = await startShell();
    fakeElectron.saveDialogAnswer = null;
    const folder = dirname(target('unused.txt'));
    const downloads = app.getPath('downloads');
    rmSync(downloads, { recursive: true, force: true });
    mkdirSync(downloads, { recursive: true });

    menu().click(SAVE_DIAGNOSTICS_LABEL);
    await eventually(() => fakeElectron.saveDialogs.length).toBe(1);
    // The dialog's answer is handled on the next turns: give them a chance to (wrongly) write.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(downloads)).toEqual([]);
  });

  it('a save dialog that fails is told in words, from the tray as from the panel', async () => {
    shell = await startShell();
    fakeElectron.saveDialogAnswer = new Error('The dialog could not open');

    menu().click(SAVE_DIAGNOSTICS_LABEL);

    await eventually(() => shell?.panel.webContents.pushed('notice').length).toBe(1);
    expect(shell.panel.webContents.pushed('notice')[0]).toMatchObject({
      kind: 'error',
      message: 'Switchboard could not save the diagnostics: The dialog could not open',
    });
    expect(await ipcMain.invoke('diagnostics:save', { sender: shell.panel.webContents })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Switchboard could not save the diagnostics: The dialog could not open' },
    });
  });

  it('the panel saves through its own channel and hears where; the popup may not ask', async () => {
    shell = await startShell();
    const path = target('from-panel.txt');
    fakeElectron.saveDialogAnswer = path;
    expect(await ipcMain.invoke('diagnostics:save', { sender: shell.panel.webContents })).toEqual({
      ok: true,
      value: { saved: true, path },
    });
    expect(readFileSync(path, 'utf8')).toContain('== Last commands');

    fakeElectron.saveDialogAnswer = null;
    expect(await ipcMain.invoke('diagnostics:save', { sender: shell.panel.webContents })).toEqual({ ok: true, value: { saved: false } });
    expect(readdirSync(dirname(path))).toEqual(['from-panel.txt']);

    const before = fakeElectron.saveDialogs.length;
    expect(await ipcMain.invoke('diagnostics:save', { sender: shell.popup.webContents })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(fakeElectron.saveDialogs.length).toBe(before);
  });
});
