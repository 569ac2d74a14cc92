/**
 * A button whose action cannot be undone (Release conference, Remove a member): it asks first. The
 * question is an inline alertdialog right below the button: focus goes to Cancel, Escape or Cancel
 * closes it and returns focus to the button (Escape must not hide the window), the confirm button does it.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ConfirmedButtonProps {
  /** The button's name (from ACTION_LABELS). */
  label: string;
  class?: string;
  disabled?: boolean;
  question: string;
  detail: string;
  /** The confirm button's name: says what happens, e.g. "Release for everyone". */
  confirmLabel: string;
  onConfirm: () => void;
}

export function ConfirmedButton(props: ConfirmedButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmId = useId();
  const questionId = useId();
  const detailId = useId();

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const close = () => {
    setConfirming(false);
    buttonRef.current?.focus();
  };

  const confirm = () => {
    setConfirming(false);
    props.onConfirm();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The window would hide on Escape: here it only closes the question.
    event.preventDefault();
    close();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        class={props.class ?? 'btn btn-hangup'}
        disabled={props.disabled}
        aria-expanded={confirming}
        aria-controls={confirmId}
        onClick={() => (confirming ? close() : setConfirming(true))}
      >
        {props.label}
      </button>
      <div id={confirmId} class="confirm-slot">
        {confirming && (
          <div class="confirm" role="alertdialog" aria-labelledby={questionId} aria-describedby={detailId} onKeyDown={onKeyDown}>
            <p id={questionId} class="confirm-question">
              {props.question}
            </p>
            <p id={detailId} class="confirm-detail">
              {props.detail}
            </p>
            <div class="form-actions">
              <button type="button" class="btn btn-hangup" onClick={confirm}>
                {props.confirmLabel}
              </button>
              <button ref={cancelRef} type="button" class="btn" onClick={close}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
    </>
  );
}
