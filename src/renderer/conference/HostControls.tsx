/**
 * My own controls in the conference: Mute/Unmute, Hold/Resume, Leave conference (a three-way call
 * only: the other two stay connected, as the reference recommends instead of releasing), and Release
 * conference, which asks first because it hangs up everyone. The question is an inline alertdialog:
 * focus goes to Cancel, Escape closes it and returns focus to Release conference.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ACTION_LABELS } from '../../shared/action-labels';
import type { ConferenceCommand } from '../../shared/contract';
import type { Action, Conference } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { partyTitle } from '../../shared/party-text';
import { sendConferenceCommand } from '../send-conference-command';

type HostCommand = Extract<ConferenceCommand['type'], 'muteHost' | 'unmuteHost' | 'holdConference' | 'resumeConference' | 'leave'>;

/** Action (its button named by ACTION_LABELS) → command. Order is display order. */
const HOST_BUTTONS = [
  ['mute', 'muteHost'],
  ['unmute', 'unmuteHost'],
  ['hold', 'holdConference'],
  ['resume', 'resumeConference'],
] as const satisfies readonly (readonly [Action, HostCommand])[];

export function HostControls({ conference, busy }: { conference: Conference; busy: boolean }) {
  const bridge = useBridge();
  const [confirming, setConfirming] = useState(false);
  const releaseRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmId = useId();
  const questionId = useId();
  const detailId = useId();
  const leaveHintId = useId();
  const has = (action: Action) => conference.actions.includes(action);
  const send = (type: HostCommand | 'release') => sendConferenceCommand(bridge, { type, conferenceId: conference.id });

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const closeConfirm = () => {
    setConfirming(false);
    releaseRef.current?.focus();
  };

  const release = async () => {
    setConfirming(false);
    await send('release');
  };

  const onConfirmKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The window would hide on Escape: here it only closes the question.
    event.preventDefault();
    closeConfirm();
  };

  const names = conference.participants.map((p) => (p.party ? partyTitle(p.party) : 'a participant')).join(', ');

  return (
    <div class="host-controls">
      <div class="call-actions" role="group" aria-label="Your controls in the conference">
        {HOST_BUTTONS.filter(([action]) => has(action)).map(([action, type]) => (
          <button key={action} type="button" class={`btn btn-${action}`} disabled={busy} onClick={() => void send(type)}>
            {ACTION_LABELS[action]}
          </button>
        ))}
        {has('leaveConference') && (
          <button type="button" class="btn" disabled={busy} aria-describedby={leaveHintId} onClick={() => void send('leave')}>
            {ACTION_LABELS.leaveConference}
          </button>
        )}
        {has('releaseConference') && (
          <button
            ref={releaseRef}
            type="button"
            class="btn btn-hangup"
            disabled={busy}
            aria-expanded={confirming}
            aria-controls={confirmId}
            onClick={() => (confirming ? closeConfirm() : setConfirming(true))}
          >
            {ACTION_LABELS.releaseConference}
          </button>
        )}
      </div>
      {has('leaveConference') && (
        <p id={leaveHintId} class="field-hint">
          {ACTION_LABELS.leaveConference}: you hang up and the other two stay connected to each other.
        </p>
      )}
      <div id={confirmId}>
        {confirming && (
          <div class="confirm" role="alertdialog" aria-labelledby={questionId} aria-describedby={detailId} onKeyDown={onConfirmKeyDown}>
            <p id={questionId} class="confirm-question">
              Release the conference?
            </p>
            <p id={detailId} class="confirm-detail">
              {`This hangs up everyone: you and ${names}.`}
            </p>
            <div class="form-actions">
              <button type="button" class="btn btn-hangup" onClick={() => void release()}>
                Release for everyone
              </button>
              <button ref={cancelRef} type="button" class="btn" onClick={closeConfirm}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
