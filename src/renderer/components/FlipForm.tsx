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
import { useInlineForm } from './use-inline-form';

export function FlipForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const [flipId, setFlipId] = useState('');
  const form = useInlineForm(() => {
    const value = flipId.trim();
    if (value === '') return { problem: 'Enter the call-flip number of the phone to move the call to.' };
    return { send: () => sendCommand(bridge, { type: 'flip', ...callRef(call), flipId: value }) };
  }, onDone);

  return (
    <form class="inline-form" aria-label="Flip the call to another phone" onSubmit={form.onSubmit}>
      <DestinationField
        label="Call-flip number"
        hint="The number of your other phone in your call-flip list, such as *2."
        value={flipId}
        onInput={form.edited(setFlipId)}
        error={form.error}
        autoFocus
        disabled={disabled}
      />
      <FormButtons submit="Move the call" disabled={disabled} onCancel={onDone} />
    </form>
  );
}
