/**
 * One participant: who (the remote party of my call with them, name and number), whether they are
 * muted (their voice does not reach the conference), deafened (they hear nothing of it) or held
 * (neither), and exactly the controls their `actions` allow: Mute/Unmute, Deafen/Undeafen, Hold/Resume,
 * Remove (asks first), Speak and Play audio to them alone. Disabled while a command for them travels.
 */
import { PendingLine } from '../components/PendingLine';
import { useId } from 'preact/hooks';
import { ACTION_LABELS } from '../../shared/action-labels';
import type { ConferenceCommand } from '../../shared/contract';
import type { Action, Conference, ConferenceParticipant } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { partySubtitle, partyTitle } from '../../shared/party-text';
import { sendConferenceCommand } from '../send-conference-command';
import { callsInFlight } from '../state';
import { AudioControls } from './AudioControls';
import { ConfirmedButton } from './ConfirmedButton';

type ParticipantCommand = Extract<
  ConferenceCommand['type'],
  'muteParticipant' | 'unmuteParticipant' | 'deafen' | 'undeafen' | 'holdParticipant' | 'resumeParticipant'
>;

/** Action (its button named by ACTION_LABELS) → command. Order is display order. */
const PARTICIPANT_BUTTONS = [
  ['mute', 'muteParticipant'],
  ['unmute', 'unmuteParticipant'],
  ['deafen', 'deafen'],
  ['undeafen', 'undeafen'],
  ['hold', 'holdParticipant'],
  ['resume', 'resumeParticipant'],
] as const satisfies readonly (readonly [Action, ParticipantCommand])[];

/** A participant none of my listed calls names (another line, or a non-standard conference). */
const UNKNOWN_PARTICIPANT = 'Participant';

export function ParticipantRow({ conference, participant }: { conference: Conference; participant: ConferenceParticipant }) {
  const bridge = useBridge();
  const nameId = useId();
  const who = participant.party ? partyTitle(participant.party) : UNKNOWN_PARTICIPANT;
  const number = participant.party ? partySubtitle(participant.party) : undefined;
  const busy = participant.pending !== undefined || callsInFlight.value.has(participant.callId);
  const ref = { conferenceId: conference.id, callId: participant.callId };
  const send = (type: ParticipantCommand | 'removeParticipant') => void sendConferenceCommand(bridge, { type, ...ref });
  const state = [participant.held ? 'Held' : null, participant.muted ? 'Muted' : null, participant.deafened ? 'Deafened' : null].filter(
    (s): s is string => s !== null,
  );
  const isBridge = conference.type === 'bridge';

  return (
    <li class={`participant state-${conference.state}`} aria-labelledby={nameId} aria-busy={busy}>
      <div class="participant-who">
        <span id={nameId} class="participant-name">
          {who}
        </span>
        {number && <span class="participant-number">{number}</span>}
      </div>
      <p class="call-badges participant-state">
        {state.length === 0 ? (
          <span class="participant-ok">Speaking and listening</span>
        ) : (
          state.map((label) => (
            <span key={label} class={`badge badge-${label.toLowerCase()}`}>
              {label}
            </span>
          ))
        )}
      </p>
      {busy && <PendingLine pending={participant.pending} />}
      <div class="call-actions" role="group" aria-label={`Controls for ${who}`}>
        {PARTICIPANT_BUTTONS.filter(([action]) => participant.actions.includes(action)).map(([action, type]) => (
          <button key={action} type="button" class={`btn btn-${action}`} disabled={busy} onClick={() => send(type)}>
            {ACTION_LABELS[action]}
          </button>
        ))}
        {participant.actions.includes('removeParticipant') && (
          <ConfirmedButton
            label={ACTION_LABELS.removeParticipant}
            disabled={busy}
            question={`Remove ${who} from the ${isBridge ? 'bridge' : 'conference'}?`}
            detail={`${who} no longer hears or is heard by the others; their call may end.`}
            confirmLabel={`Remove ${who}`}
            onConfirm={() => send('removeParticipant')}
          />
        )}
      </div>
      <AudioControls actions={participant.actions} conferenceId={conference.id} callId={participant.callId} target={who} disabled={busy} />
    </li>
  );
}
