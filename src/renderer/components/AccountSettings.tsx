/**
 * The Account section of Settings, one screen for every provider, driven by the provider's ProviderInfo
 * (from main's app state): the provider, who is signed in and how, main's last word about the account
 * (a failed or cancelled sign-in, a sign-out), a warning when the sign-in will not survive a restart,
 * and the controls: the provider's sign-in while signed out (ProviderSignIn), sign out while signed in.
 * In the demo it says calls are simulated, lets the user pick which provider's demo to try, and offers
 * the same sign-in; signed out of a real account, it offers the demo again. Shows only what main pushes; never a token or a secret.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AccountState } from '../../shared/account';
import type { Account, ProviderId, Status } from '../../shared/domain';
import type { ProviderInfo } from '../../shared/providers';
import { PROVIDER_LABELS, SIGN_IN_METHOD_LABELS } from '../labels';
import { account as accountSignal, appState, settings, status } from '../state';
import { ProviderSignIn } from './ProviderSignIn';
import { SignOutControl } from './SignOutControl';
import { useSettingsSave } from './use-settings-save';
import { FieldError } from './FieldError';

export interface AccountSettingsProps {
  /** Move focus here once (the status line's "Sign in" asked for it). */
  focusRequested?: boolean;
  onFocused?: () => void;
}

function accountDetails(user: Account): string {
  return [user.primaryNumber, user.extension && `ext. ${user.extension}`, user.email].filter(Boolean).join(' · ');
}

function SignedInAs({ account, current }: { account: AccountState | null; current: Status | null }) {
  const user = current?.account;
  if (account?.signedIn) {
    if (!user || current?.demo || current?.provider !== account.provider) return <>Signed in</>;
    const details = accountDetails(user);
    return (
      <>
        {user.displayName}
        {details && <span class="facts-sub"> {details}</span>}
      </>
    );
  }
  if (current?.demo && user) return <>{user.displayName} (demo account)</>;
  return <>Not signed in</>;
}

/** Signed out of a real account: back to the demo of the same provider (or the first that has one). */
function TryDemo({ providers, current }: { providers: ProviderInfo[]; current: ProviderId }) {
  const { save, error } = useSettingsSave();
  const withDemo = providers.filter((p) => p.hasDemo);
  const target = withDemo.find((p) => p.id === current) ?? withDemo[0];
  if (!target) return null;
  return (
    <div class="form-actions">
      <button type="button" class="btn" onClick={() => void save({ provider: target.id, demo: true })}>
        Try the demo of {target.name}
      </button>
      <FieldError error={error} />
    </div>
  );
}

/** "Try the demo of": the providers that have a simulator (the demo runs one of them). */
function DemoChoice({ providers, current }: { providers: ProviderInfo[]; current: ProviderId }) {
  const { save, error } = useSettingsSave();
  const id = useId();
  const withDemo = providers.filter((p) => p.hasDemo);
  if (withDemo.length === 0) return null;
  return (
    <div class="field">
      <label for={id}>Try the demo of</label>
      <select id={id} value={current} onChange={(e) => void save({ provider: e.currentTarget.value as ProviderId, demo: true })}>
        {withDemo.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <FieldError error={error} />
    </div>
  );
}

export function AccountSettings({ focusRequested = false, onFocused }: AccountSettingsProps) {
  const account = accountSignal.value;
  const current = status.value;
  const app = appState.value;
  const provider = account?.provider ?? current?.provider ?? settings.value?.provider;
  const info = app?.providers.find((p) => p.id === provider);
  const name = info?.name ?? (provider ? PROVIDER_LABELS[provider] : '—');
  const demo = current?.demo ?? app?.demo ?? false;
  const heading = useRef<HTMLHeadingElement>(null);
  // The failure of the sign-in the user just tried (main's message, or a refusal main did not store).
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!focusRequested) return;
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
    onFocused?.();
  }, [focusRequested]);

  useEffect(() => {
    if (account?.signedIn) setFailure(null);
  }, [account?.signedIn]);

  return (
    <section class="settings-section account" aria-labelledby="settings-account">
      <h2 id="settings-account" ref={heading} tabIndex={-1}>
        Account
      </h2>
      {demo && (
        <p class="field-hint">
          You are using the demo: calls are simulated on this computer. Signing in connects your real {name} account.
        </p>
      )}
      {demo && app && provider && <DemoChoice providers={app.providers} current={provider} />}
      <dl class="facts">
        <dt>Provider</dt>
        <dd>{demo ? `${name} — demo (simulated calls)` : name}</dd>
        <dt>Signed in as</dt>
        <dd>
          <SignedInAs account={account} current={current} />
        </dd>
        {account?.signedIn && account.method && (
          <>
            <dt>How</dt>
            <dd>{SIGN_IN_METHOD_LABELS[account.method]}</dd>
          </>
        )}
      </dl>
      {/* main's word is read out politely; the failure of the sign-in the user just tried, as an alert. */}
      <p class="account-message" role="status">
        {!failure && account?.message}
      </p>
      {failure && (
        <p class="field-error account-message" role="alert">
          {failure}
        </p>
      )}
      {account && !account.persistent && (
        <p class="warning">
          <strong>Not kept after a restart.</strong> {account.persistenceNote ?? 'This computer offers no safe place to keep the sign-in.'}
        </p>
      )}
      {account &&
        (account.signedIn ? (
          <SignOutControl />
        ) : (
          <ProviderSignIn
            info={info ?? fallbackInfo(account)}
            account={account}
            onSignInStarted={() => setFailure(null)}
            onSignInEnded={(outcome) => setFailure(outcome.failure)}
          />
        ))}
      {account && !account.signedIn && !demo && app && provider && <TryDemo providers={app.providers} current={provider} />}
    </section>
  );
}

/** Before the app state arrives: the account's own sign-in kinds, with no settings fields. */
function fallbackInfo(account: AccountState): ProviderInfo {
  const name = PROVIDER_LABELS[account.provider];
  return {
    id: account.provider,
    name,
    shortName: name,
    capabilities: [],
    signIn: account.signInKinds,
    settingsFields: [],
    credentialFields: [],
    hasDemo: false,
  };
}
