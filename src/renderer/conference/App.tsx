/**
 * The conference window: with no conference, Merge my answered calls; with one, its state, my own
 * controls (mute, hold, leave, release), each participant with mute and deafen, and Add to conference.
 * Notices and the event-health line as in the panel. Escape hides the window when nothing inside used
 * the key. Works with the Bridge alone (Electron's preload or the browser preview).
 */
import { useEscapeHides } from '../use-escape-hides';
import { Notices } from '../components/Notices';
import { StatusLine } from '../components/StatusLine';
import { conference } from '../state';
import { ConferenceView } from './ConferenceView';
import { MergeForm } from './MergeForm';

export function ConferenceApp() {

  useEscapeHides('conference');

  const current = conference.value;
  const live = current && current.state !== 'disconnected' ? current : null;

  return (
    <div class="conference-page">
      <header class="conference-head">
        <h1 class="conference-title">Conference</h1>
      </header>
      <Notices />
      <main class="conference-body">
        {current?.state === 'disconnected' && (
          <p class="form-note" role="status">
            The conference has ended.
          </p>
        )}
        {live ? <ConferenceView conference={live} /> : <MergeForm />}
      </main>
      <StatusLine />
    </div>
  );
}
