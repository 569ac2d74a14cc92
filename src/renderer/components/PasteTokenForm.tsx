/**
 * "Paste an access token instead": a disclosure with a password field for an access token (for Webex a
 * personal access token). Main checks the token with the provider; a refusal shows under the field, and
 * on success the field is cleared (the token is never kept or shown here). Where pasting is the only
 * way to sign in, the form shows at once.
 */
import { SecretEntry } from './SecretEntry';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useBridge } from '../bridge-context';
import { useBridgeAction } from './use-bridge-action';
import { FieldError } from './FieldError';

export interface PasteTokenFormProps {
  onSignedIn: () => void;
  /** Where such a token comes from and how long it lasts (the provider's words). */
  hint?: string | undefined;
  /** Another sign-in comes first: offer the token behind "Paste an access token instead". */
  fallback?: boolean;
}

export function PasteTokenForm({ onSignedIn, hint, fallback = true }: PasteTokenFormProps) {
  const bridge = useBridge();
  const { run, busy, error } = useBridgeAction();
  const [open, setOpen] = useState(!fallback);
  const [token, setToken] = useState('');
  const formId = useId();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open && fallback) input.current?.focus();
  }, [open]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!token.trim()) return;
    if (await run(() => bridge.pasteToken({ token }), 'use the token')) {
      setToken('');
      onSignedIn();
    }
  };

  return (
    <div class="disclosure">
      {fallback && (
        <button type="button" class="btn btn-link" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
          Paste an access token instead
        </button>
      )}
      <form id={formId} class="field" hidden={!open} onSubmit={(event) => void submit(event)}>
        <label for={inputId}>Access token</label>
        <SecretEntry
          id={inputId}
          hintId={hintId}
          inputRef={input}
          value={token}
          onInput={setToken}
          invalid={Boolean(error)}
          busy={busy}
          submitLabel="Use token"
        />
        <p class="field-hint" id={hintId}>
          {hint ?? 'An access token is not renewed: paste a new one when it expires.'}
        </p>
        <FieldError error={error} />
      </form>
    </div>
  );
}
