/**
 * One call in the panel: who, which way, its state and duration, line, why it reached me, recording,
 * audio playing, digits collected, and exactly the controls its `actions` allow — nothing the provider
 * would refuse. Actions that need more than the call (a number, a message, a sentence …) open one small
 * form at a time under the buttons; Escape closes it and returns focus to its button. While a command
 * is pending every control is disabled and a spinner says what is being waited for.
 */
import { PendingLine } from './PendingLine';
import { useId, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { ACTION_LABELS } from '../../shared/action-labels';
import { callCommand, type CallOnlyCommandType } from '../../shared/call-reference';
import { isAnswered } from '../../shared/call-states';
import type { Action, Call } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { callDuration, lineText } from '../call-text';
import { callTypeText, partySubtitle, partyTitle, reachReason } from '../../shared/party-text';
import { now, useClock } from '../clock';
import { DIRECTION_LABELS, RECORDING_LABELS, callStateLabel } from '../labels';
import { sendCommand } from '../send-command';
import { callsInFlight, status } from '../state';
import { FlipForm } from './FlipForm';
import { ForwardForm } from './ForwardForm';
import { GatherForm } from './GatherForm';
import { GatherLine } from './GatherLine';
import { CallRecordsLink } from './CallRecordsLink';
import { Keypad } from './Keypad';
import { PlayAudioForm } from './PlayAudioForm';
import { ReplyForm } from './ReplyForm';
import { SpeakForm } from './SpeakForm';
import { TransferForm, TRANSFER_ACTIONS } from './TransferForm';

interface FormProps {
  call: Call;
  disabled: boolean;
  onDone: () => void;
}

/**
 * Actions that open a form, in display order after the simple buttons: the action that shows the
 * button (Transfer stands for every kind of transfer) and the form it opens.
 */
const FORM_ACTIONS: readonly { action: Action; when: (has: (a: Action) => boolean) => boolean; Form: ComponentType<FormProps> }[] = [
  { action: 'reply', when: (has) => has('reply'), Form: ReplyForm },
  { action: 'divert', when: (has) => has('divert'), Form: ForwardForm },
  { action: 'transfer', when: (has) => TRANSFER_ACTIONS.some(has), Form: TransferForm },
  { action: 'flip', when: (has) => has('flip'), Form: FlipForm },
  { action: 'dtmf', when: (has) => has('dtmf'), Form: ({ call, disabled }) => <Keypad call={call} disabled={disabled} /> },
  { action: 'speak', when: (has) => has('speak'), Form: SpeakForm },
  { action: 'playAudio', when: (has) => has('playAudio'), Form: PlayAudioForm },
  { action: 'gather', when: (has) => has('gather'), Form: GatherForm },
];

/** Commands that need nothing but the call, each a button named by ACTION_LABELS. Order is display order. */
const SIMPLE_ACTIONS = [
  'answer',
  'decline',
  'toVoicemail',
  'hangup',
  'hold',
  'resume',
  'mute',
  'unmute',
  'park',
  'startRecording',
  'pauseRecording',
  'resumeRecording',
  'stopRecording',
  'push',
  'ignore',
  'stopAudio',
] as const satisfies readonly (Action & CallOnlyCommandType)[];

export function CallCard({ call }: { call: Call }) {
  const bridge = useBridge();
  const [open, setOpen] = useState<Action | null>(null);
  const titleId = useId();
  const panelId = useId();
  const running = isAnswered(call);
  useClock(running);

  const busy = call.pending !== undefined || callsInFlight.value.has(call.id);
  const has = (action: Action) => call.actions.includes(action);
  const forms = FORM_ACTIONS.filter((f) => f.when(has));
  const shownForm = forms.find((f) => f.action === open);
  const openers = useRef<Partial<Record<Action, HTMLButtonElement | null>>>({});
  const toggle = (action: Action) => setOpen(open === action ? null : action);
  /** Closes the open form and puts focus back on the button that opened it. */
  const close = () => {
    if (open) openers.current[open]?.focus();
    setOpen(null);
  };
  const send = (type: (typeof SIMPLE_ACTIONS)[number]) => void sendCommand(bridge, callCommand(type, call));
  // Stop playback only means something while audio plays into the call.
  const offered = (action: (typeof SIMPLE_ACTIONS)[number]) => has(action) && (action !== 'stopAudio' || call.playing === true);

  const subtitle = partySubtitle(call.remote);
  const reason = reachReason(call);
  const line = lineText(call, status.value?.account?.lines);
  const typeText = callTypeText(call.remote);
  const duration = callDuration(call, now.value);

  const onKeyDown = (event: KeyboardEvent) => {
    // Escape closes an open form first; the panel only hides when nothing else used the key.
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  return (
    <article class={`call-card state-${call.state}`} aria-labelledby={titleId} aria-busy={busy} onKeyDown={onKeyDown}>
      <header class="call-head">
        <div class="call-who">
          <h3 id={titleId} class="call-name">
            {partyTitle(call.remote)}
          </h3>
          {subtitle && <p class="call-number">{subtitle}</p>}
        </div>
        <p class="call-state">
          <span class="state-label">{callStateLabel(call)}</span>
          {duration && <span class="call-duration"> {duration}</span>}
        </p>
      </header>
      <p class="call-meta">{[DIRECTION_LABELS[call.direction], typeText, line].filter(Boolean).join(' · ')}</p>
      {(reason || call.recording || call.muted || call.playing) && (
        <p class="call-badges">
          {reason && <span class="badge badge-reason">{reason}</span>}
          {call.recording && <span class={`badge badge-recording rec-${call.recording}`}>{RECORDING_LABELS[call.recording]}</span>}
          {call.muted && <span class="badge badge-muted">Muted</span>}
          {call.playing && <span class="badge badge-playing">Playing audio</span>}
        </p>
      )}
      {call.gather && <GatherLine gather={call.gather} />}
      {busy && <PendingLine pending={call.pending} />}
      <div class="call-actions" role="group" aria-label={`Controls for the call with ${partyTitle(call.remote)}`}>
        {SIMPLE_ACTIONS.filter(offered).map((action) => (
          <button key={action} type="button" class={`btn btn-${action}`} disabled={busy} onClick={() => send(action)}>
            {ACTION_LABELS[action]}
          </button>
        ))}
        {forms.map(({ action }) => (
          <button
            key={action}
            ref={(button) => {
              openers.current[action] = button;
            }}
            type="button"
            class="btn"
            disabled={busy}
            aria-expanded={open === action}
            aria-controls={panelId}
            onClick={() => toggle(action)}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      <div id={panelId}>{shownForm && <shownForm.Form call={call} disabled={busy} onDone={close} />}</div>
      <CallRecordsLink callId={call.id} who={partyTitle(call.remote)} />
    </article>
  );
}
