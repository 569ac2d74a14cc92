/**
 * One participant: who (the remote party of my call with them, name and number), whether they are
 * muted (their voice does not reach the conference) or deafened (they hear nothing of it), and exactly
 * the Mute/Unmute and Deafen/Undeafen their `actions` allow. Disabled while a command for them travels.
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

type ParticipantCommand = Extract<ConferenceCommand['type'], 'muteParticipant' | 'unmuteParticipant' | 'deafen' | 'undeafen'>;

/** Action (its button named by ACTION_LABELS) → command. Order is display order. */
const PARTICIPANT_BUTTONS = [
  ['mute', 'muteParticipant'],
  ['unmute', 'unmuteParticipant'],
  ['deafen', 'deafen'],
  ['undeafen', 'undeafen'],
] as const satisfies readonly (readonly [Action, ParticipantCommand])[];

/** A participant none of my listed calls names (another line, or a non-standard conference). */
const UNKNOWN_PARTICIPANT = 'Participant';

export function ParticipantRow({ conference, participant }: { conference: Conference; participant: ConferenceParticipant }) {
  const bridge = useBridge();
  const nameId = useId();
  const who = participant.party ? partyTitle(participant.party) : UNKNOWN_PARTICIPANT;
  const number = participant.party ? partySubtitle(participant.party) : undefined;
  const busy = participant.pending !== undefined || callsInFlight.value.has(participant.callId);
  const send = (type: ParticipantCommand) =>
    void sendConferenceCommand(bridge, { type, conferenceId: conference.id, callId: participant.callId });
  const state = [participant.muted ? 'Muted' : null, participant.deafened ? 'Deafened' : null].filter((s): s is string => s !== null);

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
      </div>
    </li>
  );
}
