/**
 * A labelled text field for a number or address, with its validation message tied to it
 * (aria-invalid + aria-describedby) so a screen reader reads why it was refused.
 */
import { useEffect, useId, useRef } from 'preact/hooks';

export interface DestinationFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  hint?: string;
  placeholder?: string;
  /** Take focus when the field appears (a form that just opened). */
  autoFocus?: boolean;
  disabled?: boolean;
  onPaste?: (event: ClipboardEvent) => void;
}

export function DestinationField(props: DestinationFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = props.error || props.hint;
  const input = useRef<HTMLInputElement>(null);
  // The autofocus attribute only works on page load; a form opened later focuses its field itself.
  useEffect(() => {
    if (props.autoFocus) input.current?.focus();
  }, []); // on mount only: later renders must not pull focus back
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={input}
        type="text"
        autoComplete="off"
        spellcheck={false}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={message ? messageId : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onPaste={props.onPaste}
      />
      {message && (
        <p id={messageId} class={props.error ? 'field-error' : 'field-hint'}>
          {message}
        </p>
      )}
    </div>
  );
}
