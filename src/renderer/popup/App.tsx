/**
 * The incoming-call popup: every ringing incoming call, stacked, each with the reason it reaches me.
 * A new call is announced through an assertive live region; the first call's Answer takes keyboard
 * focus so Enter answers once the user turns to the popup (main shows it inactive, so nothing is
 * stolen). With no call ringing it shows nothing and main hides the window. Escape hides it early.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ringingCalls } from '../../shared/call-states';
import { useEscapeHides } from '../use-escape-hides';
import { incomingAnnouncement } from '../call-text';
import { Notices } from '../components/Notices';
import { calls } from '../state';
import { IncomingCall } from './IncomingCall';

export function PopupApp() {
  const ringing = ringingCalls(calls.value);
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef<Set<string>>(new Set());
  const firstAnswer = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const ids = ringing.map((c) => c.id).join('\n');
  const firstId = ringing[0]?.id;

  // Announce only the calls that started ringing since the last announcement.
  useEffect(() => {
    const fresh = ringing.filter((c) => !announced.current.has(c.id));
    announced.current = new Set(ringing.map((c) => c.id));
    if (ringing.length === 0) setAnnouncement('');
    else if (fresh.length > 0) setAnnouncement(fresh.map(incomingAnnouncement).join('. '));
  }, [ids]); // the id list is the change that matters; `ringing` is rebuilt every render

  useEffect(() => {
    if (firstId) firstAnswer.current?.focus();
  }, [firstId]);

  useEscapeHides();

  return (
    <>
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
      {ringing.length > 0 && (
        <main class="popup" aria-labelledby={headingId}>
          <h1 id={headingId} class="visually-hidden">
            {ringing.length === 1 ? 'Incoming call' : `${ringing.length} incoming calls`}
          </h1>
          {ringing.map((call, i) => (
            <IncomingCall key={call.id} call={call} answerRef={i === 0 ? firstAnswer : undefined} />
          ))}
          <Notices />
        </main>
      )}
    </>
  );
}
