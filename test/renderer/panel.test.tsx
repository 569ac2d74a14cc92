// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../src/renderer/panel/App';
import { err } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { historyEntry, makeCall, mount, ringingCall, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

describe('panel', () => {
  it('has Calls, History and Settings tabs controlling one panel', async () => {
    await mount(<PanelApp />);
    const tabs = within(screen.getByRole('tablist', { name: 'Switchboard' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Calls', 'History', 'Settings']);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tabs[0]?.id);
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tabs[2]?.id);
    expect(screen.getByRole('region', { name: 'Account' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Settings' }), { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Calls' }).getAttribute('aria-selected')).toBe('true');
  });

  it('lists current calls, ringing first, with the dialer below', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      makeCall({ id: 'held', state: 'held', remote: { name: 'Carol White', privacy: false }, actions: ['resume'] }),
      ringingCall({ id: 'ring', remote: { name: 'Dan Brown', privacy: false } }),
    ];
    await mount(<PanelApp />, bridge);
    const cards = within(screen.getByRole('region', { name: 'Current calls' })).getAllByRole('article');
    expect(cards.map((c) => c.querySelector('h3')?.textContent)).toEqual(['Dan Brown', 'Carol White']);
    expect(screen.getByRole('tab', { name: 'Calls (2)' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Dialer' })).toBeTruthy();
  });

  it('says so when there are no calls, and updates when one arrives', async () => {
    const { bridge } = await mount(<PanelApp />);
    expect(screen.getByText('No calls right now.')).toBeTruthy();
    act(() => bridge.setCalls([ringingCall()]));
    expect(screen.getByRole('article', { name: 'Alice Smith' })).toBeTruthy();
  });

  it('shows the new missed calls on the History tab', async () => {
    const bridge = new FakeBridge();
    bridge.historyResult = {
      ok: true,
      value: [historyEntry({ type: 'missed' }), historyEntry({ type: 'missed', time: '2026-01-05T09:10:00.000Z' })],
    };
    await mount(<PanelApp />, bridge);
    expect(screen.getByRole('tab', { name: 'History (2 new)' })).toBeTruthy();
  });

  describe('demo mode', () => {
    it('offers "Simulate incoming call" with the four kinds only in demo mode', async () => {
      const bridge = new FakeBridge();
      await mount(<PanelApp />, bridge);
      expect(screen.queryByRole('button', { name: 'Simulate incoming call' })).toBeNull();
      act(() => bridge.setApp({ demo: true }));
      const menu = screen.getByRole('button', { name: 'Simulate incoming call' });
      expect(menu.getAttribute('aria-expanded')).toBe('false');
      fireEvent.click(menu);
      expect(menu.getAttribute('aria-expanded')).toBe('true');
      for (const name of ['Plain call', 'Forwarded (busy)', 'Call queue', 'Park recall']) {
        expect(screen.getByRole('button', { name })).toBeTruthy();
      }
      fireEvent.click(screen.getByRole('button', { name: 'Forwarded (busy)' }));
      await settle();
      fireEvent.click(menu);
      fireEvent.click(screen.getByRole('button', { name: 'Park recall' }));
      await settle();
      expect(bridge.simulated).toEqual(['forwardedBusy', 'parkRecall']);
      expect(menu.getAttribute('aria-expanded')).toBe('false');
    });

    it('shows why a simulation failed', async () => {
      const bridge = new FakeBridge();
      bridge.app.demo = true;
      bridge.simulateAnswer = err('UNAVAILABLE', 'The demo simulator is not running.');
      await mount(<PanelApp />, bridge);
      fireEvent.click(screen.getByRole('button', { name: 'Simulate incoming call' }));
      fireEvent.click(screen.getByRole('button', { name: 'Plain call' }));
      await settle();
      expect(screen.getByRole('alert').textContent).toContain('The demo simulator is not running.');
    });
  });

  it('a dial request brings the Calls tab forward with the number filled in', async () => {
    const { bridge } = await mount(<PanelApp />);
    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    act(() => bridge.requestDial({ destination: 'callto:5021', source: 'link' }));
    await settle();
    expect(screen.getByRole('tab', { name: 'Calls' }).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByLabelText('Number to call') as HTMLInputElement).value).toBe('5021');
    expect(bridge.commands).toEqual([]);
  });

  describe('Escape', () => {
    it('hides the panel', async () => {
      const { bridge } = await mount(<PanelApp />);
      fireEvent.keyDown(screen.getByRole('tab', { name: 'Calls' }), { key: 'Escape' });
      expect(bridge.hides).toBe(1);
    });

    it('first closes an open form, without hiding the panel', async () => {
      const bridge = new FakeBridge();
      bridge.callList = [makeCall({ actions: ['transfer'] })];
      await mount(<PanelApp />, bridge);
      fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
      fireEvent.keyDown(screen.getByLabelText('Transfer to'), { key: 'Escape' });
      await settle();
      expect(bridge.hides).toBe(0);
      expect(screen.queryByLabelText('Transfer to')).toBeNull();
    });
  });

  describe('status line', () => {
    it('shows event health with its detail and the account', async () => {
      const bridge = new FakeBridge();
      bridge.currentStatus = {
        health: 'polling',
        provider: 'webex',
        demo: false,
        account: { provider: 'webex', displayName: 'Alex Agent' },
      };
      await mount(<PanelApp />, bridge);
      const footer = screen.getByRole('contentinfo');
      expect(footer.textContent).toContain('Polling');
      expect(footer.textContent).toContain('checking for calls every few seconds');
      expect(footer.textContent).toContain('Alex Agent');
      const states: [string, string, string][] = [
        ['live', 'Live', 'calls update as they happen'],
        ['degraded', 'Degraded', 'Webex answered slowly 3 times'],
        ['offline', 'Offline', 'No network connection'],
        ['signedOut', 'Signed out', 'Your Webex session expired'],
      ];
      for (const [health, label, detail] of states) {
        act(() =>
          bridge.setStatus({
            health: health as 'live',
            provider: 'webex',
            demo: false,
            ...(health === 'live' ? {} : { detail }),
          }),
        );
        expect(footer.textContent).toContain(label);
        expect(footer.textContent).toContain(detail);
      }
    });

    it('offers to refresh the calls when updates lag', async () => {
      const bridge = new FakeBridge();
      bridge.currentStatus = { health: 'degraded', provider: 'webex', demo: false, detail: 'Events are late' };
      await mount(<PanelApp />, bridge);
      fireEvent.click(screen.getByRole('button', { name: 'Refresh calls' }));
      await settle();
      expect(bridge.reconciles).toBe(1);
      act(() => bridge.setStatus({ health: 'live', provider: 'webex', demo: false }));
      expect(screen.queryByRole('button', { name: 'Refresh calls' })).toBeNull();
    });
  });

  it('shows notices from main: information as status, errors as alerts, each dismissable', async () => {
    const { bridge } = await mount(<PanelApp />);
    act(() => bridge.notice({ kind: 'error', message: 'Transfer failed — the call is still yours.' }));
    act(() => bridge.notice({ kind: 'info', message: 'Reconnected.' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Transfer failed — the call is still yours.');
    const info = screen.getAllByRole('status').find((s) => s.textContent?.includes('Reconnected.'));
    expect(info).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('every control on every view is a named, focusable <button>, input or select', async () => {
    const bridge = new FakeBridge();
    bridge.app.demo = true;
    bridge.callList = [makeCall({ actions: ['hangup', 'hold', 'mute', 'transfer', 'park', 'dtmf', 'startRecording'] })];
    bridge.historyResult = {
      ok: true,
      value: [historyEntry(), historyEntry({ type: 'missed', privacy: true, name: undefined, number: undefined })],
    };
    await mount(<PanelApp />, bridge);
    for (const view of ['Calls', 'History', 'Settings']) {
      fireEvent.click(screen.getByRole('tab', { name: new RegExp(`^${view}`) }));
      const controls = document.querySelectorAll('button, input, select, [onclick], [role="button"]');
      expect(controls.length).toBeGreaterThan(3);
      for (const control of controls) {
        expect(['BUTTON', 'INPUT', 'SELECT']).toContain(control.tagName);
        if (control.getAttribute('role') !== 'tab') expect(control.getAttribute('tabindex')).not.toBe('-1');
        const labelled =
          (control.textContent ?? '').trim() !== '' ||
          control.hasAttribute('aria-label') ||
          (control.id !== '' && document.querySelector(`label[for="${control.id}"]`) !== null);
        expect(labelled, control.outerHTML).toBe(true);
      }
    }
  });
});
