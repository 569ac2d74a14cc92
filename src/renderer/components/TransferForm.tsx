/**
 * The transfer form behind a call's one Transfer button. It offers only the kinds the call's actions
 * allow: blind (to a number), attended (to another of my calls) and mute transfer (to a number, done
 * once they answer). Numbers are checked with the shared normaliser before anything is sent. A blind
 * transfer on a call that can be spoken into (Bandwidth) may carry a whisper: a sentence the person
 * taking the call hears before they are connected.
 */
import { useId, useState } from 'preact/hooks';
import type { CallCommand } from '../../shared/contract';
import type { Action, Call } from '../../shared/domain';
import { normalizeDestination } from '../../shared/dial-string';
import { useBridge } from '../bridge-context';
import { partyTitle } from '../../shared/party-text';
import { callStateLabel } from '../labels';
import { callRef } from '../../shared/call-reference';
import { isRingingIncoming } from '../../shared/call-states';
import { sendCommand } from '../send-command';
import { calls } from '../state';
import { DestinationField } from './DestinationField';
import { FormButtons } from './FormButtons';
import { useInlineForm } from './use-inline-form';

export const TRANSFER_ACTIONS = ['transfer', 'attendedTransfer', 'muteTransfer'] as const satisfies readonly Action[];
type TransferKind = (typeof TRANSFER_ACTIONS)[number];

const KIND_LABELS: Record<TransferKind, string> = {
  transfer: 'To a number now',
  attendedTransfer: 'To another of my calls',
  muteTransfer: 'To a number, once they answer',
};

/** Calls this one can be joined with in an attended transfer. */
function otherCalls(call: Call, all: Call[]): Call[] {
  return all.filter((c) => c.id !== call.id && c.state !== 'disconnected' && !isRingingIncoming(c));
}

export function TransferForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const kinds = TRANSFER_ACTIONS.filter((k) => call.actions.includes(k));
  const [kind, setKind] = useState<TransferKind>(kinds[0] ?? 'transfer');
  const [text, setText] = useState('');
  const [whisper, setWhisper] = useState('');
  const candidates = otherCalls(call, calls.value);
  const [otherCallId, setOtherCallId] = useState<string>('');
  const groupName = useId();
  const selectId = useId();
  // Only a provider that speaks into calls can whisper to the person the call goes to.
  const canWhisper = call.actions.includes('speak');
  const chosenOther = candidates.find((c) => c.id === otherCallId) ?? candidates[0];

  const form = useInlineForm(() => {
    let command: CallCommand;
    if (kind === 'attendedTransfer') {
      if (!chosenOther) return { problem: 'You have no other call to connect this one with.' };
      command = { type: 'attendedTransfer', callId: call.id, otherCallId: chosenOther.id, ...(call.line ? { line: call.line } : {}) };
    } else {
      const destination = normalizeDestination(text);
      if (!destination.ok) return { problem: destination.error.message };
      const said = canWhisper ? whisper.trim() : '';
      command =
        kind === 'transfer'
          ? { type: 'transfer', ...callRef(call), destination: destination.value, ...(said ? { whisper: said } : {}) }
          : { type: kind, ...callRef(call), destination: destination.value };
    }
    return { send: () => sendCommand(bridge, command) };
  }, onDone);
  const { error } = form;

  return (
    <form class="inline-form" aria-label="Transfer the call" onSubmit={form.onSubmit}>
      {kinds.length > 1 && (
        <fieldset class="choice">
          <legend>How to transfer</legend>
          {kinds.map((k) => (
            <label key={k} class="choice-option">
              <input
                type="radio"
                name={groupName}
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  form.clearError();
                }}
              />
              {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
      )}
      {kinds.length === 1 && <p class="form-note">{KIND_LABELS[kind]}</p>}
      {kind === 'attendedTransfer' ? (
        candidates.length > 0 ? (
          <div class="field">
            <label for={selectId}>Connect with</label>
            <select id={selectId} value={chosenOther?.id} disabled={disabled} onChange={(e) => setOtherCallId(e.currentTarget.value)}>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${partyTitle(c.remote)} (${callStateLabel(c)})`}
                </option>
              ))}
            </select>
            {error && <p class="field-error">{error}</p>}
          </div>
        ) : (
          <p class="field-error">{error ?? 'You have no other call to connect this one with.'}</p>
        )
      ) : (
        <DestinationField label="Transfer to" value={text} onInput={setText} error={error} autoFocus disabled={disabled} />
      )}
      {kind === 'transfer' && canWhisper && (
        <DestinationField
          label="Whisper (optional)"
          hint="Said to the person taking the call before you connect them."
          value={whisper}
          onInput={setWhisper}
          disabled={disabled}
        />
      )}
      <FormButtons submit="Complete transfer" disabled={disabled || (kind === 'attendedTransfer' && !chosenOther)} onCancel={onDone} />
    </form>
  );
}
