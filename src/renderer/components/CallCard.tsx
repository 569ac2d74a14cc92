/**
 * One call in the panel: who, which way, its state and duration, line, why it reached me, recording,
 * and exactly the controls its `actions` allow — nothing the provider would refuse. While a command is
 * pending every control is disabled and a spinner says what is being waited for.
 */
import { PendingLine } from './PendingLine';
import { useId, useRef, useState } from 'preact/hooks';
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
import { ForwardForm } from './ForwardForm';
import { Keypad } from './Keypad';
import { TransferForm, TRANSFER_ACTIONS } from './TransferForm';

type Panel = 'transfer' | 'keypad' | 'forward' | null;

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
] as const satisfies readonly (Action & CallOnlyCommandType)[];

export function CallCard({ call }: { call: Call }) {
  const bridge = useBridge();
  const [open, setOpen] = useState<Panel>(null);
  const titleId = useId();
  const panelId = useId();
  const running = isAnswered(call);
  useClock(running);

  const busy = call.pending !== undefined || callsInFlight.value.has(call.id);
  const has = (action: Action) => call.actions.includes(action);
  const openers = { transfer: useRef<HTMLButtonElement>(null), keypad: useRef<HTMLButtonElement>(null), forward: useRef<HTMLButtonElement>(null) };
  const toggle = (panel: Exclude<Panel, null>) => setOpen(open === panel ? null : panel);
  /** Closes the open form and puts focus back on the button that opened it. */
  const close = () => {
    if (open) openers[open].current?.focus();
    setOpen(null);
  };
  const send = (type: (typeof SIMPLE_ACTIONS)[number]) => void sendCommand(bridge, callCommand(type, call));

  const subtitle = partySubtitle(call.remote);
  const reason = reachReason(call);
  const line = lineText(call, status.value?.account?.lines);
  const typeText = callTypeText(call.remote);
  const duration = callDuration(call, now.value);
  const canTransfer = TRANSFER_ACTIONS.some(has);

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
      <p class="call-meta">
        {[DIRECTION_LABELS[call.direction], typeText, line].filter(Boolean).join(' · ')}
      </p>
      {(reason || call.recording || call.muted) && (
        <p class="call-badges">
          {reason && <span class="badge badge-reason">{reason}</span>}
          {call.recording && <span class={`badge badge-recording rec-${call.recording}`}>{RECORDING_LABELS[call.recording]}</span>}
          {call.muted && <span class="badge badge-muted">Muted</span>}
        </p>
      )}
      {busy && <PendingLine pending={call.pending} />}
      <div class="call-actions" role="group" aria-label={`Controls for the call with ${partyTitle(call.remote)}`}>
        {SIMPLE_ACTIONS.filter(has).map((action) => (
          <button
            key={action}
            type="button"
            class={`btn btn-${action}`}
            disabled={busy}
            onClick={() => send(action)}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
        {has('divert') && (
          <button ref={openers.forward} type="button" class="btn" disabled={busy} aria-expanded={open === 'forward'} aria-controls={panelId} onClick={() => toggle('forward')}>
            {ACTION_LABELS.divert}
          </button>
        )}
        {canTransfer && (
          <button ref={openers.transfer} type="button" class="btn" disabled={busy} aria-expanded={open === 'transfer'} aria-controls={panelId} onClick={() => toggle('transfer')}>
            {ACTION_LABELS.transfer}
          </button>
        )}
        {has('dtmf') && (
          <button ref={openers.keypad} type="button" class="btn" disabled={busy} aria-expanded={open === 'keypad'} aria-controls={panelId} onClick={() => toggle('keypad')}>
            {ACTION_LABELS.dtmf}
          </button>
        )}
      </div>
      <div id={panelId}>
        {open === 'forward' && has('divert') && <ForwardForm call={call} disabled={busy} onDone={close} />}
        {open === 'transfer' && canTransfer && <TransferForm call={call} disabled={busy} onDone={close} />}
        {open === 'keypad' && has('dtmf') && <Keypad call={call} disabled={busy} />}
      </div>
    </article>
  );
}
