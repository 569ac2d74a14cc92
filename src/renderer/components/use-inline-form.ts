/**
 * The submit logic every inline command form shares (Forward, Transfer, Flip, Play audio, Speak,
 * Collect digits, Reply, Dial into conference): check what was typed, show the check's message next
 * to the field and send nothing, or clear it, send, and — once main accepts — call `onSent` (close the
 * form, or empty it). Main's refusal itself shows as a notice (src/renderer/send-command.ts), so the
 * form stays open with what the user typed. Renders nothing and touches no Bridge itself.
 */
import { useState } from 'preact/hooks';
import type { Result } from '../../shared/result';

/** What a form's check gives back: why it cannot be sent, or how to send it. */
export type InlineSubmission = { problem: string } | { send: () => Promise<Result<unknown>> };

export interface InlineForm {
  /** The check's message for the field it is about; null while there is none. */
  error: string | null;
  /** Clears the message (another choice made it moot). */
  clearError: () => void;
  /** Wraps a field's setter so typing in it also clears the message. */
  edited: <T>(set: (value: T) => void) => (value: T) => void;
  /** The form's onSubmit. */
  onSubmit: (event: Event) => Promise<void>;
}

export function useInlineForm(check: () => InlineSubmission, onSent: () => void): InlineForm {
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const submission = check();
    if ('problem' in submission) return setError(submission.problem);
    setError(null);
    const result = await submission.send();
    if (result.ok) onSent();
  };
  const clearError = () => setError(null);
  const edited =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setError(null);
    };
  return { error, clearError, edited, onSubmit };
}
