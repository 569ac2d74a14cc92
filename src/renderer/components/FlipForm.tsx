/**
 * Flip: move an answered call to another of my phones by its call-flip number ("*2", as set up in the
 * RingCentral account). Main's parse of the `flip` command (src/shared/contract.ts) is the rule; its
 * refusal shows as a notice and the form stays open.
 */
import { useState } from 'preact/hooks';
import type { Call } from '../../shared/domain';
import { callRef } from '../../shared/call-reference';
import { useBridge } from '../bridge-context';
import { sendCommand } from '../send-command';
import { DestinationField } from './DestinationField';
import { FormButtons } from './FormButtons';

export function FlipForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const [flipId, setFlipId] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = flipId.trim();
    if (value === '') return setError('Enter the call-flip number of the phone to move the call to.');
    setError(null);
    const result = await sendCommand(bridge, { type: 'flip', ...callRef(call), flipId: value });
    if (result.ok) onDone();
  };

  return (
    <form class="inline-form" aria-label="Flip the call to another phone" onSubmit={submit}>
      <DestinationField
        label="Call-flip number"
        hint="The number of your other phone in your call-flip list, such as *2."
        value={flipId}
        onInput={(value) => {
          setFlipId(value);
          setError(null);
        }}
        error={error}
        autoFocus
        disabled={disabled}
      />
      <FormButtons submit="Move the call" disabled={disabled} onCancel={onDone} />
    </form>
  );
}
