/**
 * The conference window: every conference and bridge in progress (there may be several at once), each
 * in its own section with its heading, state, its own controls, each participant with theirs, and the
 * ways to add people; then the ways to make a new one — Start conference (when the provider can),
 * Merge my calls, Bridge two calls (when the provider can) — whenever my calls offer them or nothing is
 * in progress. Notices and the event-health line as in the panel. Escape hides the window when nothing
 * inside used the key. Works with the Bridge alone (Electron's preload or the browser preview).
 */
import { useEscapeHides } from '../use-escape-hides';
import { Notices } from '../components/Notices';
import { StatusLine } from '../components/StatusLine';
import type { Conference } from '../../shared/domain';
import { calls, conferences, capabilities as currentCapabilitiesSignal } from '../state';
import { BridgeForm } from './BridgeForm';
import { ConferenceView } from './ConferenceView';
import { MergeForm, mergeableCalls } from './MergeForm';

/** Oldest first, so a conference keeps its place when another starts. */
const byAge = (a: Conference, b: Conference): number => a.createdAt.localeCompare(b.createdAt);

function endedText(ended: readonly Conference[]): string {
  if (ended.length > 1) return `${ended.length} conferences have ended.`;
  return ended[0]?.type === 'bridge' ? 'The bridge has ended.' : 'The conference has ended.';
}

export function ConferenceApp() {
  useEscapeHides();

  const all = conferences.value;
  const live = all.filter((c) => c.state !== 'disconnected').sort(byAge);
  const ended = all.filter((c) => c.state === 'disconnected');
  const joinable = mergeableCalls(calls.value, all).length >= 2;
  const capabilities = currentCapabilitiesSignal.value;
  const canStart = capabilities.has('startConference');
  const canBridge = capabilities.has('bridge');

  return (
    <div class="conference-page">
      <header class="conference-head">
        <h1 class="conference-title">{live.length > 1 ? `Conferences (${live.length})` : 'Conference'}</h1>
      </header>
      <Notices />
      <main class="conference-body">
        {ended.length > 0 && (
          <p class="form-note" role="status">
            {endedText(ended)}
          </p>
        )}
        {live.length === 0 && <p class="empty">No conference in progress.</p>}
        {live.map((conference) => (
          <ConferenceView key={conference.id} conference={conference} several={live.length > 1} />
        ))}
        {(live.length === 0 || joinable || canStart) && <MergeForm canStart={canStart} />}
        {canBridge && (live.length === 0 || joinable) && <BridgeForm />}
      </main>
      <StatusLine />
    </div>
  );
}
