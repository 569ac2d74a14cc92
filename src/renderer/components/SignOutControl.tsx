/**
 * "Sign out" for a signed-in account, confirmed inline: the question, then Sign out or Cancel. Focus
 * moves into the question and back to "Sign out" when the user changes their mind.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useBridge } from '../bridge-context';
import { useBridgeAction } from './use-bridge-action';
import { FieldError } from './FieldError';

export function SignOutControl() {
  const bridge = useBridge();
  const { run, busy, error } = useBridgeAction();
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const start = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (asked.current) start.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const signOut = async () => {
    if (await run(() => bridge.signOut(), 'sign out')) setConfirming(false);
  };

  return (
    <div class="sign-out">
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>Sign out of Webex? Switchboard will forget your sign-in and stop showing calls.</p>
          <div class="form-actions">
            <button type="button" class="btn btn-hangup" disabled={busy} onClick={() => void signOut()}>
              Sign out
            </button>
            <button ref={keep} type="button" class="btn" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={start} type="button" class="btn" onClick={() => setConfirming(true)}>
          Sign out
        </button>
      )}
      <FieldError error={error} />
    </div>
  );
}
