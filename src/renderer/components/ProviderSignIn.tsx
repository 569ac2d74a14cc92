/**
 * Signing in while signed out, for whichever provider runs, driven by its ProviderInfo: the settings of
 * its section it lists (an OAuth integration's Client ID, saved to settings; a choice such as RingCentral's
 * server, as a select), and one control per sign-in
 * kind — for OAuth the client secret (where the provider takes one), the redirect URI to register and
 * "Sign in with <provider>" (the system browser; while main waits for it, "Waiting for the browser…" and
 * Cancel); a credentials form; a pasted access token as a fallback. Sign-in outcomes go up to the
 * Account section, which shows main's message about them.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AccountState } from '../../shared/account';
import type { ProviderInfo, ProviderSettingField } from '../../shared/providers';
import { useBridge } from '../bridge-context';
import { ClientSecretField } from './ClientSecretField';
import { CredentialsForm } from './CredentialsForm';
import { PasteTokenForm } from './PasteTokenForm';
import { type SettingsSave, useSettingsSave } from './use-settings-save';
import { FieldError } from './FieldError';
import { sectionPatch, sectionValue } from './provider-section';
import { SectionChoiceField } from './SectionChoiceField';

export interface SignInOutcome {
  /** A failure to show as an alert; null when the sign-in worked or the user cancelled it. */
  failure: string | null;
}

export interface ProviderSignInProps {
  info: ProviderInfo;
  account: AccountState;
  onSignInStarted: () => void;
  onSignInEnded: (outcome: SignInOutcome) => void;
}

interface SectionFieldProps {
  provider: string;
  field: ProviderSettingField;
  draft: string;
  onDraft: (value: string) => void;
  builtIn: string;
  saving: SettingsSave;
}

function SectionField({ provider, field, draft, onDraft, builtIn, saving }: SectionFieldProps) {
  const { save, error } = saving;
  const [savedNote, setSavedNote] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const saved = sectionValue(provider, field.key);
  const changed = draft.trim() !== saved;
  const clientId = field.kind === 'clientId';
  const usesBuiltIn = clientId && Boolean(builtIn) && !saved;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!changed) return;
    setSavedNote(await save(sectionPatch(provider, field.key, draft.trim())));
  };

  return (
    <form class="field" onSubmit={(event) => void submit(event)}>
      <label for={inputId}>{field.label}</label>
      <div class="field-row">
        <input
          id={inputId}
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={draft}
          placeholder={usesBuiltIn ? 'Built-in client ID' : undefined}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          onInput={(event) => {
            setSavedNote(false);
            onDraft(event.currentTarget.value);
          }}
        />
        <button type="submit" class="btn" disabled={!changed}>
          Save {clientId ? 'client ID' : field.label.toLowerCase()}
        </button>
      </div>
      <p class="field-hint" id={hintId}>
        {usesBuiltIn ? `Switchboard has a built-in client ID. To use your own integration, enter its client ID.` : field.hint}
      </p>
      {savedNote && !changed && (
        <p class="field-hint" role="status">
          {clientId ? 'Client ID' : field.label} saved.
        </p>
      )}
      <FieldError error={error} />
    </form>
  );
}

function RedirectUri({ uri, shortName }: { uri: string; shortName: string }) {
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
        Register this redirect URI in your {shortName} integration.
      </p>
    </div>
  );
}

/** The typed fields' saved values (a choice saves as it is chosen and has no draft). */
function savedDrafts(info: ProviderInfo): Record<string, string> {
  return Object.fromEntries(info.settingsFields.filter((f) => f.kind !== 'choice').map((f) => [f.key, sectionValue(info.id, f.key)]));
}

export function ProviderSignIn({ info, account, onSignInStarted, onSignInEnded }: ProviderSignInProps) {
  const bridge = useBridge();
  const fieldSaving = useSettingsSave();
  const saved = savedDrafts(info);
  const [drafts, setDrafts] = useState(saved);
  const [starting, setStarting] = useState(false);
  const cancelled = useRef(false);
  const signInButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const waiting = account.signingIn || starting;
  const wasWaiting = useRef(waiting);
  const oauth = info.signIn.includes('oauthPkce') || info.signIn.includes('oauthClientSecret');
  const savedKey = JSON.stringify(saved);

  // Settings pushed from elsewhere (another window, a reset, another provider) replace the fields' text.
  useEffect(() => setDrafts(saved), [savedKey]);

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
      for (const field of info.settingsFields.filter((f) => f.kind === 'clientId')) {
        const draft = (drafts[field.key] ?? '').trim();
        if (draft !== saved[field.key] && !(await fieldSaving.save(sectionPatch(info.id, field.key, draft)))) {
          onSignInEnded({ failure: null });
          return;
        }
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
      {info.settingsFields.map((field) =>
        field.kind === 'choice' ? (
          <SectionChoiceField key={field.key} provider={info.id} field={field} />
        ) : (
          <SectionField
            key={field.key}
            provider={info.id}
            field={field}
            draft={drafts[field.key] ?? ''}
            onDraft={(value) => setDrafts({ ...drafts, [field.key]: value })}
            builtIn={field.kind === 'clientId' ? account.clientId : ''}
            saving={fieldSaving}
          />
        ),
      )}
      {info.signIn.includes('oauthClientSecret') && <ClientSecretField saved={account.clientSecretSaved} />}
      {oauth && account.redirectUri && <RedirectUri uri={account.redirectUri} shortName={info.shortName} />}
      {oauth && (
        <div class="form-actions">
          <button ref={signInButton} type="button" class="btn btn-primary" disabled={waiting} onClick={() => void signIn()}>
            Sign in with {info.shortName}
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
      )}
      {info.signIn.includes('credentials') && (
        <CredentialsForm info={info} onSignInStarted={onSignInStarted} onSignedIn={() => onSignInEnded({ failure: null })} />
      )}
      {info.signIn.includes('pastedToken') && (
        <PasteTokenForm
          hint={info.pastedTokenHint}
          fallback={oauth || info.signIn.includes('credentials')}
          onSignedIn={() => onSignInEnded({ failure: null })}
        />
      )}
    </div>
  );
}
