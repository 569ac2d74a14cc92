/**
 * A secret typed or pasted by the user (client secret, access token): a password field that is never
 * filled from main, with its submit button beside it. The surrounding form owns the label, hint and error.
 */
import type { Ref } from 'preact';

export interface SecretEntryProps {
  id: string;
  hintId: string;
  inputRef: Ref<HTMLInputElement>;
  value: string;
  onInput: (value: string) => void;
  invalid: boolean;
  busy: boolean;
  submitLabel: string;
}

export function SecretEntry({ id, hintId, inputRef, value, onInput, invalid, busy, submitLabel }: SecretEntryProps) {
  return (
    <div class="field-row">
      <input
        ref={inputRef}
        id={id}
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={value}
        aria-describedby={hintId}
        aria-invalid={invalid ? true : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <button type="submit" class="btn" disabled={busy || !value.trim()}>
        {submitLabel}
      </button>
    </div>
  );
}
