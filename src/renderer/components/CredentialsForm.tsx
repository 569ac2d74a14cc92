/**
 * Signing in with API credentials (a provider whose sign-in kind is 'credentials', e.g. a user id, an
 * API token and a secret): one field per ProviderInfo credential field, sent to main once; secret
 * fields are password fields and every field is cleared after a successful sign-in. Main keeps the
 * values encrypted; nothing here ever shows a saved one.
 */
import { useId, useState } from 'preact/hooks';
import type { CredentialField, ProviderInfo } from '../../shared/providers';
import { useBridge } from '../bridge-context';
import { useBridgeAction } from './use-bridge-action';
import { FieldError } from './FieldError';

function CredentialInput({ field, value, onInput }: { field: CredentialField; value: string; onInput: (value: string) => void }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{field.label}</label>
      {field.secret ? (
        <input id={id} type="password" autocomplete="off" value={value} onInput={(event) => onInput(event.currentTarget.value)} />
      ) : (
        <input
          id={id}
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </div>
  );
}

export interface CredentialsFormProps {
  info: ProviderInfo;
  onSignInStarted: () => void;
  onSignedIn: () => void;
}

export function CredentialsForm({ info, onSignInStarted, onSignedIn }: CredentialsFormProps) {
  const bridge = useBridge();
  const { run, busy, error } = useBridgeAction();
  const empty = Object.fromEntries(info.credentialFields.map((f) => [f.key, '']));
  const [values, setValues] = useState<Record<string, string>>(empty);
  const complete = info.credentialFields.every((f) => (values[f.key] ?? '').trim() !== '');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!complete) return;
    onSignInStarted();
    const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
    if (await run(() => bridge.signInWithCredentials({ values: trimmed }), 'sign in')) {
      setValues(empty);
      onSignedIn();
    }
  };

  return (
    <form class="credentials" onSubmit={(event) => void submit(event)}>
      {info.credentialFields.map((field) => (
        <CredentialInput
          key={field.key}
          field={field}
          value={values[field.key] ?? ''}
          onInput={(value) => setValues({ ...values, [field.key]: value })}
        />
      ))}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy || !complete}>
          Sign in to {info.shortName}
        </button>
      </div>
      <FieldError error={error} />
    </form>
  );
}
