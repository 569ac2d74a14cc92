/**
 * The OAuth integration's client secret (for providers that take one): a password field and "Save secret", or, once main says one is
 * saved, "Saved" and "Forget secret". The secret goes to main and is cleared from the field at once;
 * nothing here ever shows a saved secret (main never gives it back).
 */
import { SecretEntry } from './SecretEntry';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useBridge } from '../bridge-context';
import { useBridgeAction } from './use-bridge-action';

export function ClientSecretField({ saved }: { saved: boolean }) {
  const bridge = useBridge();
  const { run, busy, error } = useBridgeAction();
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const forget = useRef<HTMLButtonElement>(null);
  // After the user's own save or forget (once main has answered, so the buttons are enabled again),
  // focus goes to the control that replaced the one pressed, or stays on the field to correct.
  const acted = useRef(false);

  useEffect(() => {
    if (!acted.current || busy) return;
    acted.current = false;
    (saved ? forget : input).current?.focus();
  }, [saved, busy]);

  const save = async (event: Event) => {
    event.preventDefault();
    const secret = draft.trim();
    if (!secret) return;
    acted.current = true;
    if (await run(() => bridge.setClientSecret({ secret }), 'save the client secret')) setDraft('');
  };
  const forgetSecret = async () => {
    acted.current = true;
    await run(() => bridge.setClientSecret({ secret: null }), 'forget the client secret');
  };

  const errorLine = error && (
    <p class="field-error" role="alert">
      {error}
    </p>
  );

  if (saved) {
    return (
      <div class="field">
        <span class="field-label" id={inputId}>
          Client secret
        </span>
        <div class="field-row" role="group" aria-labelledby={inputId}>
          <span class="saved-mark">Saved</span>
          <button ref={forget} type="button" class="btn btn-small" disabled={busy} onClick={() => void forgetSecret()}>
            Forget secret
          </button>
        </div>
        {errorLine}
      </div>
    );
  }

  return (
    <form class="field" onSubmit={(event) => void save(event)}>
      <label for={inputId}>Client secret</label>
      <SecretEntry
        id={inputId}
        hintId={hintId}
        inputRef={input}
        value={draft}
        onInput={setDraft}
        invalid={Boolean(error)}
        busy={busy}
        submitLabel="Save secret"
      />
      <p class="field-hint" id={hintId}>
        Only if your integration asks for one. Switchboard keeps it encrypted and never shows it again.
      </p>
      {errorLine}
    </form>
  );
}
