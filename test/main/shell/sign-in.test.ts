/**
 * Sign-in in the running app (fake electron, everything else real): the demo → "Sign in with Webex" →
 * the system browser (played with fetch) → the simulator's OAuth → Webex calls in the panel → expiry
 * and refresh → sign-out. Every payload that crossed to a renderer, the log, the settings file and the
 * secrets file are then searched for tokens and secrets.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../../src/main/runtime/backend';
import type { AppController } from '../../../src/main/shell/app-controller';
import { bootstrap } from '../../../src/main/shell/bootstrap';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import type { AccountState } from '../../../src/shared/account';
import type { Call, Status } from '../../../src/shared/domain';
import { app, BrowserWindow, fakeElectron, ipcMain, resetFakeElectron, Tray } from '../../fakes/electron';
import { eventually } from './shell-harness';

const CLIENT_ID = 'Cswitchboard0123456789';
const CLIENT_SECRET = 'integration-secret-4f9a8b7c';
let directory: string;
let sim: WebexSimulator;
let controller: AppController | null = null;

afterEach(async () => {
  await controller?.close();
  controller = null;
  await sim?.close();
  rmSync(directory, { recursive: true, force: true });
});

async function start(): Promise<{ panel: BrowserWindow }> {
  resetFakeElectron();
  directory = mkdtempSync(join(tmpdir(), 'switchboard-signin-'));
  sim = await startWebexSimulator({ farEndAnswerMs: null, oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  writeFileSync(join(directory, 'config.json'), JSON.stringify({ settings: { webex: { clientId: CLIENT_ID } } }));
  const running = bootstrap({
    startBackend,
    argv: ['switchboard'],
    env: { SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl, SWITCHBOARD_POLL_MS: '100' },
    settingsDirectory: directory,
    redirectPort: 0,
    platform: 'linux',
    onlinePollMs: 50,
  });
  app.emitReady();
  controller = await running;
  const panel = BrowserWindow.getAllWindows().find((w) => w.loadedFile?.endsWith('panel.html'));
  if (!controller || !panel) throw new Error('the app did not start');
  return { panel };
}

/** The user's browser: follows the authorize URL through consent back to the app's loopback listener. */
async function browserCompletes(url: string): Promise<void> {
  let next = url;
  for (let hop = 0; hop < 5; hop++) {
    const response = await fetch(next, { redirect: 'manual' });
    await response.text();
    const location = response.headers.get('location');
    if (!location) return;
    next = new URL(location, next).toString();
  }
}

function invoke<T>(panel: BrowserWindow, channel: string, arg?: unknown): Promise<T> {
  return ipcMain.invoke(channel, { sender: panel.webContents }, ...(arg === undefined ? [] : [arg])) as Promise<T>;
}

/** Everything main handed to a renderer: push events to every window and every invoke answer. */
function everythingSentToRenderers(): string {
  const pushes = BrowserWindow.getAllWindows().flatMap((w) => w.webContents.sent);
  return JSON.stringify([pushes, fakeElectron.ipcResults]);
}

