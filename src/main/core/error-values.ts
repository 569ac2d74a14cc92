/**
 * Turns anything a provider throws into the AppError value the core hands out (errors are values).
 * Must not import electron.
 */
import type { AppError } from '../../shared/result';
import { ProviderError } from '../provider-api/provider-error';

export function appErrorOf(error: unknown, providerName: string): AppError {
  if (error instanceof ProviderError) return error.toAppError();
  const why = error instanceof Error ? error.message : String(error);
  return { code: 'PROVIDER', message: `The request to ${providerName} failed: ${why}`, retryable: false };
}
