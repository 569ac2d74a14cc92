import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../../src/main/shell/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { Notification } from '../../fakes/electron';
import { eventually, type RunningShell, startShell } from './shell-harness';

let directory: string;
const at = new Date('2026-11-21T10:20:30.456Z');
const file = () => join(directory, 'config.json');
const stored = () => JSON.parse(readFileSync(file(), 'utf8')) as { settings: Record<string, unknown> };

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'switchboard-settings-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts from the defaults without a file', () => {
    const store = openSettingsStore({ cwd: directory });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toEqual([]);
  });

  it('saves a validated patch and reads it back', () => {
    const store = openSettingsStore({ cwd: directory });
    const result = store.update({ doNotDisturb: true, shortcuts: { answer: 'Alt+F1' } });
    expect(result).toMatchObject({
      ok: true,
      value: { doNotDisturb: true, shortcuts: { answer: 'Alt+F1', decline: DEFAULT_SETTINGS.shortcuts.decline } },
    });
    expect(openSettingsStore({ cwd: directory }).get()).toEqual(store.get());
  });

  it('refuses an invalid patch and leaves the file as it was', () => {
    const store = openSettingsStore({ cwd: directory });
    store.update({ theme: 'dark' });
    const before = readFileSync(file(), 'utf8');
    const result = store.update({ popup: { quietHours: { start: '25:99' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('popup.quietHours.start') } });
    expect(store.update({ providers: { webex: { baseUrl: 'javascript:alert(1)' } } }).ok).toBe(false);
    expect(store.update({ providers: { webex: { baseUrl: 'https://elsewhere.example/v1' } } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('providers.webex: the API address is fixed') },
    });
    expect(store.update({ unknown: 1 }).ok).toBe(false);
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(store.get().theme).toBe('dark');
  });

  it('fills settings an older file lacks with their defaults', () => {
    writeFileSync(file(), JSON.stringify({ settings: { theme: 'light', popup: { neverPop: true } } }));
    const store = openSettingsStore({ cwd: directory });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', popup: { ...DEFAULT_SETTINGS.popup, neverPop: true } });
    expect(store.notices).toEqual([]);
  });

  it("migrates the file today's release writes without losing a value, and saves it back in the new shape", () => {
    // Exactly what the earlier release's store.set('settings', …) left in config.json (electron-store: tab-indented JSON),
    // with every setting changed from its default.
    const earlier = {
      settings: {
        provider: 'demo',
        webex: {
          clientId: 'C0abc123-integration',
          baseUrl: 'https://webex-proxy.example.com/v1',
          answerEndpointId: 'Y2lzY29zcGFyazovL3VzL0RFVklDRS8x',
        },
        popup: {
          reasons: { ...DEFAULT_SETTINGS.popup.reasons, callQueue: false, parkRecall: false },
          quietHours: { enabled: true, start: '18:30', end: '07:45' },
          neverPop: true,
          notification: false,
        },
        doNotDisturb: true,
        shortcuts: { ...DEFAULT_SETTINGS.shortcuts, answer: 'Alt+F1', hangup: '' },
        startAtLogin: true,
        theme: 'dark',
        confirmLinkDial: true,
      },
    };
    writeFileSync(file(), JSON.stringify(earlier, undefined, '\t'));

    const store = openSettingsStore({ cwd: directory });

    const { provider: _demo, webex, confirmLinkDial: _confirm, ...unchanged } = earlier.settings;
    // "Confirm before dialling links" on becomes "Always ask first"; the API address is no setting any more.
    expect(store.get()).toEqual({
      ...unchanged,
      provider: 'webex',
      demo: true,
      providers: { ...DEFAULT_SETTINGS.providers, webex: { clientId: webex.clientId, answerEndpointId: webex.answerEndpointId } },
      linkDial: 'askAlways',
    });
    expect(store.notices).toEqual([]);
    expect(stored().settings).toEqual(store.get());
    expect(openSettingsStore({ cwd: directory }).get()).toEqual(store.get());
  });

  it('loads a file that kept API addresses, as the version before fixed hosts wrote it, and saves it back without them', () => {
    // What that version's store.set('settings', …) left in config.json: every provider section with its address.
    const earlier = {
      settings: {
        ...DEFAULT_SETTINGS,
        provider: 'ringcentral',
        demo: false,
        providers: {
          webex: { clientId: 'C0abc', baseUrl: 'http://webex-proxy.example.com/v1', answerEndpointId: 'ep-1' },
          ringcentral: { clientId: 'rc-app', server: 'https://platform.ringcentral.biz', deviceId: '800002' },
          bandwidth: { number: '+19195551212', myPhone: 'sip:me@example.com', baseUrl: 'http://127.0.0.1:8080/v1' },
        },
      },
    };
    writeFileSync(file(), JSON.stringify(earlier, undefined, '\t'));

    const store = openSettingsStore({ cwd: directory });

    expect(store.notices).toEqual([]);
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      provider: 'ringcentral',
      demo: false,
      providers: {
        webex: { clientId: 'C0abc', answerEndpointId: 'ep-1' },
        ringcentral: { clientId: 'rc-app', server: 'biz', deviceId: '800002' },
        bandwidth: { number: '+19195551212', myPhone: 'sip:me@example.com' },
      },
    });
    expect(stored().settings).toEqual(store.get());
    expect(readFileSync(file(), 'utf8')).not.toMatch(/baseUrl|proxy|127\.0\.0\.1/);
  });

  it('migrates an earlier file of a signed-in user to the real account, out of the demo', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        settings: { provider: 'webex', webex: { clientId: 'C0abc', baseUrl: 'https://webexapis.com/v1', answerEndpointId: '' } },
      }),
    );
    expect(openSettingsStore({ cwd: directory }).get()).toMatchObject({
      provider: 'webex',
      demo: false,
      providers: { webex: { clientId: 'C0abc' } },
    });
  });

  it('keeps aside a file naming an unknown provider and says which ones exist', () => {
    writeFileSync(file(), JSON.stringify({ settings: { provider: 'skype', demo: false } }));
    const store = openSettingsStore({ cwd: directory, now: () => at });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices[0]?.message).toMatch(/unknown provider: use one of webex, ringcentral, bandwidth/);
  });

  it.each([
    ['not JSON', '{"settings": {"theme": "dark"'],
    ['invalid values', JSON.stringify({ settings: { theme: 'neon', doNotDisturb: 'yes' } })],
    ['not an object', '[1, 2, 3]'],
  ])('keeps a corrupt file (%s) aside, reports it, and uses the defaults', (_why, content) => {
    writeFileSync(file(), content);
    const store = openSettingsStore({ cwd: directory, now: () => at });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const aside = join(directory, 'config.corrupt-2026-11-21T10-20-30-456Z.json');
    expect(readFileSync(aside, 'utf8')).toBe(content);
    expect(store.notices).toEqual([{ kind: 'error', message: expect.stringContaining(aside) }]);
    expect(store.notices[0]?.message).toMatch(/defaults are in use/);

    // The store works normally afterwards.
    expect(store.update({ theme: 'dark' }).ok).toBe(true);
    expect(stored().settings.theme).toBe('dark');
    expect(readdirSync(directory).sort()).toEqual(['config.corrupt-2026-11-21T10-20-30-456Z.json', 'config.json']);
  });
});

describe('settings store in the app', () => {
  let shell: RunningShell | undefined;
  afterEach(async () => {
    await shell?.stop();
    shell = undefined;
  });

  it('a corrupt settings file is reported to the user once the panel is loaded', async () => {
    shell = await startShell({
      settings: { theme: 'neon' } as never,
    });
    await eventually(() => shell?.panel.webContents.pushed('notice').length).toBe(1);
    expect(shell.panel.webContents.pushed('notice')[0]).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('config.corrupt-'),
    });
    // No window is on screen, so the OS notification carries it too.
    expect(Notification.instances.map((n) => n.body)).toEqual([expect.stringContaining('could not be read')]);
    expect(existsSync(join(shell.settingsDirectory, 'config.json'))).toBe(false);
  });
});
