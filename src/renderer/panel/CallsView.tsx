/**
 * The Calls view: my current calls, ringing ones first, then the dialer.
 */
import type { Call, CallState } from '../../shared/domain';
import { CallCard } from '../components/CallCard';
import { Dialer } from '../components/Dialer';
import { calls } from '../state';

const STATE_ORDER: Record<CallState, number> = {
  alerting: 0,
  connecting: 1,
  connected: 2,
  remoteHeld: 3,
  held: 4,
  disconnected: 5,
};

function byUrgency(a: Call, b: Call): number {
  return STATE_ORDER[a.state] - STATE_ORDER[b.state] || (Date.parse(a.createdAt) || 0) - (Date.parse(b.createdAt) || 0);
}

export function CallsView() {
  const list = calls.value.slice().sort(byUrgency);
  return (
    <div class="calls-view">
      <section aria-label="Current calls" class="call-list">
        {list.length === 0 ? <p class="empty">No calls right now.</p> : list.map((call) => <CallCard key={call.id} call={call} />)}
      </section>
      <Dialer />
    </div>
  );
}
