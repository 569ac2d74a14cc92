/**
 * How fresh the call list is (its event health, shown in the tray and the status line): live, polling, degraded, offline or signedOut,
 * with a sentence a person can read and the time of the last successful read. Emits on every change of
 * state or sentence (not on each successful read: lastSyncAt rides along with the next change).
 * Must not import electron.
 */
import type { EventHealth } from '../../shared/domain';
import { createEmitter, type Listener, type Unsubscribe } from '../foundation/typed-emitter';
import { safeProviderText } from '../provider-api/provider-error';

export interface HealthState {
  health: EventHealth;
  /** Why the list is in this state, e.g. "Cannot reach Webex: check the network connection." */
  detail?: string;
  /** ISO time of the last successful read of the call list. */
  lastSyncAt?: string;
}

export interface EventHealthTracker {
  current(): HealthState;
  /**
   * A full read succeeded at `at`: the list is fresh again ('polling' unless push events are live), with
   * `detail` as the sentence (default: the usual one for that state).
   */
  synced(at: Date, via?: 'polling' | 'live', detail?: string): void;
  /** Anything else: degraded, offline, signedOut (or a change of sentence). */
  set(health: EventHealth, detail?: string): void;
  on(listener: Listener<HealthState>): Unsubscribe;
}

function defaultDetail(health: EventHealth, providerName: string): string {
  switch (health) {
    case 'live':
      return `Calls update as ${providerName} reports them.`;
    case 'polling':
      return `Switchboard checks ${providerName} for call changes every few seconds.`;
    case 'degraded':
      return `${providerName} is not answering reliably: calls shown may be out of date.`;
    case 'offline':
      return 'No network connection: calls will refresh when it is back.';
    case 'signedOut':
      return `Signed out of ${providerName}: sign in again to see your calls.`;
  }
}

export function createEventHealth(options: { providerName: string; initial?: EventHealth }): EventHealthTracker {
  const emitter = createEmitter<{ change: HealthState }>();
  const initial = options.initial ?? 'polling';
  let state: HealthState = { health: initial, detail: defaultDetail(initial, options.providerName) };

  function update(next: HealthState): void {
    // The detail is shown in every window and the tray: provider text in it is made safe like any error's.
    if (next.detail !== undefined) next = { ...next, detail: safeProviderText(next.detail) };
    const changed = next.health !== state.health || next.detail !== state.detail;
    state = next;
    if (changed) emitter.emit('change', { ...state });
  }

  return {
    current: () => ({ ...state }),
    synced(at, via = 'polling', detail) {
      update({ health: via, detail: detail ?? defaultDetail(via, options.providerName), lastSyncAt: at.toISOString() });
    },
    set(health, detail) {
      update({ health, detail: detail ?? defaultDetail(health, options.providerName), lastSyncAt: state.lastSyncAt });
    },
    on: (listener) => emitter.on('change', listener),
  };
}
