/**
 * Test fixtures for renderer tests: calls and history entries with sensible defaults, and `mount()`,
 * which connects the state to a FakeBridge, waits for the initial reads and renders a view inside the
 * bridge context. `unmountAll()` (afterEach) disposes the connection and the DOM.
 */
import { act, cleanup, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { BridgeContext } from '../../src/renderer/bridge-context';
import { missedSeenUpTo } from '../../src/renderer/components/missed-calls';
import { type ConnectOptions, connect } from '../../src/renderer/state';
import type { Call, Conference, HistoryEntry } from '../../src/shared/domain';
import { FakeBridge } from './fake-bridge';

export function makeCall(overrides: Partial<Call> = {}): Call {
  return {
    id: 'call-1',
    provider: 'webex',
    sessionId: 'session-1',
    direction: 'incoming',
    state: 'connected',
    remote: { name: 'Alice Smith', number: '+15550100001', privacy: false, callType: 'external' },
    createdAt: '2026-01-05T10:00:00.000Z',
    answeredAt: '2026-01-05T10:00:05.000Z',
    redirections: [],
    muted: false,
    muteCapable: true,
    actions: [],
    ...overrides,
  };
}

export function ringingCall(overrides: Partial<Call> = {}): Call {
  return makeCall({
    state: 'alerting',
    answeredAt: undefined,
    muteCapable: false,
    actions: ['answer', 'decline', 'toVoicemail'],
    ...overrides,
  });
}

/** A connected conference; each test names its members and the actions its provider offers. */
export function makeConference(shape: Pick<Conference, 'participants' | 'actions'>, overrides: Partial<Conference> = {}): Conference {
  return {
    id: 'conf-1',
    state: 'connected',
    muted: false,
    createdAt: '2026-01-05T10:01:00.000Z',
    ...shape,
    ...overrides,
  };
}

export function historyEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return { type: 'received', name: 'Bob Jones', number: '+15550100002', privacy: false, time: '2026-01-05T09:00:00.000Z', ...overrides };
}

let disposers: (() => void)[] = [];

export async function mount(ui: ComponentChildren, bridge: FakeBridge = new FakeBridge(), options: ConnectOptions = {}) {
  const connection = connect(bridge, options);
  disposers.push(connection);
  await act(async () => {
    await connection.ready;
  });
  const result = render(<BridgeContext.Provider value={bridge}>{ui}</BridgeContext.Provider>);
  return { bridge, ...result };
}

export function unmountAll(): void {
  cleanup();
  for (const dispose of disposers) dispose();
  disposers = [];
  missedSeenUpTo.value = null;
  delete document.documentElement.dataset.theme;
}

/** Lets pending promise callbacks (a command's answer) and the re-render they cause run. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
