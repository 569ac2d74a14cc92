// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  account,
  addNotice,
  appState,
  calls,
  connect,
  dialRequest,
  history,
  historyError,
  notices,
  settings,
  status,
} from '../../src/renderer/state';
import { err } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { historyEntry, makeCall, ringingCall } from './fixtures';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('connect', () => {
  it('loads calls, status, settings, app state and history from the bridge', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [makeCall()];
    bridge.historyResult = { ok: true, value: [historyEntry()] };
    const connection = connect(bridge);
    dispose = connection;
    await connection.ready;
    expect(calls.value.map((c) => c.id)).toEqual(['call-1']);
    expect(status.value?.health).toBe('live');
    expect(settings.value?.theme).toBe('system');
    expect(appState.value?.version).toBe('0.1.0');
    expect(history.value).toHaveLength(1);
  });

  it('follows every push from main', async () => {
    const bridge = new FakeBridge();
    const connection = connect(bridge);
    dispose = connection;
    await connection.ready;
    bridge.setCalls([ringingCall({ id: 'r' })]);
    bridge.setStatus({ health: 'offline', provider: 'webex', demo: true, detail: 'No network' });
    bridge.setHistory([historyEntry({ type: 'missed' })]);
    bridge.setApp({ demo: true });
    bridge.setSettings({ ...bridge.currentSettings, doNotDisturb: true });
    bridge.requestDial({ destination: '5021', source: 'selection' });
    bridge.notice({ kind: 'info', message: 'Reconnected.' });
    expect(calls.value.map((c) => c.id)).toEqual(['r']);
    expect(status.value?.detail).toBe('No network');
    expect(history.value[0]?.type).toBe('missed');
    expect(appState.value?.demo).toBe(true);
    expect(settings.value?.doNotDisturb).toBe(true);
    expect(dialRequest.value).toEqual({ destination: '5021', source: 'selection' });
    expect(notices.value.map((n) => n.message)).toEqual(['Reconnected.']);
  });

  it('a push that arrives before the first read answers is not overwritten by it', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [makeCall({ id: 'stale' })];
    const connection = connect(bridge);
    dispose = connection;
    bridge.setCalls([makeCall({ id: 'fresh' })]);
    await connection.ready;
    expect(calls.value.map((c) => c.id)).toEqual(['fresh']);
  });

  it('the disposer unsubscribes from every push', async () => {
    const bridge = new FakeBridge();
    const connection = connect(bridge);
    await connection.ready;
    expect(bridge.listenerCount()).toBe(9);
    connection();
    expect(bridge.listenerCount()).toBe(0);
    bridge.setCalls([makeCall({ id: 'after' })]);
    expect(calls.value).toEqual([]);
  });

  it('without history it neither reads nor follows it', async () => {
    const bridge = new FakeBridge();
    const connection = connect(bridge, { history: false });
    dispose = connection;
    await connection.ready;
    expect(bridge.historyQueries).toEqual([]);
    expect(bridge.listenerCount()).toBe(8);
  });

  it('reads the account and follows its changes; without it, neither', async () => {
    const bridge = new FakeBridge();
    bridge.builtInClientId = 'built-in-id';
    const connection = connect(bridge);
    dispose = connection;
    await connection.ready;
    expect(account.value).toMatchObject({ signedIn: false, clientId: 'built-in-id', signingIn: false });
    bridge.setAccount({ signedIn: true, method: 'pastedToken' });
    expect(account.value).toMatchObject({ signedIn: true, method: 'pastedToken' });
    connection();

    const popup = new FakeBridge();
    const reads: string[] = [];
    popup.account = () => {
      reads.push('account');
      return Promise.resolve({ ...bridge.accountState, clientId: '' });
    };
    const without = connect(popup, { history: false, account: false });
    dispose = without;
    await without.ready;
    expect(reads).toEqual([]);
    expect(account.value).toBeNull();
    popup.setAccount({ signedIn: true });
    expect(account.value).toBeNull();
  });

  it('a history the provider refused becomes a message, a read that throws becomes a notice', async () => {
    const bridge = new FakeBridge();
    bridge.historyResult = err('AUTH', 'Sign in to see your history.');
    bridge.status = () => Promise.reject(new Error('main is not answering'));
    const connection = connect(bridge);
    dispose = connection;
    await connection.ready;
    expect(historyError.value).toBe('Sign in to see your history.');
    expect(notices.value.map((n) => n.message)).toEqual(['Could not read the connection status: main is not answering']);
  });

  it('a new connection starts clean', async () => {
    const first = new FakeBridge();
    first.callList = [makeCall()];
    const one = connect(first);
    await one.ready;
    addNotice('error', 'old');
    one();
    const connection = connect(new FakeBridge());
    dispose = connection;
    expect(calls.value).toEqual([]);
    expect(notices.value).toEqual([]);
    await connection.ready;
  });
});

describe('notices', () => {
  it('shows the same message once and keeps only the latest few', () => {
    dispose = connect(new FakeBridge());
    addNotice('error', 'Hold failed.');
    addNotice('error', 'Hold failed.');
    expect(notices.value).toHaveLength(1);
    for (const n of [1, 2, 3, 4, 5]) addNotice('info', `notice ${n}`);
    expect(notices.value.map((n) => n.message)).toEqual(['notice 2', 'notice 3', 'notice 4', 'notice 5']);
  });
});
