/**
 * Signing in to Webex while signed out: the integration's Client ID (saved to settings), its optional
 * client secret, the redirect URI to register, "Sign in with Webex" (the system browser; while main
 * waits for it, "Waiting for the browser…" and Cancel) and, as a fallback, a pasted access token.
 * Sign-in outcomes go up to the Account section, which shows main's message about them.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AccountState } from '../../shared/account';
import { useBridge } from '../bridge-context';
import { settings } from '../state';
import { ClientSecretField } from './ClientSecretField';
import { PasteTokenForm } from './PasteTokenForm';
import { type SettingsSave, useSettingsSave } from './use-settings-save';

export interface SignInOutcome {
  /** A failure to show as an alert; null when the sign-in worked or the user cancelled it. */
  failure: string | null;
}

export interface WebexSignInProps {
  account: AccountState;
  onSignInStarted: () => void;
  onSignInEnded: (outcome: SignInOutcome) => void;
}

interface ClientIdFieldProps {
  draft: string;
  onDraft: (value: string) => void;
  builtIn: string;
  saving: SettingsSave;
}

function ClientIdField({ draft, onDraft, builtIn, saving }: ClientIdFieldProps) {
  const { save, error } = saving;
  const [savedNote, setSavedNote] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const saved = settings.value?.providers.webex.clientId ?? '';
  const changed = draft.trim() !== saved;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!changed) return;
    setSavedNote(await save({ providers: { webex: { clientId: draft.trim() } } }));
  };

  return (
    <form class="field" onSubmit={(event) => void submit(event)}>
      <label for={inputId}>Client ID</label>
      <div class="field-row">
        <input
          id={inputId}
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={draft}
          placeholder={builtIn && !saved ? 'Built-in client ID' : undefined}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          onInput={(event) => {
            setSavedNote(false);
            onDraft(event.currentTarget.value);
          }}
        />
        <button type="submit" class="btn" disabled={!changed}>
          Save client ID
        </button>
      </div>
      <p class="field-hint" id={hintId}>
        {builtIn && !saved
          ? 'Switchboard has a built-in client ID. To use your own Webex integration, enter its client ID.'
          : 'From your Webex integration on developer.webex.com.'}
      </p>
      {savedNote && !changed && (
        <p class="field-hint" role="status">
          Client ID saved.
        </p>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function RedirectUri({ uri }: { uri: string }) {
  const inputId = useId();
  const hintId = useId();
  return (
    <div class="field">
      <label for={inputId}>Redirect URI</label>
      <input
        id={inputId}
        type="text"
        class="selectable"
        readOnly
        value={uri}
        aria-describedby={hintId}
        onFocus={(event) => event.currentTarget.select()}
      />
      <p class="field-hint" id={hintId}>
        Register this redirect URI in your Webex integration.
      </p>
    </div>
  );
}

export function WebexSignIn({ account, onSignInStarted, onSignInEnded }: WebexSignInProps) {
  const bridge = useBridge();
  const clientIdSaving = useSettingsSave();
  const savedClientId = settings.value?.providers.webex.clientId ?? '';
  const [draft, setDraft] = useState(savedClientId);
  const [starting, setStarting] = useState(false);
  const cancelled = useRef(false);
  const signInButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const waiting = account.signingIn || starting;
  const wasWaiting = useRef(waiting);

  // Settings pushed from elsewhere (another window, a reset) replace the field's text.
  useEffect(() => setDraft(savedClientId), [savedClientId]);

  // The pressed button turns disabled: keep the keyboard user on the control that now matters.
  useEffect(() => {
    if (wasWaiting.current === waiting) return;
    wasWaiting.current = waiting;
    const active = document.activeElement;
    const lost = !active || active === document.body;
    if (waiting && (lost || active === signInButton.current)) cancelButton.current?.focus();
    if (!waiting && lost) signInButton.current?.focus();
  }, [waiting]);

  const signIn = async () => {
    setStarting(true);
    cancelled.current = false;
    onSignInStarted();
    try {
      // A Client ID typed but not saved yet is what the user means to sign in with.
      // If it cannot be saved, the refusal shows under the field.
      if (draft.trim() !== savedClientId && !(await clientIdSaving.save({ providers: { webex: { clientId: draft.trim() } } }))) {
        onSignInEnded({ failure: null });
        return;
      }
      const result = await bridge.signIn();
      onSignInEnded({ failure: result.ok || cancelled.current ? null : result.error.message });
    } catch (error) {
      onSignInEnded({ failure: `Could not start the sign-in: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setStarting(false);
    }
  };

  const cancel = async () => {
    cancelled.current = true;
    try {
      await bridge.cancelSignIn();
    } catch {
      // The sign-in's own answer reports how it ended; a lost cancel leaves it to time out there.
    }
  };

  return (
    <div class="sign-in">
      <ClientIdField draft={draft} onDraft={setDraft} builtIn={account.clientId} saving={clientIdSaving} />
      <ClientSecretField saved={account.clientSecretSaved} />
      <RedirectUri uri={account.redirectUri} />
      <div class="form-actions">
        <button ref={signInButton} type="button" class="btn btn-primary" disabled={waiting} onClick={() => void signIn()}>
          Sign in with Webex
        </button>
        <span class="call-pending" role="status">
          {waiting && (
            <>
              <span class="spinner" aria-hidden="true" />
              Waiting for the browser…
            </>
          )}
        </span>
        {waiting && (
          <button ref={cancelButton} type="button" class="btn" onClick={() => void cancel()}>
            Cancel
          </button>
        )}
      </div>
      <PasteTokenForm onSignedIn={() => onSignInEnded({ failure: null })} />
    </div>
  );
}
