// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsView } from '../../src/renderer/components/SettingsView';
import { settings } from '../../src/renderer/state';
import { followThemeSetting } from '../../src/renderer/theme';
import { FakeBridge } from './fake-bridge';
import { mount, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

function checkbox(name: string): HTMLInputElement {
  return screen.getByRole('checkbox', { name }) as HTMLInputElement;
}

describe('settings', () => {
  it('each popup reason is a toggle with a human label that sends its patch', async () => {
    const { bridge } = await mount(<SettingsView />);
    for (const label of [
      'Direct calls',
      'Parked call returning',
      'Forwarded — busy',
      'Call queue',
      'Hunt group',
      'Forwarded — no answer',
    ]) {
      expect(checkbox(label).checked).toBe(true);
    }
    fireEvent.click(checkbox('Forwarded — busy'));
    await settle();
    expect(bridge.settingsPatches).toEqual([{ popup: { reasons: { busy: false } } }]);
    expect(checkbox('Forwarded — busy').checked).toBe(false);
    expect(settings.value?.popup.reasons.busy).toBe(false);
  });

  it('never-pop, notification hint, do not disturb, start at login and link confirmation send patches', async () => {
    const { bridge } = await mount(<SettingsView />);
    fireEvent.click(checkbox('My desk phone rings — never pop'));
    await settle();
    fireEvent.click(checkbox('Also show an OS notification'));
    await settle();
    fireEvent.click(checkbox('Do not disturb'));
    await settle();
    fireEvent.click(checkbox('Start at login'));
    await settle();
    fireEvent.change(screen.getByLabelText('Numbers from links and the selection'), { target: { value: 'askAlways' } });
    await settle();
    expect(bridge.settingsPatches).toEqual([
      { popup: { neverPop: true } },
      { popup: { notification: false } },
      { doNotDisturb: true },
      { startAtLogin: true },
      { linkDial: 'askAlways' },
    ]);
    // With "never pop" on, the per-reason rules no longer apply.
    expect(checkbox('Direct calls').disabled).toBe(true);
  });

  it('quiet hours: enable, then change start and end', async () => {
    const { bridge } = await mount(<SettingsView />);
    const start = screen.getByLabelText('From') as HTMLInputElement;
    expect(start.disabled).toBe(true);
    fireEvent.click(checkbox('No popup during quiet hours'));
    await settle();
    expect(start.disabled).toBe(false);
    fireEvent.change(start, { target: { value: '18:30' } });
    await settle();
    fireEvent.change(screen.getByLabelText('to'), { target: { value: '07:45' } });
    await settle();
    expect(bridge.settingsPatches).toEqual([
      { popup: { quietHours: { enabled: true } } },
      { popup: { quietHours: { start: '18:30' } } },
      { popup: { quietHours: { end: '07:45' } } },
    ]);
  });

  it('shows the validation error when main refuses a change', async () => {
    const bridge = new FakeBridge();
    bridge.currentSettings.popup.quietHours.enabled = true;
    await mount(<SettingsView />, bridge);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '25:99' } });
    await settle();
    const popup = screen.getByRole('region', { name: 'Incoming call popup' });
    expect(within(popup).getByRole('alert').textContent).toBe('use HH:MM, 24-hour');
    expect(settings.value?.popup.quietHours.start).toBe('19:00');
  });

  it('theme: choosing one sends the patch and sets data-theme; system removes it', async () => {
    const { bridge } = await mount(<SettingsView />);
    const dispose = followThemeSetting();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    await settle();
    expect(bridge.settingsPatches).toEqual([{ theme: 'dark' }]);
    expect(document.documentElement.dataset.theme).toBe('dark');
    act(() => bridge.setSettings({ ...bridge.currentSettings, theme: 'system' }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    dispose();
  });

  describe('shortcuts', () => {
    it('lists every action with its accelerator', async () => {
      await mount(<SettingsView />);
      expect((screen.getByLabelText('Shortcut: Answer the ringing call') as HTMLInputElement).value).toBe('CommandOrControl+Shift+A');
      expect((screen.getByLabelText('Shortcut: Hold / resume') as HTMLInputElement).value).toBe('CommandOrControl+Shift+O');
      expect(screen.getAllByRole('row')).toHaveLength(8);
    });

    it('says which shortcuts could not be registered', async () => {
      const bridge = new FakeBridge();
      bridge.app = { ...bridge.app, shortcutFailures: ['hangup'] };
      await mount(<SettingsView />, bridge);
      const hangup = screen.getByLabelText('Shortcut: Hang up');
      expect(hangup.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById(hangup.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
        'Could not register: taken by another app',
      );
      expect(screen.getAllByText('Could not register: taken by another app')).toHaveLength(1);
      act(() => bridge.setApp({ shortcutFailures: ['answer', 'decline'] }));
      expect(screen.getAllByText('Could not register: taken by another app')).toHaveLength(2);
    });

    it('records a pressed key combination and saves it once', async () => {
      const { bridge } = await mount(<SettingsView />);
      const field = screen.getByLabelText('Shortcut: Mute / unmute') as HTMLInputElement;
      fireEvent.keyDown(field, { key: 'u', code: 'KeyU', ctrlKey: true, altKey: true });
      await settle();
      fireEvent.blur(field);
      await settle();
      expect(bridge.settingsPatches).toEqual([{ shortcuts: { toggleMute: 'CommandOrControl+Alt+U' } }]);
      expect(field.value).toBe('CommandOrControl+Alt+U');
    });

    it('a typed accelerator is saved on Enter; a refused one shows why', async () => {
      const { bridge } = await mount(<SettingsView />);
      const field = screen.getByLabelText('Shortcut: Show Switchboard') as HTMLInputElement;
      fireEvent.input(field, { target: { value: 'F9' } });
      fireEvent.keyDown(field, { key: 'Enter' });
      await settle();
      fireEvent.input(field, { target: { value: 'Ctrl+É' } });
      fireEvent.blur(field);
      await settle();
      expect(bridge.settingsPatches).toEqual([{ shortcuts: { showPanel: 'F9' } }, { shortcuts: { showPanel: 'Ctrl+É' } }]);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByText('not a keyboard shortcut')).toBeTruthy();
    });
  });
});
