/**
 * The Calls view: my current calls, ringing ones first, then the dialer. With two or more calls, or a
 * conference (or several: the button says how many), "Conference" opens the conference window; a
 * provider that starts conferences of its own (or bridges) offers it at any time. A provider without
 * conferences, starting them or bridges has no Conference button.
 */
import type { Call, CallState } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { CallCard } from '../components/CallCard';
import { Dialer } from '../components/Dialer';
import { requestWithNotice } from '../bridge-request';
import { calls, capabilities, conferences } from '../state';

const STATE_ORDER: Record<CallState, number> = {
  alerting: 0,
  connecting: 1,
  connected: 2,
  remoteHeld: 3,
  held: 4,
  unknown: 5,
  disconnected: 6,
};

function byUrgency(a: Call, b: Call): number {
  return STATE_ORDER[a.state] - STATE_ORDER[b.state] || (Date.parse(a.createdAt) || 0) - (Date.parse(b.createdAt) || 0);
}

function ConferenceButton({ live }: { live: number }) {
  const bridge = useBridge();
  const open = () => requestWithNotice(() => bridge.openWindow({ name: 'conference' }), 'open the conference window');
  return (
    <div class="calls-toolbar">
      <button type="button" class="btn" onClick={() => void open()}>
        {live > 1 ? `Conferences (${live})` : 'Conference'}
      </button>
    </div>
  );
}

export function CallsView() {
  const list = calls.value.slice().sort(byUrgency);
  const active = list.filter((c) => c.state !== 'disconnected').length;
  const live = conferences.value.filter((c) => c.state !== 'disconnected').length;
  const can = capabilities.value;
  const showConference =
    (can.has('conference') || can.has('bridge') || can.has('startConference')) && (active >= 2 || live > 0 || can.has('startConference'));
  return (
    <div class="calls-view">
      {showConference && <ConferenceButton live={live} />}
      <section aria-labelledby="calls-heading" class="call-list">
        <h2 id="calls-heading" class="visually-hidden">
          Current calls
        </h2>
        {list.length === 0 ? <p class="empty">No calls right now.</p> : list.map((call) => <CallCard key={call.id} call={call} />)}
      </section>
      <Dialer />
    </div>
  );
}
