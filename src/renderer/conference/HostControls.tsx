/**
 * My own controls in a conference or bridge, exactly as its `actions` say: Mute/Unmute, Hold/Resume
 * (a bridge: its audio off and on), Leave conference (a three-way call only: the other two stay
 * connected, as the reference recommends instead of releasing), and Release conference, which asks
 * first (ConfirmedButton) because it hangs up everyone (a bridge: its two calls stay up, apart).
 */
import { useId } from 'preact/hooks';
import { ACTION_LABELS } from '../../shared/action-labels';
import type { ConferenceCommand } from '../../shared/contract';
import type { Action, Conference } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { partyTitle } from '../../shared/party-text';
import { sendConferenceCommand } from '../send-conference-command';
import { ConfirmedButton } from './ConfirmedButton';

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
  const leaveHintId = useId();
  const has = (action: Action) => conference.actions.includes(action);
  const send = (type: HostCommand | 'release') => sendConferenceCommand(bridge, { type, conferenceId: conference.id });
  const isBridge = conference.type === 'bridge';
  const names = conference.participants.map((p) => (p.party ? partyTitle(p.party) : 'a participant')).join(', ');

  return (
    <div class="host-controls">
      <div class="call-actions" role="group" aria-label={isBridge ? 'Controls for the bridge' : 'Your controls in the conference'}>
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
          <ConfirmedButton
            label={ACTION_LABELS.releaseConference}
            disabled={busy}
            question={isBridge ? 'Release the bridge?' : 'Release the conference?'}
            detail={isBridge ? `${names} no longer hear each other; their calls stay up.` : `This hangs up everyone: you and ${names}.`}
            confirmLabel={isBridge ? 'Release the bridge' : 'Release for everyone'}
            onConfirm={() => void send('release')}
          />
        )}
      </div>
      {has('leaveConference') && (
        <p id={leaveHintId} class="field-hint">
          {ACTION_LABELS.leaveConference}: you hang up and the other two stay connected to each other.
        </p>
      )}
    </div>
  );
}
