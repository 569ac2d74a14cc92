/**
 * Play audio: an audio file from an https address played into the call, once or looped. Main's parse
 * of the `playAudio` command (src/shared/contract.ts) and this field share one rule
 * (src/shared/audio-address.ts), so what the field lets through main takes; a provider's refusal shows as a notice.
 */
import { useState } from 'preact/hooks';
import type { Call } from '../../shared/domain';
import { callRef } from '../../shared/call-reference';
import { audioAddressFault } from '../../shared/audio-address';
import { useBridge } from '../bridge-context';
import { sendCommand } from '../send-command';
import { DestinationField } from './DestinationField';
import { FormButtons } from './FormButtons';
import { useInlineForm } from './use-inline-form';

/** Why `text` is not an https address of a file, or null when it is one. */
function addressProblem(text: string): string | null {
  switch (audioAddressFault(text)) {
    case null:
      return null;
    case 'empty':
      return 'Enter the https address of the audio file.';
    case 'not-https':
      return 'The address must start with https://';
    case 'too-long':
      return 'That address is too long: at most 2,048 characters.';
    case 'not-an-address':
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
