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

export function ForwardForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const destination = normalizeDestination(text);
    if (!destination.ok) return setError(destination.error.message);
    setError(null);
    const result = await sendCommand(bridge, { type: 'divert', ...callRef(call), destination: destination.value });
    if (result.ok) onDone();
  };

  return (
    <form class="inline-form" aria-label="Forward the call" onSubmit={submit}>
      <DestinationField label="Forward to" value={text} onInput={setText} error={error} autoFocus disabled={disabled} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={disabled}>
          Forward call
        </button>
        <button type="button" class="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
