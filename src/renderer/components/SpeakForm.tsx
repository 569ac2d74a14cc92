/**
 * Speak: a sentence (at most 1,000 characters) said into the call by text to speech, with an optional
 * voice, locale and gender. Only the fields filled in are sent; main's parse of the `speak` command
 * (src/shared/contract.ts) is the rule and its refusal shows as a notice.
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
import { TextAreaField } from './TextAreaField';
import { SENTENCE_MAX_LENGTH } from '../../shared/command-limits';

type SpeakCommand = Extract<CallCommand, { type: 'speak' }>;
type Gender = NonNullable<SpeakCommand['gender']>;

const GENDERS: Record<Gender | '', string> = { '': 'Any', female: 'Female', male: 'Male' };

export function SpeakForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const [sentence, setSentence] = useState('');
  const [voice, setVoice] = useState('');
  const [locale, setLocale] = useState('');
  const [gender, setGender] = useState<Gender | ''>('');
  const genderId = useId();

  const form = useInlineForm(() => {
    if (sentence.trim() === '') return { problem: 'Write the sentence to say.' };
    const command: SpeakCommand = {
      type: 'speak',
      ...callRef(call),
      sentence: sentence.trim(),
      ...(voice.trim() ? { voice: voice.trim() } : {}),
      ...(locale.trim() ? { locale: locale.trim() } : {}),
      ...(gender ? { gender } : {}),
    };
    return { send: () => sendCommand(bridge, command) };
  }, onDone);

  return (
    <form class="inline-form" aria-label="Speak into the call" onSubmit={form.onSubmit}>
      <TextAreaField
        label="Sentence to say"
        value={sentence}
        maxLength={SENTENCE_MAX_LENGTH}
        rows={3}
        error={form.error}
        autoFocus
        disabled={disabled}
        onInput={form.edited(setSentence)}
      />
      <div class="field-row">
        <DestinationField label="Voice (optional)" placeholder="Susan" value={voice} onInput={setVoice} disabled={disabled} />
        <DestinationField label="Locale (optional)" placeholder="en_US" value={locale} onInput={setLocale} disabled={disabled} />
        <div class="field">
          <label for={genderId}>Gender</label>
          <select id={genderId} value={gender} disabled={disabled} onChange={(e) => setGender(e.currentTarget.value as Gender | '')}>
            {(Object.keys(GENDERS) as (Gender | '')[]).map((g) => (
              <option key={g} value={g}>
                {GENDERS[g]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormButtons submit="Say it" disabled={disabled} onCancel={onDone} />
    </form>
  );
}