function filesText(): string {
  const files = [
    join(directory, 'config.json'),
    join(directory, 'secrets.json'),
    ...readdirSync(join(directory, 'logs')).map((f) => join(directory, 'logs', f)),
  ];
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

describe('sign-in in the app', () => {
  it('from the demo to a signed-in Webex account and back out, without a token ever reaching a renderer, the log or a file', async () => {
    const { panel } = await start();
    expect(await invoke<Status>(panel, 'status:get')).toMatchObject({ provider: 'webex', demo: true });
    expect(await invoke(panel, 'account:setClientSecret', { secret: CLIENT_SECRET })).toEqual({ ok: true, value: null });

    // Sign in: the app opens the system browser on Webex's authorize page; the user consents there.
    const signingIn = invoke<{ ok: boolean }>(panel, 'account:signIn');
    await eventually(() => fakeElectron.openedExternal.length).toBe(1);
    const authorize = new URL(fakeElectron.openedExternal[0]!);
    expect(authorize.origin + authorize.pathname).toBe(`${sim.baseUrl}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    await eventually(() => (panel.webContents.pushed('account:changed').at(-1) as AccountState | undefined)?.signingIn).toBe(true);
    await browserCompletes(authorize.toString());
    expect(await signingIn).toEqual({ ok: true, value: null });

    // Now the app shows the real account's calls, through the token it was issued.
    const account = await invoke<AccountState>(panel, 'account:get');
    expect(account).toMatchObject({ signedIn: true, method: 'browser', clientSecretSaved: true, persistent: true });
    await eventually(async () => (await invoke<Status>(panel, 'status:get')).demo).toBe(false);
    expect((await invoke<Status>(panel, 'status:get')).provider).toBe('webex');
    await eventually(async () => ((await invoke<AccountState>(panel, 'app:state')) as unknown as { demo: boolean }).demo).toBe(false);
    sim.scenario.ringUser({ from: { name: 'Real Caller', number: '+15550100300' } });
    await eventually(async () => (await invoke<Call[]>(panel, 'calls:list')).map((c) => c.remote.name)).toEqual(['Real Caller']);
    const settingsFile = JSON.parse(readFileSync(join(directory, 'config.json'), 'utf8')) as {
      settings: { provider: string; demo: boolean };
    };
    expect(settingsFile.settings).toMatchObject({ provider: 'webex', demo: false });

    // The access token expires: one refresh, calls keep coming.
    sim.oauth!.expireAccessTokens();
    sim.scenario.ringUser({ from: { name: 'Second Caller', number: '+15550100301' } });
    await eventually(async () => (await invoke<Call[]>(panel, 'calls:list')).length).toBe(2);
    expect(sim.oauth!.counters().refreshGrants).toBe(1);

    // Sign out: revoked, secrets wiped, calls forgotten, the tray offers to sign in.
    expect(await invoke(panel, 'account:signOut')).toEqual({ ok: true, value: null });
    expect(await invoke<Call[]>(panel, 'calls:list')).toEqual([]);
    expect((await invoke<Status>(panel, 'status:get')).health).toBe('signedOut');
    expect(await invoke(panel, 'account:get')).toMatchObject({ signedIn: false, clientSecretSaved: false });
    expect(sim.oauth!.counters().revocations).toBeGreaterThanOrEqual(1);
    await eventually(() => Tray.instances[0]?.contextMenu?.labels()).toContain('Sign in…');
    Tray.instances[0]?.contextMenu?.click('Sign in…');
    expect(panel.isVisible()).toBe(true);
    expect(panel.webContents.pushed('view:requested').at(-1)).toEqual({ view: 'settings', focusAccount: true });

    const sent = everythingSentToRenderers();
    expect(sent).toContain('Real Caller');
    for (const secret of ['sim_at_', 'sim_rt_', 'sim_code_', CLIENT_SECRET, 'Bearer', 'Authorization', 'access_token', 'refresh_token']) {
      expect(sent, `${secret} sent to a renderer`).not.toContain(secret);
    }
    const files = filesText();
    expect(files).toContain('Signed in to Webex');
    for (const secret of ['sim_at_', 'sim_rt_', 'sim_code_', CLIENT_SECRET]) expect(files, `${secret} in a file`).not.toContain(secret);
  });

  it('while signed in, the refresh token and client secret are stored only encrypted', async () => {
    const { panel } = await start();
    await invoke(panel, 'account:setClientSecret', { secret: CLIENT_SECRET });
    const signingIn = invoke(panel, 'account:signIn');
    await eventually(() => fakeElectron.openedExternal.length).toBe(1);
    await browserCompletes(fakeElectron.openedExternal[0]!);
    expect(await signingIn).toEqual({ ok: true, value: null });
    const secrets = readFileSync(join(directory, 'secrets.json'), 'utf8');
    expect(JSON.parse(secrets)).toHaveProperty(['webex', 'refreshToken']);
    expect(secrets).not.toContain('sim_rt_');
    expect(secrets).not.toContain(CLIENT_SECRET);
    expect(readFileSync(join(directory, 'config.json'), 'utf8')).not.toMatch(/sim_rt_|sim_at_|secret-4f9a/);
  });

  it('tells the user why when the browser sign-in is declined, and stays on the demo', async () => {
    const { panel } = await start();
    sim.oauth!.setConsent('deny');
    const signingIn = invoke(panel, 'account:signIn');
    await eventually(() => fakeElectron.openedExternal.length).toBe(1);
    await browserCompletes(fakeElectron.openedExternal[0]!);
    expect(await signingIn).toMatchObject({ ok: false, error: { message: 'You declined access in the browser.' } });
    expect(await invoke<Status>(panel, 'status:get')).toMatchObject({ provider: 'webex', demo: true });
  });

  it('tells every open window that the settings left the demo after a sign-in', async () => {
    const { panel } = await start();
    const conference = BrowserWindow.getAllWindows().find((w) => w.loadedFile?.endsWith('conference.html'));
    await invoke(panel, 'account:setClientSecret', { secret: CLIENT_SECRET });
    const signingIn = invoke(panel, 'account:signIn');
    await eventually(() => fakeElectron.openedExternal.length).toBe(1);
    await browserCompletes(fakeElectron.openedExternal[0]!);
    expect(await signingIn).toEqual({ ok: true, value: null });
    // The settings screen shows the saved settings: it must not keep showing "demo" after the switch.
    expect(panel.webContents.pushed('settings:changed').at(-1)).toMatchObject({ provider: 'webex', demo: false });
    expect(conference?.webContents.pushed('settings:changed').at(-1)).toMatchObject({ demo: false });
  });
});
