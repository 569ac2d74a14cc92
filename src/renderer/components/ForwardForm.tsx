/**
 * Forward (divert) a ringing call to a number before answering it. The number is checked with the
 * shared normaliser before anything is sent.
 */
import { useState } from 'preact/hooks';
import type { Call } from '../../shared/domain';
import { normalizeDestination } from '../../shared/dial-string';
import { useBridge } from '../bridge-context';
import { callRef } from '../../shared/call-reference';
import { sendCommand } from '../send-command';
import { DestinationField } from './DestinationField';
import { FormButtons } from './FormButtons';
import { useInlineForm } from './use-inline-form';

export function ForwardForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const form = useInlineForm(() => {
    const destination = normalizeDestination(text);
    if (!destination.ok) return { problem: destination.error.message };
    return { send: () => sendCommand(bridge, { type: 'divert', ...callRef(call), destination: destination.value }) };
  }, onDone);

  return (
    <form class="inline-form" aria-label="Forward the call" onSubmit={form.onSubmit}>
      <DestinationField label="Forward to" value={text} onInput={setText} error={form.error} autoFocus disabled={disabled} />
      <FormButtons submit="Forward call" disabled={disabled} onCancel={onDone} />
    </form>
  );
}
