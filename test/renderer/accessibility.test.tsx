// @vitest-environment happy-dom
// axe-core's rule set over each view as a user would reach it (colour contrast needs real layout, so
// it is left to the browser end-to-end run).
import { act, fireEvent, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ConferenceApp } from '../../src/renderer/conference/App';
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
    makeCall({
      id: 'a',
      actions: ['hangup', 'hold', 'mute', 'transfer', 'attendedTransfer', 'muteTransfer', 'park', 'dtmf', 'startRecording'],
      recording: 'started',
    }),
    makeCall({ id: 'b', state: 'held', remote: { name: 'Carol White', privacy: false }, actions: ['resume'] }),
    ringingCall({
      id: 'c',
      remote: { privacy: true },
      actions: ['answer', 'decline', 'divert'],
      redirections: [{ reason: 'callQueue', by: { name: 'Support', privacy: false } }],
    }),
  ];
  bridge.historyResult = {
    ok: true,
    value: [historyEntry(), historyEntry({ type: 'missed', privacy: true, name: undefined, number: undefined })],
  };
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
      ringingCall({
        id: 'b',
        remote: { name: 'Dan Brown', privacy: false },
        recall: { type: 'park', party: { number: '5021', privacy: false } },
      }),
    ];
    await mount(<PopupApp />, bridge, { history: false });
    expect(await violations()).toEqual([]);
  });

  it('conference window: merging, then a conference with the release question open', async () => {
    const bridge = new FakeBridge();
    const ada = makeCall({ id: 'a', actions: ['merge', 'hangup'] });
    const bob = makeCall({
      id: 'b',
      state: 'held',
      remote: { name: 'Bob Jones', number: '+15550102', privacy: false },
      actions: ['merge', 'resume'],
    });
    bridge.callList = [
      ada,
      bob,
      makeCall({ id: 'c', state: 'held', remote: { name: 'Carol White', privacy: false }, actions: ['resume'] }),
    ];
    await mount(<ConferenceApp />, bridge, { history: false });
    expect(await violations()).toEqual([]);
    act(() =>
      bridge.setCalls([
        ada,
        bob,
        makeCall({ id: 'c', state: 'held', remote: { name: 'Carol White', privacy: false }, actions: ['resume', 'addToConference'] }),
        makeCall({ id: 'd', state: 'held', remote: { name: 'Dan Brown', privacy: false }, actions: ['addToConference'] }),
      ]),
    );
    act(() =>
      bridge.setConferences([
        {
          id: 'conf-1',
          state: 'connected',
          muted: true,
          createdAt: '2026-01-05T10:01:00.000Z',
          participants: [
            { callId: 'a', muted: true, deafened: false, party: ada.remote, actions: ['unmute', 'deafen'] },
            { callId: 'b', muted: false, deafened: true, party: bob.remote, actions: ['mute', 'undeafen'], pending: 'undeafen' },
          ],
          actions: ['unmute', 'hold', 'addToConference', 'leaveConference', 'releaseConference'],
        },
      ]),
    );
    await screen.findByRole('button', { name: 'Release conference' });
    fireEvent.click(screen.getByRole('button', { name: 'Release conference' }));
    expect(await violations()).toEqual([]);
  });

  it('account settings: signed out with the paste form open and a sign-in waiting, then signed in with the sign-out question', async () => {
    const bridge = panelBridge();
    bridge.currentSettings.providers.webex.clientId = 'my-client-id';
    bridge.accountState = {
      ...bridge.accountState,
      persistent: false,
      persistenceNote: 'No keyring on this system.',
      clientSecretSaved: true,
    };
    bridge.signInOutcome = 'wait';
    await mount(<PanelApp />, bridge);
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Paste an access token instead' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Webex' }));
    await screen.findByRole('button', { name: 'Cancel' });
    expect(await violations()).toEqual([]);
    act(() => bridge.finishSignIn({ ok: true }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await violations()).toEqual([]);
  });

  it('every window has one level-one heading naming it', async () => {
    await mount(<PanelApp />, panelBridge());
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Switchboard']);
    unmountAll();
    const popup = new FakeBridge();
    popup.callList = [ringingCall()];
    await mount(<PopupApp />, popup, { history: false, account: false });
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Incoming call']);
    unmountAll();
    await mount(<ConferenceApp />, new FakeBridge(), { history: false, account: false });
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Conference']);
  });
});
