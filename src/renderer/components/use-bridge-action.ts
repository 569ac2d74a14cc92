/**
 * Running one user action through the Bridge: `busy` while it is on its way, and main's refusal (or the
 * failure to reach main) kept as the message to show next to the control that asked. Never throws.
 */
import { useState } from 'preact/hooks';
import type { Result } from '../../shared/result';

export interface BridgeAction {
  /** Resolves true when main did it; `what` names the action in the message when main cannot be reached. */
  run: (action: () => Promise<Result<unknown>>, what: string) => Promise<boolean>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
}

export function useBridgeAction(): BridgeAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<Result<unknown>>, what: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (result.ok) return true;
      setError(result.error.message);
    } catch (failure) {
      setError(`Could not ${what}: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
    return false;
  };
  return { run, busy, error, clearError: () => setError(null) };
}
