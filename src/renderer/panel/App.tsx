/**
 * The tray panel: Calls (current calls and the dialer), History and Settings as tabs, notices, and the
 * event-health line at the bottom. In demo mode it offers "Simulate incoming call". A number from a
 * link brings the Calls tab forward; the status line's "Sign in" brings Settings forward with focus on
 * the Account section. Escape hides the panel when nothing inside used the key. A provider without call
 * history (its capabilities) has no History tab.
 */
import { useEffect, useState } from 'preact/hooks';
import { useBridge } from '../bridge-context';
import { useEscapeHides } from '../use-escape-hides';
import { History } from '../components/History';
import { unseenMissedCount } from '../components/missed-calls';
import { Notices } from '../components/Notices';
import { SettingsView } from '../components/SettingsView';
import { StatusLine } from '../components/StatusLine';
import { TabList, tabId } from '../components/TabList';
import { appState, calls, capabilities, dialRequest } from '../state';
import { CallsView } from './CallsView';
import { SimulateMenu } from './SimulateMenu';

type View = 'calls' | 'history' | 'settings';
const ID_BASE = 'view';
const PANEL_ID = 'view-panel';

export function PanelApp() {
  const bridge = useBridge();
  const [chosen, setView] = useState<View>('calls');
  const withHistory = capabilities.value.has('history');
  // A provider swap can take the History tab away while it is open: Calls takes its place.
  const view: View = chosen === 'history' && !withHistory ? 'calls' : chosen;
  const [focusAccount, setFocusAccount] = useState(false);
  const request = dialRequest.value;

  useEffect(() => {
    if (request) setView('calls');
  }, [request]);

  // Main asks for a view (the tray's Settings or Sign in…).
  useEffect(
    () =>
      bridge.onViewRequested(({ view: wanted, focusAccount: focus }) => {
        setView(wanted);
        if (focus) setFocusAccount(true);
      }),
    [bridge],
  );

  useEscapeHides();

  const active = calls.value.filter((c) => c.state !== 'disconnected').length;
  const items = [
    { key: 'calls' as const, label: active > 0 ? `Calls (${active})` : 'Calls' },
    ...(withHistory ? [{ key: 'history' as const, label: 'History', badge: unseenMissedCount.value }] : []),
    { key: 'settings' as const, label: 'Settings' },
  ];

  return (
    <div class="panel">
      <header class="panel-head">
        <h1 class="visually-hidden">Switchboard</h1>
        <TabList idBase={ID_BASE} panelId={PANEL_ID} label="Switchboard" items={items} selected={view} onSelect={setView} />
        {appState.value?.demo && <SimulateMenu />}
      </header>
      <Notices />
      <main class="panel-body">
        <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(ID_BASE, view)}>
          {view === 'calls' && <CallsView />}
          {view === 'history' && <History />}
          {view === 'settings' && <SettingsView focusAccount={focusAccount} onAccountFocused={() => setFocusAccount(false)} />}
        </div>
      </main>
      <StatusLine
        onSignIn={() => {
          setView('settings');
          setFocusAccount(true);
        }}
      />
    </div>
  );
}
