/**
 * "Paste an access token instead": a disclosure with a password field for a Webex personal access
 * token. Main checks the token with Webex; a refusal shows under the field, and on success the field
 * is cleared (the token is never kept or shown here).
 */
import { SecretEntry } from './SecretEntry';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useBridge } from '../bridge-context';
import { useBridgeAction } from './use-bridge-action';

export function PasteTokenForm({ onSignedIn }: { onSignedIn: () => void }) {
  const bridge = useBridge();
  const { run, busy, error } = useBridgeAction();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const formId = useId();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) input.current?.focus();
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
      <button type="button" class="btn btn-link" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        Paste an access token instead
      </button>
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
          A personal access token from developer.webex.com lasts 12 hours and is not renewed: paste a new one
          then, or sign in with Webex to stay signed in.
        </p>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
