/**
 * Collect digits: ask the caller to press digits, after an optional spoken prompt, ending after a
 * number of digits or at a terminating key. Only the fields filled in are sent; main's parse of the
 * `gather` command (src/shared/contract.ts) is the rule and its refusal shows as a notice. What was
 * collected shows on the call (GatherLine).
 */
import { useId, useState } from 'preact/hooks';
import type { CallCommand } from '../../shared/contract';
import type { Call } from '../../shared/domain';
import { callRef } from '../../shared/call-reference';
import { useBridge } from '../bridge-context';
import { sendCommand } from '../send-command';
import { DestinationField } from './DestinationField';
import { FormButtons } from './FormButtons';
import { useInlineForm } from './use-inline-form';
import { SENTENCE_MAX_LENGTH } from '../../shared/command-limits';
import { TextAreaField } from './TextAreaField';

type GatherCommand = Extract<CallCommand, { type: 'gather' }>;

export function GatherForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const [prompt, setPrompt] = useState('');
  const [maxDigits, setMaxDigits] = useState('');
  const [terminating, setTerminating] = useState('#');
  const maxId = useId();

  const form = useInlineForm(() => {
    const command: GatherCommand = {
      type: 'gather',
      ...callRef(call),
      ...(prompt.trim() ? { prompt: prompt.trim() } : {}),
      // A count that is not a whole number goes as typed: main refuses it with the contract's words.
      ...(maxDigits.trim() ? { maxDigits: Number(maxDigits) } : {}),
      ...(terminating.trim() ? { terminatingDigits: terminating.trim() } : {}),
    };
    return { send: () => sendCommand(bridge, command) };
  }, onDone);

  return (
    <form class="inline-form" aria-label="Collect digits from the caller" onSubmit={form.onSubmit}>
      <TextAreaField
        label="Prompt to say first (optional)"
        value={prompt}
        maxLength={SENTENCE_MAX_LENGTH}
        autoFocus
        disabled={disabled}
        onInput={setPrompt}
      />
      <div class="field-row">
        <div class="field">
          <label for={maxId}>Max digits</label>
          <input
            id={maxId}
            type="number"
            min={1}
            max={30}
            step={1}
            value={maxDigits}
            disabled={disabled}
            onInput={(e) => setMaxDigits(e.currentTarget.value)}
          />
        </div>
        <DestinationField label="Ends with" hint="0-9, * or #" value={terminating} onInput={setTerminating} disabled={disabled} />
      </div>
      <FormButtons submit="Start collecting" disabled={disabled} onCancel={onDone} />
    </form>
  );
}
