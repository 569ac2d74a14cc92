/**
 * Play audio: an audio file from an https address played into the call, once or looped. Main's parse
 * of the `playAudio` command (src/shared/contract.ts) is the rule and its refusal shows as a notice;
 * here only an address the browser cannot read as https is refused before sending.
 */
import { useState } from 'preact/hooks';
import type { Call } from '../../shared/domain';
import { callRef } from '../../shared/call-reference';
import { useBridge } from '../bridge-context';
import { sendCommand } from '../send-command';
import { DestinationField } from './DestinationField';
import { FormButtons } from './FormButtons';
import { useInlineForm } from './use-inline-form';

/** Why `text` is not an https address of a file, or null when it is one. */
function addressProblem(text: string): string | null {
  if (text === '') return 'Enter the https address of the audio file.';
  try {
    return new URL(text).protocol === 'https:' ? null : 'The address must start with https://';
  } catch {
    return `"${text}" is not a web address: use one such as https://example.com/hold.mp3`;
  }
}

export function PlayAudioForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const [url, setUrl] = useState('');
  const [loop, setLoop] = useState(false);
  const form = useInlineForm(() => {
    const address = url.trim();
    const problem = addressProblem(address);
    if (problem) return { problem };
    return { send: () => sendCommand(bridge, { type: 'playAudio', ...callRef(call), url: address, ...(loop ? { loop: true } : {}) }) };
  }, onDone);

  return (
    <form class="inline-form" aria-label="Play audio into the call" onSubmit={form.onSubmit}>
      <DestinationField
        label="Audio file address"
        placeholder="https://example.com/hold.mp3"
        value={url}
        onInput={form.edited(setUrl)}
        error={form.error}
        autoFocus
        disabled={disabled}
      />
      <label class="choice-option">
        <input type="checkbox" checked={loop} disabled={disabled} onChange={(e) => setLoop(e.currentTarget.checked)} />
        Play it again and again until stopped
      </label>
      <FormButtons submit="Start playing" disabled={disabled} onCancel={onDone} />
    </form>
  );
}
