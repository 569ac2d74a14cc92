// @vitest-environment happy-dom
// axe-core's rule set over each view as a user would reach it (colour contrast needs real layout, so
// it is left to the browser end-to-end run).
import { fireEvent, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../src/renderer/panel/App';
import { PopupApp } from '../../src/renderer/popup/App';
import { FakeBridge } from './fake-bridge';
import { historyEntry, makeCall, mount, ringingCall, unmountAll } from './fixtures';

afterEach(unmountAll);

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

function panelBridge(): FakeBridge {
  const bridge = new FakeBridge();
  bridge.app = { ...bridge.app, demo: true, shortcutFailures: ['hangup'] };
  bridge.callList = [
    makeCall({ id: 'a', actions: ['hangup', 'hold', 'mute', 'transfer', 'attendedTransfer', 'muteTransfer', 'park', 'dtmf', 'startRecording'], recording: 'started' }),
    makeCall({ id: 'b', state: 'held', remote: { name: 'Carol White', privacy: false }, actions: ['resume'] }),
    ringingCall({ id: 'c', remote: { privacy: true }, actions: ['answer', 'decline', 'divert'], redirections: [{ reason: 'callQueue', by: { name: 'Support', privacy: false } }] }),
  ];
  bridge.historyResult = { ok: true, value: [historyEntry(), historyEntry({ type: 'missed', privacy: true, name: undefined, number: undefined })] };
  return bridge;
}

describe('accessibility (axe)', () => {
  it('panel: calls with the transfer form, keypad and forward form open', async () => {
    await mount(<PanelApp />, panelBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Simulate incoming call' }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Transfer' })[0] as HTMLElement);
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Keypad' })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    expect(await violations()).toEqual([]);
  });

  it('panel: history and settings', async () => {
    await mount(<PanelApp />, panelBridge());
    fireEvent.click(screen.getByRole('tab', { name: /^History/ }));
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(await violations()).toEqual([]);
  });

  it('popup with stacked ringing calls', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      ringingCall({ id: 'a' }),
      ringingCall({ id: 'b', remote: { name: 'Dan Brown', privacy: false }, recall: { type: 'park', party: { number: '5021', privacy: false } } }),
    ];
    await mount(<PopupApp />, bridge, { history: false });
    expect(await violations()).toEqual([]);
  });
});
