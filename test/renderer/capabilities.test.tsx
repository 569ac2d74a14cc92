// @vitest-environment happy-dom
/**
 * The current provider's capabilities decide what the panel offers outside a call's own actions:
 * Pick up, Barge in, Retrieve and Listen in the dialer, the History tab, the Line picker and the
 * Conference button. Webex (every capability it has today) sees what it always saw.
 */
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialer } from '../../src/renderer/components/Dialer';
import { Notices } from '../../src/renderer/components/Notices';
import { SettingsView } from '../../src/renderer/components/SettingsView';
import { PanelApp } from '../../src/renderer/panel/App';
import { ok } from '../../src/shared/result';
import { capabilities } from '../../src/renderer/state';
import type { Status } from '../../src/shared/domain';
import { FakeBridge, WEBEX_INFO } from './fake-bridge';
import { makeCall, mount, settle, unmountAll } from './fixtures';
import { BANDWIDTH_LIKE, RINGCENTRAL_LIKE, useProvider } from './provider-infos';

afterEach(unmountAll);

const TWO_LINES: Status['account'] = {
  provider: 'webex',
  displayName: 'Grace',
  lines: [
    { id: '', label: 'My line', primary: true },
    { id: 'owner-2', label: 'Virtual line', primary: false },
  ],
};

function moreButtons(): string[] {
  const group = screen.queryByRole('group', { name: 'More ways to take a call' });
  return group
    ? within(group)
        .getAllByRole('button')
        .map((b) => b.textContent ?? '')
    : [];
}

async function mountDialer(bridge: FakeBridge) {
  await mount(
    <>
      <Notices />
      <Dialer />
    </>,
    bridge,
  );
  return screen.getByLabelText('Number to call') as HTMLInputElement;
}

