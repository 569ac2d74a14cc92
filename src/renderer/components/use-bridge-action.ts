/**
 * Running one user action through the Bridge: `busy` while it is on its way, and main's refusal (or the
 * failure to reach main) kept as the message to show next to the control that asked. Never throws.
 */
import { useState } from 'preact/hooks';
import type { Result } from '../../shared/result';
import { throughBridge } from '../bridge-request';

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
    const result = await throughBridge(action, what);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    return result.ok;
  };
  return { run, busy, error, clearError: () => setError(null) };
}
