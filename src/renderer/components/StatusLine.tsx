/**
 * The panel's bottom line: how fresh the call list is (live, polling, degraded, offline, signed out)
 * with main's reason, and whose account this is. When updates lag, "Refresh calls" asks main to
 * re-read the call list now. When signed out, "Sign in" (where the window has somewhere to sign in)
 * takes the user there.
 */
import { useState } from 'preact/hooks';
import { useBridge } from '../bridge-context';
import { HEALTH_HINTS, HEALTH_LABELS } from '../labels';
import { requestWithNotice } from '../bridge-request';
import { status } from '../state';

export interface StatusLineProps {
  /** Takes the user to the account settings; without it, no "Sign in" button is offered. */
  onSignIn?: () => void;
}

export function StatusLine({ onSignIn }: StatusLineProps = {}) {
  const bridge = useBridge();
  const [refreshing, setRefreshing] = useState(false);
  const current = status.value;
  if (!current) {
    return (
      <footer class="status-line">
        <p class="status-text" role="status">
          <span class="health-dot" aria-hidden="true" />
          Connecting…
        </p>
      </footer>
    );
  }
  const lagging = current.health === 'degraded' || current.health === 'offline';
  const refresh = async () => {
    setRefreshing(true);
    await requestWithNotice(() => bridge.reconcile(), 'refresh the calls');
    setRefreshing(false);
  };
  return (
    <footer class={`status-line health-${current.health}`}>
      <p class="status-text" role="status">
        <span class="health-dot" aria-hidden="true" />
        <span class="health-label">{HEALTH_LABELS[current.health]}</span>
        <span class="health-detail"> — {current.detail || HEALTH_HINTS[current.health]}</span>
      </p>
      {current.account && <span class="status-account">{current.account.displayName}</span>}
      {lagging && (
        <button type="button" class="btn btn-small" disabled={refreshing} onClick={refresh}>
          Refresh calls
        </button>
      )}
      {current.health === 'signedOut' && onSignIn && (
        <button type="button" class="btn btn-small btn-primary" onClick={onSignIn}>
          Sign in
        </button>
      )}
    </footer>
  );
}