describe('dialer by capability', () => {
  it('Webex: Pick up, Barge in and Retrieve as before, no Listen', async () => {
    await mountDialer(new FakeBridge());
    expect(moreButtons()).toEqual(['Pick up', 'Barge in', 'Retrieve']);
    expect(screen.getByText(/Leave the field empty to pick up your group’s ringing call or retrieve a call parked on you\./)).toBeTruthy();
  });

  it('a Bandwidth-like provider: none of them, and no hint about them', async () => {
    await mountDialer(useProvider(new FakeBridge(), BANDWIDTH_LIKE));
    expect(moreButtons()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Pick up' })).toBeNull();
    expect(screen.queryByText(/Leave the field empty/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Dial' })).toBeTruthy();
  });

  it('a RingCentral-like provider: Listen sends the colleague’s extension', async () => {
    const bridge = useProvider(new FakeBridge(), RINGCENTRAL_LIKE);
    const field = await mountDialer(bridge);
    expect(moreButtons()).toEqual(['Pick up', 'Retrieve', 'Listen']);
    fireEvent.input(field, { target: { value: '1042' } });
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'listen', target: '1042' }]);
    expect(field.value).toBe('');
  });

  it('Listen with an empty field asks for the extension and sends nothing', async () => {
    const bridge = useProvider(new FakeBridge(), RINGCENTRAL_LIKE);
    const field = await mountDialer(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the extension of the colleague to listen to.')).toBeTruthy();
  });

  it('Listen is a real button in the tab order (Enter and Space press it)', async () => {
    await mountDialer(useProvider(new FakeBridge(), RINGCENTRAL_LIKE));
    const listen = screen.getByRole('button', { name: 'Listen' });
    expect(listen.tagName).toBe('BUTTON');
    expect(listen.getAttribute('type')).toBe('button');
    expect(listen.getAttribute('tabindex')).not.toBe('-1');
    listen.focus();
    expect(document.activeElement).toBe(listen);
  });

  it('the Line picker shows only for a provider with lines', async () => {
    const webex = new FakeBridge();
    webex.currentStatus = { ...webex.currentStatus, account: TWO_LINES };
    await mountDialer(webex);
    expect(screen.getByLabelText('Line')).toBeTruthy();
    unmountAll();

    const other = useProvider(new FakeBridge(), RINGCENTRAL_LIKE);
    other.currentStatus = { ...other.currentStatus, account: { ...TWO_LINES, provider: 'ringcentral' } };
    await mountDialer(other);
    expect(screen.queryByLabelText('Line')).toBeNull();
  });

  it('follows a provider swap: the buttons change when the status names another provider', async () => {
    const bridge = new FakeBridge();
    bridge.app = { ...bridge.app, providers: [WEBEX_INFO, BANDWIDTH_LIKE] };
    await mountDialer(bridge);
    expect(moreButtons()).toEqual(['Pick up', 'Barge in', 'Retrieve']);
    act(() => bridge.setStatus({ health: 'polling', provider: 'bandwidth', demo: true }));
    expect(moreButtons()).toEqual([]);
    expect([...capabilities.value].sort()).toEqual([...BANDWIDTH_LIKE.capabilities].sort());
  });
});

describe('panel by capability', () => {
  it('Webex keeps its History tab; a provider without history has none', async () => {
    await mount(<PanelApp />);
    expect(
      within(screen.getByRole('tablist', { name: 'Switchboard' }))
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['Calls', 'History', 'Settings']);
    unmountAll();

    await mount(<PanelApp />, useProvider(new FakeBridge(), BANDWIDTH_LIKE));
    expect(
      within(screen.getByRole('tablist', { name: 'Switchboard' }))
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['Calls', 'Settings']);
  });

  it('an open History tab gives way to Calls when the provider loses history', async () => {
    const { bridge } = await mount(
      <PanelApp />,
      (() => {
        const b = new FakeBridge();
        b.app = { ...b.app, providers: [WEBEX_INFO, BANDWIDTH_LIKE] };
        return b;
      })(),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    act(() => bridge.setStatus({ health: 'polling', provider: 'bandwidth', demo: true }));
    expect(screen.queryByRole('tab', { name: 'History' })).toBeNull();
    expect(screen.getByRole('tab', { name: 'Calls' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('region', { name: 'Dialer' })).toBeTruthy();
  });

  it('Webex: two calls offer Conference', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [makeCall({ id: 'a' }), makeCall({ id: 'b', state: 'held' })];
    await mount(<PanelApp />, bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Conference' }));
    await settle();
    expect(bridge.opened).toEqual(['conference']);
  });

  it('a provider without conferences or bridges has no Conference button, even with two calls', async () => {
    const bridge = useProvider(new FakeBridge(), { ...RINGCENTRAL_LIKE, capabilities: ['pickup', 'history'] });
    bridge.callList = [makeCall({ id: 'a' }), makeCall({ id: 'b', state: 'held' })];
    await mount(<PanelApp />, bridge);
    expect(screen.queryByRole('button', { name: 'Conference' })).toBeNull();
  });

  it('a provider that starts conferences offers Conference with no call at all', async () => {
    await mount(<PanelApp />, useProvider(new FakeBridge(), BANDWIDTH_LIKE));
    expect(screen.getByText('No calls right now.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Conference' })).toBeTruthy();
  });
});

describe('answer device by capability', () => {
  it('Webex: chooses the device to answer and dial on, saved in its settings section', async () => {
    const bridge = new FakeBridge();
    bridge.answerEndpoints = async () =>
      ok([
        { id: 'ep-1', name: 'Desk phone', type: 'DEVICE', preferred: true },
        { id: 'ep-2', name: 'Webex app', type: 'APPLICATION', preferred: false },
      ]);
    await mount(<SettingsView />, bridge);
    await settle();
    const select = screen.getByLabelText('Answer and dial on') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Your primary device', 'Desk phone', 'Webex app']);
    fireEvent.change(select, { target: { value: 'ep-2' } });
    await settle();
    expect(bridge.settingsPatches).toEqual([{ providers: { webex: { answerEndpointId: 'ep-2' } } }]);
    expect(select.value).toBe('ep-2');
  });

  it('signed out there is no chooser and nothing is read', async () => {
    const bridge = new FakeBridge();
    let reads = 0;
    bridge.answerEndpoints = async () => {
      reads += 1;
      return ok([]);
    };
    bridge.currentStatus = { health: 'signedOut', provider: 'webex', demo: false, detail: 'Signed out.' };
    await mount(<SettingsView />, bridge);
    await settle();
    expect(screen.queryByLabelText('Answer and dial on')).toBeNull();
    expect(reads).toBe(0);
  });

  it('a provider without answer devices has no chooser and reads none', async () => {
    const bridge = useProvider(new FakeBridge(), BANDWIDTH_LIKE);
    let reads = 0;
    bridge.answerEndpoints = async () => {
      reads += 1;
      return ok([]);
    };
    await mount(<SettingsView />, bridge);
    await settle();
    expect(screen.queryByLabelText('Answer and dial on')).toBeNull();
    expect(reads).toBe(0);
  });
});
