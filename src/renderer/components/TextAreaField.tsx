/**
 * A labelled multi-line field with a character count against its limit (a reply, a sentence to
 * speak). The limit is the browser's `maxLength`, so the user cannot type past it; main's parse of the
 * command (src/shared/contract.ts) stays the rule. Its message is tied to it like DestinationField's.
 */
import { useEffect, useId, useRef } from 'preact/hooks';

export interface TextAreaFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  maxLength: number;
  error?: string | null;
  autoFocus?: boolean;
  disabled?: boolean;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const id = useId();
  const countId = `${id}-count`;
  const messageId = `${id}-message`;
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (props.autoFocus) area.current?.focus();
  }, []); // on mount only: later renders must not pull focus back
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        ref={area}
        rows={props.rows ?? 2}
        maxLength={props.maxLength}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${messageId} ${countId}` : countId}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <p id={countId} class="field-hint field-count">
        {`${props.value.length} of ${props.maxLength} characters`}
      </p>
      {props.error && (
        <p id={messageId} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
