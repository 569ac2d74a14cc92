/**
 * The Account section of Settings: the provider, who is signed in and how, main's last word about the
 * account (a failed or cancelled sign-in, a sign-out), a warning when the sign-in will not survive a
 * restart, and the controls: sign in to Webex while signed out, sign out while signed in. In demo mode
 * it says calls are simulated and offers the same sign-in. Shows only what main pushes; never a token
 * or a secret.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountState } from '../../shared/account';
import type { Account, Status } from '../../shared/domain';
import { PROVIDER_LABELS, SIGN_IN_METHOD_LABELS } from '../labels';
import { account as accountSignal, settings, status } from '../state';
import { SignOutControl } from './SignOutControl';
import { WebexSignIn } from './WebexSignIn';

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
    if (!user || current?.provider !== 'webex') return <>Signed in</>;
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

export function AccountSettings({ focusRequested = false, onFocused }: AccountSettingsProps) {
  const account = accountSignal.value;
  const current = status.value;
  const provider = current?.provider ?? settings.value?.provider;
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
      {current?.demo && (
        <p class="field-hint">
          You are using the demo: calls are simulated on this computer. Signing in with Webex connects your real
          Webex Calling account.
        </p>
      )}
      <dl class="facts">
        <dt>Provider</dt>
        <dd>{provider ? PROVIDER_LABELS[provider] : '—'}</dd>
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
          <WebexSignIn
            account={account}
            onSignInStarted={() => setFailure(null)}
            onSignInEnded={(outcome) => setFailure(outcome.failure)}
          />
        ))}
    </section>
  );
}
