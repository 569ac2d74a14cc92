import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/runtime/content-security-policy';
import { openExternalSafely } from '../../../src/main/shell/security';
import { BrowserWindow, fakeElectron, session } from '../../fakes/electron';
import { type RunningShell, startShell } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('window hardening', () => {
  it('every window is isolated, sandboxed, without Node, with web security, our preload and no auxclick; loads our file', async () => {
    shell = await startShell();
    const windows = BrowserWindow.getAllWindows();
    expect(windows).toHaveLength(3);
    for (const window of windows) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        preload: join(process.cwd(), 'out', 'preload', 'index.cjs'),
      });
      expect(window.loadedFile).toMatch(/[/\\]out[/\\]renderer[/\\](panel|popup|conference)\.html$/);
    }
  });

  it('the panel is a frameless 360×520 popover, hidden at start, that hides when it loses focus', async () => {
    shell = await startShell();
    const { panel } = shell;
    expect(panel.options).toMatchObject({ width: 360, height: 520, frame: false, show: false, skipTaskbar: true });
    shell.tray.click();
    expect(panel.isVisible()).toBe(true);
    expect(panel.isFocused()).toBe(true);
    panel.blur();
    expect(panel.isVisible()).toBe(false);
    // The click on the tray icon that caused that blur closes the panel rather than reopening it.
    shell.tray.click();
    expect(panel.isVisible()).toBe(false);
  });

  it('the panel opens next to a tray icon at the bottom right (Windows), and top-right where the tray has no bounds (Linux)', async () => {
    shell = await startShell({ platform: 'win32' });
    fakeElectron.trayBounds = { x: 1700, y: 1050, width: 24, height: 24 };
    shell.tray.click();
    expect(shell.panel.getBounds()).toEqual({ x: 1712 - 180, y: 1040 - 520 - 8, width: 360, height: 520 });
    shell.tray.click();
    expect(shell.panel.isVisible()).toBe(false);

    fakeElectron.trayBounds = { x: 0, y: 0, width: 0, height: 0 };
    shell.tray.click();
    expect(shell.panel.getBounds()).toEqual({ x: 1920 - 360 - 8, y: 8, width: 360, height: 520 });
  });

  it('closing a window hides it; only quitting closes it', async () => {
    shell = await startShell();
    shell.panel.show();
    shell.panel.close();
    expect(shell.panel.isDestroyed()).toBe(false);
    expect(shell.panel.isVisible()).toBe(false);
  });
});

describe('navigation, new windows, webviews', () => {
  it('a page cannot navigate away, open windows or attach a webview', async () => {
    shell = await startShell();
    for (const window of [shell.panel, shell.popup]) {
      const contents = window.webContents;
      expect(contents.tryNavigate('https://evil.example/phish')).toBe(false);
      expect(contents.tryNavigate('file:///etc/passwd')).toBe(false);
      expect(contents.tryOpenWindow('https://evil.example/')).toBe('deny');
      expect(contents.tryAttachWebview()).toBe(false);
    }
    expect(fakeElectron.openedExternal).toEqual([]);
  });

  it('window.open of an allow-listed https help page opens it in the system browser (and still no window)', async () => {
    shell = await startShell();
    expect(shell.panel.webContents.tryOpenWindow('https://help.webex.com/en-us/article/calling')).toBe('deny');
    expect(shell.panel.webContents.tryOpenWindow('http://help.webex.com/')).toBe('deny');
    expect(fakeElectron.openedExternal).toEqual(['https://help.webex.com/en-us/article/calling']);
  });

  it('openExternalSafely refuses anything but allow-listed https', () => {
    fakeElectron.openedExternal = [];
    expect(openExternalSafely('https://developer.webex.com/docs')).toBe(true);
    expect(openExternalSafely('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(openExternalSafely('https://developer.webex.com.evil.example/')).toBe(false);
    expect(fakeElectron.openedExternal).toEqual(['https://developer.webex.com/docs']);
  });
});

describe('permissions and CSP', () => {
  it('denies every permission request and check', async () => {
    shell = await startShell();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      expect(await session.defaultSession.requestPermission(permission, shell.panel.webContents)).toBe(false);
      expect(session.defaultSession.checkPermission(permission)).toBe(false);
    }
  });

  it('sends our CSP with every response, replacing any other', async () => {
    shell = await startShell();
    const headers = await session.defaultSession.respond({
      url: 'file:///app/out/renderer/panel.html',
      responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] },
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['kept'] });
  });

  it("the packaged pages' meta policy allows no WebSocket: it is the header's policy, minus frame-ancestors", () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    for (const page of ['panel.html', 'popup.html', 'conference.html']) {
      const html = readFileSync(join(process.cwd(), 'src', 'renderer', page), 'utf8');
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(meta, page).not.toMatch(/ws:|wss:|\*/);
      expect(directives(meta), page).toEqual(header);
    }
  });

  it("the header is at least as strict as the renderer's meta tag, directive by directive", () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    for (const page of ['panel.html', 'popup.html', 'conference.html']) {
      const html = readFileSync(join(process.cwd(), 'src', 'renderer', page), 'utf8');
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      expect(meta, `${page} has a CSP meta tag`).toBeDefined();
      for (const [name, sources] of directives(meta ?? '')) {
        const ours = header.get(name);
        expect(ours, `${name} in the header`).toBeDefined();
        for (const source of ours ?? []) expect(sources, `${page}: ${name} ${source}`).toContain(source);
      }
    }
  });
});
