/**
 * The in-call keypad: sends DTMF tones to the far end (IVR menus, PINs). Each key sends its tone at
 * once; a field takes typed or pasted sequences. Everything passes the shared DTMF validator first.
 */
import { useId, useState } from 'preact/hooks';
import type { Call } from '../../shared/domain';
import { normalizeDtmf } from '../../shared/dial-string';
import { useBridge } from '../bridge-context';
import { partyTitle } from '../../shared/party-text';
import { callRef } from '../../shared/call-reference';
import { sendCommand } from '../send-command';

const KEYS = ['1', '2', '3', 'A', '4', '5', '6', 'B', '7', '8', '9', 'C', '*', '0', '#', 'D'] as const;
const KEY_PATTERN = /^[0-9*#a-dA-D]$/;

export function Keypad({ call, disabled }: { call: Call; disabled: boolean }) {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState('');
  const inputId = useId();
  const errorId = `${inputId}-error`;

  const send = async (input: string): Promise<boolean> => {
    const digits = normalizeDtmf(input);
    if (!digits.ok) {
      setError(digits.error.message);
      return false;
    }
    setError(null);
    const result = await sendCommand(bridge, { type: 'dtmf', ...callRef(call), digits: digits.value });
    if (result.ok) setSent((s) => (s + digits.value).slice(-24));
    return result.ok;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (await send(text)) setText('');
  };

  // Typing on the key grid sends the tone too, like a phone's keypad.
  const onGridKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !KEY_PATTERN.test(event.key)) return;
    event.preventDefault();
    void send(event.key);
  };

  return (
    <div class="keypad">
      <div class="keypad-grid" role="group" aria-label={`Keypad for the call with ${partyTitle(call.remote)}`} onKeyDown={onGridKey}>
        {KEYS.map((key) => (
          <button key={key} type="button" class="btn key" disabled={disabled} onClick={() => void send(key)}>
            {key}
          </button>
        ))}
      </div>
      <form class="keypad-form" onSubmit={submit}>
        <label for={inputId}>Tones to send</label>
        <div class="field-row">
          <input
            id={inputId}
            type="text"
            autoComplete="off"
            spellcheck={false}
            value={text}
            disabled={disabled}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
          />
          <button type="submit" class="btn" disabled={disabled}>
            Send tones
          </button>
        </div>
        {error && (
          <p id={errorId} class="field-error" role="alert">
            {error}
          </p>
        )}
        {sent && <p class="field-hint">Sent: {sent}</p>}
      </form>
    </div>
  );
}
