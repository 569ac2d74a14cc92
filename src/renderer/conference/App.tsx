/**
 * The conference window: every conference in progress (there may be several at once), each in its own
 * section with its heading, state, my own controls (mute, hold, leave, release), each participant with
 * mute and deafen, and Add to conference; and Merge, which starts a new one, whenever my calls offer
 * it (or there is no conference yet). Notices and the event-health line as in the panel. Escape hides
 * the window when nothing inside used the key. Works with the Bridge alone (Electron's preload or the
 * browser preview).
 */
import { useEscapeHides } from '../use-escape-hides';
import { Notices } from '../components/Notices';
import { StatusLine } from '../components/StatusLine';
import type { Conference } from '../../shared/domain';
import { calls, conferences } from '../state';
import { ConferenceView } from './ConferenceView';
import { MergeForm, mergeableCalls } from './MergeForm';

/** Oldest first, so a conference keeps its place when another starts. */
const byAge = (a: Conference, b: Conference): number => a.createdAt.localeCompare(b.createdAt);

export function ConferenceApp() {

  useEscapeHides('conference');

  const all = conferences.value;
  const live = all.filter((c) => c.state !== 'disconnected').sort(byAge);
  const ended = all.length - live.length;
  const canMerge = mergeableCalls(calls.value, all).length > 0;

  return (
    <div class="conference-page">
      <header class="conference-head">
        <h1 class="conference-title">{live.length > 1 ? `Conferences (${live.length})` : 'Conference'}</h1>
      </header>
      <Notices />
      <main class="conference-body">
        {ended > 0 && (
          <p class="form-note" role="status">
            {ended === 1 ? 'The conference has ended.' : `${ended} conferences have ended.`}
          </p>
        )}
        {live.map((conference) => (
          <ConferenceView key={conference.id} conference={conference} several={live.length > 1} />
        ))}
        {(live.length === 0 || canMerge) && <MergeForm />}
      </main>
      <StatusLine />
    </div>
  );
}
